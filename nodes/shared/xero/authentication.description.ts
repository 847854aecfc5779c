import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { XeroCredentialType } from './transport/types';

/** The credential type an "Authentication" value (xeroAuthenticationProperty) stands for. */
export function credentialTypeOf(authentication: string): XeroCredentialType {
	return authentication === 'customConnection' ? 'xeroCustomConnectionApi' : 'xeroSyncOAuth2Api';
}

/** Every Xero node offers the same two ways in, under the same names. */
export function xeroAuthenticationProperty(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'OAuth2 (Connect My Account)', value: 'oAuth2' },
			{ name: 'Custom Connection', value: 'customConnection' },
		],
		default: 'oAuth2',
		...extra,
	};
}

/** `show` adds a node's own conditions (the webhook trigger needs a credential only when it fetches records). */
export function xeroCredentials(show: Record<string, unknown[]> = {}): INodeCredentialDescription[] {
	return [
		{
			name: 'xeroSyncOAuth2Api',
			required: true,
			displayOptions: { show: { ...show, authentication: ['oAuth2'] } },
		},
		{
			name: 'xeroCustomConnectionApi',
			required: true,
			testedBy: 'xeroCustomConnectionApiTest',
			displayOptions: { show: { ...show, authentication: ['customConnection'] } },
		},
	];
}
