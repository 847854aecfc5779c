import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * n8n-nodes-base is not installed here, yet our OAuth2 credentials extend its `oAuth2Api`. n8n merges a parent's
 * properties under the child's and decides the auth flow by the parent name, so the harness must know a parent with
 * the same property names and defaults as n8n-nodes-base's.
 */
/** Shown for the grants that send the user to Xero's login (authorization code, PKCE). */
const CODE_GRANTS = { show: { grantType: ['authorizationCode', 'pkce'] } };

export class OAuth2Api implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	genericAuth = true;

	// One property a line, in n8n-nodes-base's order, so it reads as the table it is.
	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [{ name: 'Authorization Code', value: 'authorizationCode' }, { name: 'Client Credentials', value: 'clientCredentials' }, { name: 'PKCE', value: 'pkce' }],
			default: 'authorizationCode',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', displayOptions: CODE_GRANTS, default: '', required: true },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '', required: true },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', displayOptions: CODE_GRANTS, default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [{ name: 'Body', value: 'body' }, { name: 'Header', value: 'header' }], default: 'header' },
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'boolean',
			default: false,
			displayOptions: { show: { grantType: ['clientCredentials'], authentication: ['body'] } },
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'json',
			displayOptions: { show: { grantType: ['clientCredentials'], authentication: ['body'], sendAdditionalBodyProperties: [true] } },
			default: '',
		},
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false, doNotInherit: true },
	];
}
