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
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Read the Xero chart of accounts: one account by AccountID or account code, or many filtered by status (or by type with a Where expression)',
				action: 'Get accounts',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Create Xero accounts (code, name, type), or update the one with the same AccountID or code',
				action: 'Send account',
			},
		],
		default: 'get',
	},
	...get.description,
	...send.description,
];
