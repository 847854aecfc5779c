import { createHash } from 'node:crypto';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { apiClient } from '../../sandbox/xero/testing/apiClient';

const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

async function tokenCall(xero: XeroSandbox, form: Record<string, string>, basic?: [string, string]) {
	const response = await fetch(`${xero.url}/connect/token`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			...(basic ? { authorization: `Basic ${Buffer.from(`${basic[0]}:${basic[1]}`).toString('base64')}` } : {}),
		},
		body: new URLSearchParams(form).toString(),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Xero sandbox identity', () => {
	let xero: XeroSandbox;
	const web: [string, string] = ['sandbox-web-client', 'sandbox-web-secret'];

	beforeEach(async () => {
		xero = await startXeroSandbox({ port: 0, data: 'demo', validate: true });
	});
	afterEach(async () => {
		await xero.close();
	});

	async function consent(params: Record<string, string>) {
		const url = new URL('/identity/connect/authorize', xero.url);
		url.search = new URLSearchParams(params).toString();
		return fetch(url, { redirect: 'manual' });
	}

	it('auto-consents with a 302 to the redirect URI carrying code and state, and checks client_id and redirect_uri', async () => {
		const ok = await consent({ response_type: 'code', client_id: web[0], redirect_uri: REDIRECT, scope: 'openid offline_access accounting.contacts', state: 'xyz' });
		expect(ok.status).toBe(302);
		const location = new URL(ok.headers.get('location') ?? '');
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
		expect(location.searchParams.get('state')).toBe('xyz');
		expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);

		expect((await consent({ response_type: 'code', redirect_uri: REDIRECT, scope: 'openid' })).status).toBe(400);
		expect((await consent({ response_type: 'code', client_id: 'nobody', redirect_uri: REDIRECT, scope: 'openid' })).status).toBe(400);
		expect((await consent({ response_type: 'code', client_id: web[0], scope: 'openid' })).status).toBe(400);
	});

	it('exchanges a code once, for the redirect URI it was issued to', async () => {
		const redirect = await consent({ response_type: 'code', client_id: web[0], redirect_uri: REDIRECT, scope: 'openid offline_access accounting.contacts' });
		const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
		const wrongUri = await tokenCall(xero, { grant_type: 'authorization_code', code, redirect_uri: 'http://elsewhere/cb' }, web);
		expect(wrongUri).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

		const redirect2 = await consent({ response_type: 'code', client_id: web[0], redirect_uri: REDIRECT, scope: 'openid offline_access accounting.contacts' });
		const code2 = new URL(redirect2.headers.get('location') ?? '').searchParams.get('code') ?? '';
		const first = await tokenCall(xero, { grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT }, web);
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 1800, scope: 'openid offline_access accounting.contacts' });
		expect(typeof first.body.refresh_token).toBe('string');
		expect(typeof first.body.id_token).toBe('string');
		// Xero's access tokens are JWTs: clients read exp from them
		const payload = JSON.parse(Buffer.from(String(first.body.access_token).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
		expect(payload.client_id).toBe(web[0]);
		expect(payload.scope).toEqual(['openid', 'offline_access', 'accounting.contacts']);

		const again = await tokenCall(xero, { grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT }, web);
		expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
	});

	it('checks a PKCE code_verifier when the consent carried a code_challenge', async () => {
		const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const codeFor = async () => {
			const redirect = await consent({ response_type: 'code', client_id: web[0], redirect_uri: REDIRECT, scope: 'offline_access accounting.contacts', code_challenge: challenge, code_challenge_method: 'S256' });
			return new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
		};
		const wrong = await tokenCall(xero, { grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT, code_verifier: 'not-the-verifier' }, web);
		expect(wrong.body.error).toBe('invalid_grant');
		const right = await tokenCall(xero, { grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT, code_verifier: verifier }, web);
		expect(right.status).toBe(200);
	});

	it('rotates refresh tokens: the old one works again only within the 30-minute retry grace, the new one works', async () => {
		const tokens = await xero.authorize();
		const refreshed = await tokenCall(xero, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) }, web);
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
		expect(refreshed.body.access_token).not.toBe(tokens.access_token);

		// Xero: a refresh whose answer was lost may be retried with the same refresh token for up to 30 minutes.
		xero.advanceClock(29 * 60_000);
		const retried = await tokenCall(xero, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) }, web);
		expect(retried.status).toBe(200);
		xero.advanceClock(2 * 60_000);
		const reused = await tokenCall(xero, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) }, web);
		expect(reused).toEqual({ status: 400, body: { error: 'invalid_grant' } });

		const next = await tokenCall(xero, { grant_type: 'refresh_token', refresh_token: String(refreshed.body.refresh_token) }, web);
		expect(next.status).toBe(200);
	});

	it('expires refresh tokens after 60 days unused and access tokens after 30 minutes', async () => {
		const tokens = await xero.authorize();
		const api = apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: xero.tenants[0].tenantId });
		expect((await api.get('/Organisation')).status).toBe(200);
		xero.advanceClock(29 * 60_000);
		expect((await api.get('/Organisation')).status).toBe(200);
		xero.advanceClock(2 * 60_000);
		const expired = await api.get('/Organisation');
		expect(expired.status).toBe(401);
		expect(expired.json).toMatchObject({ Title: 'Unauthorized', Status: 401 });
		expect(String(expired.json.Detail)).toMatch(/^TokenExpired: token expired at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);

		xero.advanceClock(61 * 24 * 60 * 60_000);
		const stale = await tokenCall(xero, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) }, web);
		expect(stale).toEqual({ status: 400, body: { error: 'invalid_grant' } });
	});

	it('reports real seconds in expires_in when the clock is scaled', async () => {
		const fast = await startXeroSandbox({ clockScale: 60, data: 'empty' });
		try {
			const tokens = await fast.authorize();
			expect(tokens.expires_in).toBe(30);
		} finally {
			await fast.close();
		}
	});

	it('gives invalid_client for a bad secret, by Basic auth or in the body', async () => {
		expect(await tokenCall(xero, { grant_type: 'client_credentials' }, ['sandbox-custom-client', 'wrong'])).toEqual({ status: 400, body: { error: 'invalid_client' } });
		expect(await tokenCall(xero, { grant_type: 'client_credentials', client_id: 'sandbox-custom-client', client_secret: 'wrong' })).toEqual({ status: 400, body: { error: 'invalid_client' } });
		const good = await tokenCall(xero, { grant_type: 'client_credentials', client_id: 'sandbox-custom-client', client_secret: 'sandbox-custom-secret' });
		expect(good.status).toBe(200);
		expect(good.body.refresh_token).toBeUndefined();
		expect(await tokenCall(xero, { grant_type: 'password' }, web)).toEqual({ status: 400, body: { error: 'unsupported_grant_type' } });
		expect(await tokenCall(xero, { grant_type: 'client_credentials' }, web)).toEqual({ status: 400, body: { error: 'unauthorized_client' } });
	});

	it('lets a Custom Connection reach its one organisation without xero-tenant-id', async () => {
		const tokens = await xero.clientCredentialsToken();
		const api = apiClient({ baseUrl: xero.url, accessToken: tokens.access_token });
		const org = await api.get<{ Organisations: Array<{ Name: string }> }>('/Organisation');
		expect(org.status).toBe(200);
		expect(org.json.Organisations[0].Name).toBe('Demo Company (NZ)');
		const other = await apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: xero.tenants[1].tenantId }).get('/Organisation');
		expect(other.status).toBe(403);
		expect(other.json).toMatchObject({ Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful' });
		const connections = await fetch(`${xero.url}/connections`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
		expect(((await connections.json()) as unknown[]).length).toBe(1);
	});

	it("answers 401 AuthorizationUnsuccessful when the token lacks the operation's scope", async () => {
		const noScope = await xero.clientCredentialsToken('sandbox-custom-noscope', 'sandbox-custom-secret');
		const denied = await apiClient({ baseUrl: xero.url, accessToken: noScope.access_token }).get('/Contacts');
		expect(denied.status).toBe(401);
		expect(denied.json).toMatchObject({ Title: 'Unauthorized', Status: 401, Detail: 'AuthorizationUnsuccessful' });

		const readOnly = await xero.authorize({ scopes: ['offline_access', 'accounting.contacts.read', 'accounting.invoices.read'] });
		const api = apiClient({ baseUrl: xero.url, accessToken: readOnly.access_token, tenantId: xero.tenants[0].tenantId });
		expect((await api.get('/Contacts')).status).toBe(200);
		expect((await api.get('/Invoices')).status).toBe(200);
		expect((await api.put('/Contacts', { Contacts: [{ Name: 'Read only' }] })).status).toBe(401);
		expect((await api.get('/Items')).status).toBe(401);
	});

	it('accepts the broad legacy scopes and the granular ones', async () => {
		for (const scopes of [
			['accounting.transactions', 'accounting.contacts', 'accounting.settings'],
			['accounting.invoices', 'accounting.payments', 'accounting.contacts', 'accounting.settings'],
		]) {
			const tokens = await xero.authorize({ scopes });
			const api = apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: xero.tenants[0].tenantId });
			expect((await api.get('/Invoices?page=1')).status).toBe(200);
			expect((await api.get('/Contacts')).status).toBe(200);
			expect((await api.get('/Items')).status).toBe(200);
		}
	});

	it('lists several tenants per token in the yaml shape and disconnects one with DELETE', async () => {
		const tokens = await xero.authorize();
		const headers = { authorization: `Bearer ${tokens.access_token}` };
		const list = (await (await fetch(`${xero.url}/connections`, { headers })).json()) as Array<Record<string, string>>;
		expect(list.map((connection) => connection.tenantName).sort()).toEqual(['Demo Company (NZ)', 'Second Demo Ltd']);
		for (const connection of list) {
			expect(Object.keys(connection).sort()).toEqual(['authEventId', 'createdDateUtc', 'id', 'tenantId', 'tenantName', 'tenantType', 'updatedDateUtc']);
			expect(connection.tenantType).toBe('ORGANISATION');
		}
		const second = list.find((connection) => connection.tenantName === 'Second Demo Ltd');
		const removed = await fetch(`${xero.url}/connections/${second?.id}`, { method: 'DELETE', headers });
		expect(removed.status).toBe(204);
		const after = (await (await fetch(`${xero.url}/connections`, { headers })).json()) as unknown[];
		expect(after).toHaveLength(1);
		const api = apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: second?.tenantId });
		expect((await api.get('/Organisation')).status).toBe(403);
		expect((await fetch(`${xero.url}/connections`)).status).toBe(401);
	});

	it('connects only the organisations ticked on consent', async () => {
		const tokens = await xero.authorize({ tenants: [xero.tenants[1].tenantId] });
		const list = (await (await fetch(`${xero.url}/connections`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as Array<Record<string, string>>;
		expect(list.map((connection) => connection.tenantId)).toEqual([xero.tenants[1].tenantId]);
	});

	it('revokes a refresh token: it stops refreshing, its access tokens stop working, the connections go', async () => {
		const tokens = await xero.authorize();
		const form = new URLSearchParams({ token: String(tokens.refresh_token) });
		const revoked = await fetch(`${xero.url}/connect/revocation`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(web.join(':')).toString('base64')}` },
			body: form.toString(),
		});
		expect(revoked.status).toBe(200);
		expect(await tokenCall(xero, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) }, web)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
		const api = apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: xero.tenants[0].tenantId });
		expect((await api.get('/Organisation')).status).toBe(401);
	});

	it('rejects a token from another sandbox and a missing one', async () => {
		const other = await startXeroSandbox({ data: 'empty' });
		try {
			const foreign = await other.authorize();
			const api = apiClient({ baseUrl: xero.url, accessToken: foreign.access_token, tenantId: xero.tenants[0].tenantId });
			const answer = await api.get('/Organisation');
			expect(answer.status).toBe(401);
			expect(answer.json.Detail).toBe('AuthenticationUnsuccessful');
		} finally {
			await other.close();
		}
		const bare = await fetch(`${xero.url}/api.xro/2.0/Organisation`, { headers: { 'xero-tenant-id': xero.tenants[0].tenantId } });
		expect(bare.status).toBe(401);
	});

	it('answers 403 for a web-app token without xero-tenant-id or with a tenant it is not connected to', async () => {
		const tokens = await xero.authorize({ tenants: [xero.tenants[0].tenantId] });
		expect((await apiClient({ baseUrl: xero.url, accessToken: tokens.access_token }).get('/Organisation')).status).toBe(403);
		expect((await apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: xero.tenants[1].tenantId }).get('/Organisation')).status).toBe(403);
	});
});
