import { startXeroSandbox, type TokenSet, type XeroSandbox } from '../../sandbox/xero';
import { resetXeroLimiters } from '../../nodes/shared/xero/transport';
import { chain, manualTrigger, node, runWorkflow, testNodeTypes } from '../harness';

let xero: XeroSandbox;
const requests: string[] = [];
let onRequest: ((line: string) => void) | undefined;

beforeAll(async () => {
	xero = await startXeroSandbox({
		port: 0,
		data: 'demo',
		validate: true,
		log: (line) => {
			requests.push(line);
			onRequest?.(line);
		},
	});
});
afterAll(async () => await xero.close());
beforeEach(() => {
	resetXeroLimiters();
	requests.length = 0;
	onRequest = undefined;
});

/** Another n8n worker refreshing the same credential: Xero rotates the refresh token for it. */
async function refreshElsewhere(refreshToken: string): Promise<TokenSet> {
	const { clientId, clientSecret } = xero.clients.web;
	const response = await fetch(`${xero.url}/connect/token`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
		},
		body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as TokenSet;
}

function organisationWorkflow(tenantId: string) {
	return chain([
		manualTrigger(),
		node('Xero', 'test.xeroCall', {
			parameters: { tenantId, path: '/Organisation' },
			credentials: { xeroSyncOAuth2Api: { id: '1', name: 'Xero account' } },
		}),
	]);
}

function storedCredential(tokens: TokenSet) {
	return {
		clientId: xero.clients.web.clientId,
		clientSecret: xero.clients.web.clientSecret,
		baseUrl: xero.url,
		oauthTokenData: { ...tokens },
	};
}

