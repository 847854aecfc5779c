import type { INodeProperties } from 'n8n-workflow';

import { runSummaryProperty } from '../../shared/runSummary';
import { moduleLocator } from './common.descriptions';
import * as attachDocument from './record/attachDocument.operation';
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
			name: 'Attach Document',
			value: 'attachDocument',
			description:
				'Attach a file from the input (e.g. an invoice PDF) or a link to a record, as a Documents record related to it',
			action: 'Attach a document to a record',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create a new record in the chosen module (e.g. an organisation in Accounts) from field values',
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
			description: 'Delete one record by its CRM ID (e.g. 11x42)',
			action: 'Delete a record',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one record by its CRM ID (e.g. 11x42)',
			action: 'Get a record',
		},
		{
			name: 'Get Changes',
			value: 'getChanges',
			description: 'Get records created, changed or deleted since the last run of this workflow, or since a given time',
			action: 'Get changed records',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Find records of a module by field conditions (e.g. accountname equals Acme) or a VTQL query',
			action: 'Get many records',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change the given fields of one record, found by its CRM ID (other fields are kept)',
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
	...attachDocument.description,
	runSummaryProperty,
];
