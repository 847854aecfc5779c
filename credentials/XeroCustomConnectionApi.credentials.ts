import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IAuthenticateGeneric,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { baseUrlProperty, xeroEndpoints } from '../nodes/shared/xero/transport/endpoints';

/**
 * A Xero Custom Connection: one organisation, client_credentials, no refresh token and no tenant header.
 *
 * It is deliberately not an oAuth2Api child: n8n's credential tester answers for every oAuth2Api child with "is a
 * token stored?" and never runs a test, so the Test button could neither catch a wrong secret nor say what is wrong.
 * n8n's preAuthentication fetches the token into the expirable field instead, and fetches it again on a 401.
 */
export class XeroCustomConnectionApi implements ICredentialType {
	name = 'xeroCustomConnectionApi';

	displayName = 'Xero Custom Connection API';

	icon: Icon = { light: 'file:xero.svg', dark: 'file:xero.dark.svg' };

	documentationUrl = 'https://developer.xero.com/documentation/guides/oauth2/custom-connections';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'From the Custom Connection app in the Xero developer portal',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		baseUrlProperty,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const basic = Buffer.from(`${String(credentials.clientId)}:${String(credentials.clientSecret)}`).toString('base64');
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: xeroEndpoints(credentials.baseUrl).token,
			headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials',
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: { access_token?: string; error?: string } };
		if (response.statusCode !== 200 || typeof response.body?.access_token !== 'string') {
			// The OAuth2 error code ("invalid_client", "invalid_scope" …) is all the transport needs to explain it.
			const oauthError = response.body?.error ?? `HTTP ${response.statusCode}`;
			throw Object.assign(new Error(`Xero refused the Custom Connection token request (${oauthError})`), {
				code: 'EAUTH',
				body: { error: oauthError },
			});
		}
		return { accessToken: response.body.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};
}
