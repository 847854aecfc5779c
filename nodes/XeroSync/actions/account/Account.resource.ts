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
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased -- "Xero" is a proper noun
				action: 'Get accounts from Xero',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Create Xero accounts (code, name, type), or update the one with the same AccountID or code',
				// eslint-disable-next-line n8n-nodes-base/node-param-operation-option-action-miscased -- "Xero" is a proper noun
				action: 'Send account to Xero',
			},
		],
		default: 'get',
	},
	...get.description,
	...send.description,
];
