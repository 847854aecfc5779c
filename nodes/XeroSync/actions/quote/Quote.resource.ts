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
		displayOptions: { show: { resource: ['quote'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Read Xero quotes: one by QuoteID or quote number, or many filtered by status, contact (ContactID) or quote date',
				action: 'Get quotes',
			},
			{
				name: 'Send',
				value: 'send',
				description:
					'Create Xero quotes for a contact with line items, or update the one with the same QuoteID or quote number',
				action: 'Send quote',
			},
		],
		default: 'get',
	},
	...get.description,
	...send.description,
];
