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
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Read Xero sales invoices and bills: one by InvoiceID or invoice number, or many filtered by contact (ContactID), date, status or search term',
				action: 'Get invoices',
			},
			{
				name: 'Send',
				value: 'send',
				description:
					'Create Xero invoices or bills for a contact with line items, or update the one with the same InvoiceID or invoice number',
				action: 'Send invoice',
			},
		],
		default: 'get',
	},
	...get.description,
	...send.description,
];
