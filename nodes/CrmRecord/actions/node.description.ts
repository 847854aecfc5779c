import type { INodeProperties } from 'n8n-workflow';

import { moduleLocator } from './common.descriptions';
import * as create from './record/create.operation';
import * as deleteRecord from './record/delete.operation';
import * as get from './record/get.operation';
import * as getChanges from './record/getChanges.operation';
import * as getMany from './record/getMany.operation';
import * as update from './record/update.operation';
import * as upsert from './record/upsert.operation';
import { writeInputDescription, writeTailDescription } from './record/write.descriptions';

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
	...get.description,
	...deleteRecord.description,
	...getMany.description,
	...getChanges.description,
	...writeInputDescription,
	...create.description,
	...update.description,
	...upsert.description,
	...writeTailDescription,
];
