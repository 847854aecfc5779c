import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as send from './send.operation';

export { get, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['item'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Read Xero items (products and services): one by ItemID or item code, or many filtered by last update',
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased -- "Xero" is a proper noun
				action: 'Get items from Xero',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Create Xero items by item code, or update the one with the same ItemID or code',
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased -- "Xero" is a proper noun
				action: 'Send item to Xero',
			},
		],
		default: 'get',
	},
	...get.description,
	...send.description,
];
