import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { XeroSandbox } from '../../sandbox/xero';
import { SECOND_TENANT_ID } from '../../sandbox/xero';
import { searchTenants } from '../../nodes/shared/xero/methods/listSearch';
import { startSandbox, sandboxForBlock } from './support';

/**
 * The tenant picker runs in the editor's load-options context; this one authenticates like n8n's OAuth2 helper
 * would (bearer token from the sandbox's authorization-code flow) and nothing else.
 */
function loadOptionsContext(xero: XeroSandbox, accessToken: string): ILoadOptionsFunctions {
	return {
		getNode: () => ({ id: 'n', name: 'Xero Sync', type: 'n8n-nodes-xero-crm.xeroSync', typeVersion: 1, position: [0, 0], parameters: {} }),
		getNodeParameter: (name: string, fallback: unknown) => (name === 'authentication' ? 'oAuth2' : fallback),
		getCredentials: async () => ({ baseUrl: xero.url }) as IDataObject,
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: IHttpRequestOptions) {
				const response = await fetch(options.url, { headers: { ...(options.headers as Record<string, string>), authorization: `Bearer ${accessToken}` } });
				return { body: await response.json(), statusCode: response.status, headers: {} };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('Xero Organisation list search', () => {
	const xero = sandboxForBlock();

	it("lists the token's organisations by name and filters them case-insensitively", async () => {
		const token = await xero.authorize();
		const ctx = loadOptionsContext(xero, token.access_token);
		const all = await searchTenants.call(ctx);
		expect(all.results.map((r) => r.name)).toEqual(['Demo Company (NZ)', 'Second Demo Ltd']);
		const filtered = await searchTenants.call(ctx, 'second');
		expect(filtered.results).toEqual([{ name: 'Second Demo Ltd', value: SECOND_TENANT_ID }]);
	});

	it('an OAuth2 credential not connected yet says to connect it, not what n8n\'s OAuth2 client says (issue 13)', async () => {
		const ctx = loadOptionsContext(xero, '');
		ctx.helpers.httpRequestWithAuthentication = async () => {
			// What n8n's OAuth2 client (client-oauth2-token.js) throws when the credential holds no token yet.
			throw new Error('Unable to sign without access token');
		};
		const failure = (await searchTenants.call(ctx).then(
			() => undefined,
			(error: unknown) => error,
		)) as Error;
		expect(failure.message).toMatch(/not connected yet: open it and press "Connect my account"/);
		expect(failure.message).not.toMatch(/Unable to sign/);
	});

	it('offers only the organisations the user connected', async () => {
		// Xero keeps an app's connections across consents, so this needs a sandbox nobody connected to yet.
		const fresh = await startSandbox();
		try {
			const token = await fresh.authorize({ tenants: [SECOND_TENANT_ID] });
			const result = await searchTenants.call(loadOptionsContext(fresh, token.access_token));
			expect(result.results.map((r) => r.value)).toEqual([SECOND_TENANT_ID]);
		} finally {
			await fresh.close();
		}
	});
});
