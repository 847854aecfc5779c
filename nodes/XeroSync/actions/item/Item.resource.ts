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
				action: 'Get items',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Create Xero items by item code, or update the one with the same ItemID or code',
				action: 'Send item',
			},
		],
		default: 'get',
	},
	...get.description,
	...send.description,
];
