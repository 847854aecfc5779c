import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { VtigerClient } from '../../transport';
import { writePrimaryContacts } from './write/primaryContacts';
import { WriteRun } from './write/run';
import { upsertRecords } from './write/upsert/upsert';
import { fieldsMapper, matchOnField } from './write.descriptions';

export const description: INodeProperties[] = [
	fieldsMapper('upsert', 'getFields', 'Mandatory fields are needed when the record is new'),
	matchOnField,
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const run = await WriteRun.start(this, items, client, 'upsert');
	await run.writeEachModule(upsertRecords);
	await writePrimaryContacts(run);
	return run.output();
}
