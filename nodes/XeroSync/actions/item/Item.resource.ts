import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as get from './get.operation';
import * as send from './send.operation';

export { get, send };

export const description: INodeProperties[] = [
	operationProperty('item', [
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
	]),
	...get.description,
	...send.description,
];
