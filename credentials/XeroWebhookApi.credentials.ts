import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The webhook signing key of a Xero app. Kept in a credential rather than a node parameter so it is encrypted at
 * rest, never exported with the workflow, and shared between workflows without copying it.
 */
export class XeroWebhookApi implements ICredentialType {
	name = 'xeroWebhookApi';

	displayName = 'Xero Webhook Key API';

	icon: Icon = { light: 'file:xero.svg', dark: 'file:xero.dark.svg' };

	documentationUrl = 'https://developer.xero.com/documentation/guides/webhooks/overview/';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Key',
			name: 'webhookKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key Xero shows under Webhooks in your app at developer.xero.com. Xero signs every delivery with it; deliveries with another signature are refused.',
		},
	];
}
