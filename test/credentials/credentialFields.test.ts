import { XeroCustomConnectionApi } from '../../credentials/XeroCustomConnectionApi.credentials';
import { xeroEndpoints } from '../../nodes/shared/xero/transport/endpoints';
import { XERO_BROAD_SCOPES, XERO_GRANULAR_SCOPES } from '../../credentials/XeroSyncOAuth2Api.credentials';
import { resolvedCredential } from '../harness';

describe('Xero credential fields as n8n resolves them', () => {
	it('points the OAuth2 credential at Xero with granular scopes and offline_access by default', () => {
		const data = resolvedCredential('xeroSyncOAuth2Api', { clientId: 'id', clientSecret: 'secret' });

		expect(data).toMatchObject({
			grantType: 'authorizationCode',
			authUrl: 'https://login.xero.com/identity/connect/authorize',
			accessTokenUrl: 'https://identity.xero.com/connect/token',
			scope: XERO_GRANULAR_SCOPES,
			authentication: 'header',
		});
		expect(String(data.scope).split(' ')).toEqual(
			expect.arrayContaining(['offline_access', 'accounting.invoices', 'accounting.contacts', 'accounting.settings']),
		);
		expect(String(data.scope)).not.toContain('accounting.transactions');
	});

	it('switches to the broad scopes for older apps', () => {
		const data = resolvedCredential('xeroSyncOAuth2Api', { clientId: 'id', clientSecret: 's', scopeSet: 'broad' });

		expect(data.scope).toBe(XERO_BROAD_SCOPES);
		expect(String(data.scope).split(' ')).toEqual(expect.arrayContaining(['offline_access', 'accounting.transactions']));
	});

	it('moves the authorize and token URLs to the override host, with or without a trailing slash', () => {
		for (const baseUrl of ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/', ' http://127.0.0.1:4010 ']) {
			const data = resolvedCredential('xeroSyncOAuth2Api', { clientId: 'id', clientSecret: 's', baseUrl });
			expect(data.authUrl).toBe('http://127.0.0.1:4010/identity/connect/authorize');
			expect(data.accessTokenUrl).toBe('http://127.0.0.1:4010/connect/token');
		}
	});

	it('keeps the Custom Connection out of oAuth2Api, so n8n runs its Test button, with a token field n8n expires', () => {
		const type = new XeroCustomConnectionApi();
		expect((type as { extends?: string[] }).extends).toBeUndefined();
		const token = type.properties.find((property) => property.name === 'accessToken');
		expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true, password: true } });
		expect(typeof type.preAuthentication).toBe('function');
		expect(type.authenticate.properties.headers).toEqual({ Authorization: '=Bearer {{$credentials.accessToken}}' });
		expect(xeroEndpoints('').token).toBe('https://identity.xero.com/connect/token');
		expect(xeroEndpoints('http://localhost:9/').token).toBe('http://localhost:9/connect/token');
	});
});
