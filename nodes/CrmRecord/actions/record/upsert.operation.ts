import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { VtigerClient } from '../../transport';
import { writeItems } from './write/writeItems';
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
	return await writeItems.call(this, items, client, 'upsert');
}
