import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { VtigerClient } from '../../transport';
import { WriteRun } from './write/run';
import { updateRecords } from './write/update';
import { fieldsMapper } from './write.descriptions';

export const description: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 11x42',
		description:
			'The ID of the record to change. With Xero input it may stay empty when the Xero record carries the CRM ID.',
		displayOptions: { show: { operation: ['update'] } },
	},
	fieldsMapper('update', 'getFieldsForUpdate', 'Only the fields you map are changed (vtiger revise)'),
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const run = await WriteRun.start(this, items, client, 'update');
	await run.writeEachModule(updateRecords);
	return run.output();
}
