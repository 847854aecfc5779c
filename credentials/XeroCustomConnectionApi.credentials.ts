import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { baseUrlProperty, xeroHostExpression } from '../nodes/shared/xero/transport/endpoints';

/**
 * A Xero Custom Connection: one organisation, client_credentials, no refresh token and no tenant header. Being an
 * oAuth2Api child with the client-credentials grant, n8n fetches (and re-fetches on 401) the token itself and shows
 * the Test button.
 */
// The names are fixed by the package's contract (docs/ARCHITECTURE.md) and by workflows already using them; a Custom
// Connection is not what users know as "OAuth2" even though n8n runs it as an oAuth2Api client-credentials grant.
// eslint-disable-next-line n8n-nodes-base/cred-class-name-missing-oauth2-suffix
export class XeroCustomConnectionApi implements ICredentialType {
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-name-missing-oauth2
	name = 'xeroCustomConnectionApi';

	extends = ['oAuth2Api'];

	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-oauth2
	displayName = 'Xero Custom Connection API';

	icon = 'file:xero.svg' as const;

	documentationUrl = 'https://developer.xero.com/documentation/guides/oauth2/custom-connections';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
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
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: xeroHostExpression('https://identity.xero.com', '/connect/token'),
		},
		{
			// Empty asks for every scope the connection was granted, which is what a Custom Connection is for.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		baseUrlProperty,
	];
}
