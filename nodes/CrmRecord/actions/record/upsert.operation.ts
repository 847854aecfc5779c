import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { VtigerClient } from '../../transport';
import { writeItems } from './write/writeItems';

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	return await writeItems.call(this, items, client, 'upsert');
}
