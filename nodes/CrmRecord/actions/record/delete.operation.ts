import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachNamedRecord, emptyRecordId } from '../eachRecord';
import type { VtigerClient } from '../../transport';
import { recordIdField } from '../common.descriptions';

export const description: INodeProperties[] = [
	recordIdField(['delete'], 'The id of the record to delete, e.g. 11x42'),
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const how = { operation: 'delete', flow: 'Xero → CRM' as const, emptyId: emptyRecordId };
	return await eachNamedRecord(this, items, client, how, async ({ itemIndex, module, id }) => {
		await client.delete(id);
		return { json: { id, module, deleted: true }, pairedItem: { item: itemIndex } };
	});
}
