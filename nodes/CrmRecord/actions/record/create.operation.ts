import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { VtigerClient } from '../../transport';
import { createRecords } from './write/create';
import { writePrimaryContacts } from './write/primaryContacts';
import { WriteRun } from './write/run';
import { fieldsMapper } from './write.descriptions';

export const description: INodeProperties[] = [
	fieldsMapper('create', 'getFields', 'Mandatory fields are marked; references take record ids such as 11x2'),
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const run = await WriteRun.start(this, items, client, 'create');
	await run.writeEachModule(createRecords);
	await writePrimaryContacts(run);
	return run.output();
}