describe('Xero OAuth2 credential in a workflow (n8n refresh through the transport)', () => {
	it('refreshes an expired access token once, retries the call once, and stores the rotated refresh token', async () => {
		const tokens = await xero.authorize();
		const [tenant] = xero.tenants;
		xero.expireAccessTokens(tokens.access_token);
		requests.length = 0;

		const run = await runWorkflow(organisationWorkflow(tenant.tenantId), {
			credentials: { xeroSyncOAuth2Api: storedCredential(tokens) },
			nodeTypes: testNodeTypes(),
		});

		expect(run.error).toBeUndefined();
		const [[item]] = run.output('Xero');
		expect(item.json.status).toBe(200);
		expect((item.json.body as { Organisations: Array<{ Name: string }> }).Organisations[0].Name).toBe(tenant.tenantName);
		expect(requests).toEqual(['GET /api.xro/2.0/Organisation', 'POST /connect/token', 'GET /api.xro/2.0/Organisation']);

		const stored = run.credentials.xeroSyncOAuth2Api.oauthTokenData as unknown as TokenSet;
		expect(stored.refresh_token).toEqual(expect.any(String));
		expect(stored.refresh_token).not.toBe(tokens.refresh_token);
		expect(stored.access_token).not.toBe(tokens.access_token);
		expect(run.credentialSaves.map((save) => save.type)).toEqual(['xeroSyncOAuth2Api']);
		// Only what the user stored plus the new token data is saved: resolved URLs and scopes stay expressions.
		expect(Object.keys(run.credentials.xeroSyncOAuth2Api).sort()).toEqual(
			['baseUrl', 'clientId', 'clientSecret', 'oauthTokenData'].sort(),
		);
	});

	it('keeps working from the stored credential after the old refresh token was used up', async () => {
		const tokens = await xero.authorize();
		const [tenant] = xero.tenants;
		xero.expireAccessTokens(tokens.access_token);
		const first = await runWorkflow(organisationWorkflow(tenant.tenantId), {
			credentials: { xeroSyncOAuth2Api: storedCredential(tokens) },
			nodeTypes: testNodeTypes(),
		});
		xero.expireAccessTokens();
		requests.length = 0;

		const second = await runWorkflow(organisationWorkflow(tenant.tenantId), {
			credentials: first.credentials,
			nodeTypes: testNodeTypes(),
		});

		expect(second.output('Xero')[0][0].json.status).toBe(200);
		expect(requests).toEqual(['GET /api.xro/2.0/Organisation', 'POST /connect/token', 'GET /api.xro/2.0/Organisation']);
		const rotatedTwice = second.credentials.xeroSyncOAuth2Api.oauthTokenData as unknown as TokenSet;
		expect(rotatedTwice.refresh_token).not.toBe((first.credentials.xeroSyncOAuth2Api.oauthTokenData as unknown as TokenSet).refresh_token);
	});

	it('renews again when the new token expires too before the call gets its turn', async () => {
		const tokens = await xero.authorize();
		const [tenant] = xero.tenants;
		xero.expireAccessTokens(tokens.access_token);
		let reads = 0;
		// The Organisation read after the first renewal meets a second expiry (a call that waited long for its turn).
		onRequest = (line) => {
			if (line === 'GET /api.xro/2.0/Organisation' && ++reads === 2) xero.expireAccessTokens();
		};
		requests.length = 0;

		const run = await runWorkflow(organisationWorkflow(tenant.tenantId), {
			credentials: { xeroSyncOAuth2Api: storedCredential(tokens) },
			nodeTypes: testNodeTypes(),
		});

		expect(run.error).toBeUndefined();
		expect(run.output('Xero')[0][0].json.status).toBe(200);
		expect(requests.filter((line) => line === 'POST /connect/token')).toHaveLength(2);
		expect(run.credentialSaves).toHaveLength(2);
	});

	it('when another worker used the refresh token a moment earlier, waits and goes on with the tokens it saved', async () => {
		const tokens = await xero.authorize();
		const [tenant] = xero.tenants;
		xero.expireAccessTokens(tokens.access_token);
		const otherWorkers = await refreshElsewhere(tokens.refresh_token as string);
		// Xero accepts a used refresh token again for 30 minutes (sandbox/xero/README.md): the refusal this test is
		// about comes once that grace has passed, so the old token is made to look used longer ago.
		xero.invalidateRefreshToken(tokens.refresh_token as string);
		requests.length = 0;

		const run = await runWorkflow(organisationWorkflow(tenant.tenantId), {
			credentials: { xeroSyncOAuth2Api: storedCredential(tokens) },
			nodeTypes: testNodeTypes(),
			sharedCredentialStore: (write) => {
				// The other worker's save lands while this run's own refresh is being refused.
				onRequest = (line) => {
					if (line === 'POST /connect/token') write('xeroSyncOAuth2Api', storedCredential(otherWorkers));
				};
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.output('Xero')[0][0].json.status).toBe(200);
		expect(requests).toEqual(['GET /api.xro/2.0/Organisation', 'POST /connect/token', 'GET /api.xro/2.0/Organisation']);
		expect(run.credentialSaves).toHaveLength(0);
	});

	it('says to reconnect when the refresh token is no longer valid, without leaking a token', async () => {
		const tokens = await xero.authorize();
		const [tenant] = xero.tenants;
		xero.expireAccessTokens(tokens.access_token);
		xero.invalidateRefreshToken(tokens.refresh_token as string);

		const run = await runWorkflow(organisationWorkflow(tenant.tenantId), {
			credentials: { xeroSyncOAuth2Api: storedCredential(tokens) },
			nodeTypes: testNodeTypes(),
		});

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/invalid_grant.*Reconnect the Xero credential/);
		// One more try after a pause, in case another worker was saving new tokens; then it gives up.
		expect(requests.slice(-4)).toEqual([
			'GET /api.xro/2.0/Organisation',
			'POST /connect/token',
			'GET /api.xro/2.0/Organisation',
			'POST /connect/token',
		]);
		const everything = JSON.stringify(run.raw);
		expect(everything).not.toContain(tokens.access_token);
		expect(everything).not.toContain(tokens.refresh_token);
		expect(everything).not.toContain(xero.clients.web.clientSecret);
		expect(run.credentialSaves).toHaveLength(0);
	});
});
