import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { xeroAuthenticationProperty, xeroCredentials } from '../../../nodes/shared/xero/authentication.description';
import { createXeroTransport } from '../../../nodes/shared/xero/transport';
import type { XeroCredentialType, XeroRequest } from '../../../nodes/shared/xero/transport/types';
import { XeroApiError } from '../../../nodes/shared/xero/transport/XeroApiError';

/**
 * Test-only node: one Xero call per input item through the shared transport, as the package's nodes make them, so
 * credential and transport behaviour can be proven inside a real workflow run before (and apart from) the nodes.
 */
export class XeroCall implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xero Call',
		name: 'xeroCall',
		group: ['transform'],
		version: 1,
		description: 'Calls the Xero accounting API through the shared transport',
		defaults: { name: 'Xero Call' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: xeroCredentials(),
		properties: [
			xeroAuthenticationProperty(),
			{ displayName: 'Tenant ID', name: 'tenantId', type: 'string', default: '' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/Organisation' },
			{ displayName: 'Query', name: 'qs', type: 'json', default: '' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Idempotency Key', name: 'idempotencyKey', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const authentication = this.getNodeParameter('authentication', 0) as string;
		const credentialType: XeroCredentialType =
			authentication === 'customConnection' ? 'xeroCustomConnectionApi' : 'xeroSyncOAuth2Api';
		const transport = createXeroTransport(this, {
			credentialType,
			tenantId: (this.getNodeParameter('tenantId', 0) as string) || undefined,
		});
		const items = this.getInputData();
		return [
			await Promise.all(
				items.map(async (_item, itemIndex): Promise<INodeExecutionData> => {
					const rawBody = this.getNodeParameter('body', itemIndex) as string | IDataObject;
					const rawQs = this.getNodeParameter('qs', itemIndex, '') as string | IDataObject;
					const request: XeroRequest = {
						method: this.getNodeParameter('method', itemIndex) as XeroRequest['method'],
						path: this.getNodeParameter('path', itemIndex) as string,
						qs: typeof rawQs === 'string' ? (rawQs === '' ? undefined : (JSON.parse(rawQs) as IDataObject)) : rawQs,
						body: typeof rawBody === 'string' && rawBody !== '' ? (JSON.parse(rawBody) as IDataObject) : undefined,
						idempotencyKey: (this.getNodeParameter('idempotencyKey', itemIndex) as string) || undefined,
					};
					try {
						const response = await transport.request(request);
						return { json: { status: response.status, body: response.body }, pairedItem: { item: itemIndex } };
					} catch (error) {
						if (!this.continueOnFail() || !(error instanceof XeroApiError)) {
							throw new NodeApiError(this.getNode(), error as unknown as JsonObject, {
								itemIndex,
								message: (error as Error).message,
							});
						}
						return {
							json: { error: { message: error.message, status: error.status ?? null, type: error.type ?? null, dailyLimit: error.dailyLimit } },
							pairedItem: { item: itemIndex },
						};
					}
				}),
			),
		];
	}
}
