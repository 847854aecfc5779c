import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { baseUrlProperty, xeroHostExpression } from '../nodes/shared/xero/transport/endpoints';

/** Apps created since 2 March 2026 must ask for granular scopes; offline_access is what yields a refresh token. */
export const XERO_GRANULAR_SCOPES =
	'offline_access accounting.contacts accounting.settings accounting.invoices accounting.payments';
export const XERO_BROAD_SCOPES = 'offline_access accounting.contacts accounting.settings accounting.transactions';

export class XeroSyncOAuth2Api implements ICredentialType {
	name = 'xeroSyncOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Xero Sync OAuth2 API';

	icon: Icon = { light: 'file:xero.svg', dark: 'file:xero.dark.svg' };

	documentationUrl = 'https://developer.xero.com/documentation/guides/oauth2/auth-flow';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Scopes',
			name: 'scopeSet',
			type: 'options',
			options: [
				{
					name: 'Granular (Apps Created Since March 2026)',
					value: 'granular',
					description: XERO_GRANULAR_SCOPES,
				},
				{
					name: 'Broad (Older Apps)',
					value: 'broad',
					description: XERO_BROAD_SCOPES,
				},
			],
			default: 'granular',
			description:
				'Xero requires granular scopes for apps created since 2 March 2026; older apps may keep the broad ones until they migrate',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: xeroHostExpression('https://login.xero.com', '/identity/connect/authorize'),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: xeroHostExpression('https://identity.xero.com', '/connect/token'),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `={{ $self["scopeSet"] === "broad" ? "${XERO_BROAD_SCOPES}" : "${XERO_GRANULAR_SCOPES}" }}`,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
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
