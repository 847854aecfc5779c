import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { VtigerClient } from '../../transport';
import { writeItems } from './write/writeItems';
import { fieldsMapper } from './write.descriptions';

export const description: INodeProperties[] = [
	fieldsMapper('create', 'getFields', 'Mandatory fields are marked; references take record ids such as 11x2'),
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	return await writeItems.call(this, items, client, 'create');
}
