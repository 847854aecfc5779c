import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as get from './get.operation';
import * as send from './send.operation';

export { get, send };

export const description: INodeProperties[] = [
	operationProperty('organisation', [
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
	]),
	...get.description,
	...send.description,
];
