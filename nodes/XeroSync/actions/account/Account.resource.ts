import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as get from './get.operation';
import * as send from './send.operation';

export { get, send };

export const description: INodeProperties[] = [
	operationProperty('account', [
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
	]),
	...get.description,
	...send.description,
];
