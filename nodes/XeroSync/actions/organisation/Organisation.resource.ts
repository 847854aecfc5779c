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
		displayOptions: { show: { resource: ['organisation'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Read Xero contacts (customers and suppliers): one by ContactID or contact number, or many filtered by name, e-mail, status or last update',
				action: 'Get organisations',
			},
			{
				name: 'Send',
				value: 'send',
				description:
					'Create Xero contacts from a name and details, or update the one with the same ContactID, contact number or name; returns each with its ContactID',
				action: 'Send organisation',
			},
		],
		default: 'get',
	},
	...get.description,
	...send.description,
];
