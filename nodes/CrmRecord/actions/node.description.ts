import type { INodeProperties } from 'n8n-workflow';

import { moduleLocator } from './common.descriptions';
import {
	deleteDescription,
	getChangesDescription,
	getDescription,
	getManyDescription,
} from './record/read.descriptions';
import { writeDescription } from './record/write.descriptions';

export const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a record',
			action: 'Create a record',
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update a record',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a record',
			action: 'Delete a record',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a record by ID',
			action: 'Get a record',
		},
		{
			name: 'Get Changes',
			value: 'getChanges',
			description: 'Get records created, changed or deleted since the last run',
			action: 'Get changed records',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Search records with filters or VTQL',
			action: 'Get many records',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change the given fields of a record (others are kept)',
			action: 'Update a record',
		},
	],
	default: 'upsert',
};

export const nodeProperties: INodeProperties[] = [
	operationField,
	moduleLocator,
	...getDescription,
	...deleteDescription,
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 11x42',
		description: 'The ID of the record to change. With Xero input it may stay empty when the Xero record carries the CRM ID.',
		displayOptions: { show: { operation: ['update'] } },
	},
	...writeDescription,
	...getManyDescription,
	...getChangesDescription,
];
