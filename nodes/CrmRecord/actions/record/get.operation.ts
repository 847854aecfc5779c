import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { lineItemTypes, outputRecord } from '../context';
import { eachNamedRecord, emptyRecordId } from '../eachRecord';
import type { VtigerClient } from '../../transport';
import { rawOutputOption, recordIdField } from '../common.descriptions';
import { attachXeroReferences, xeroReferencesOption } from '../xeroReferences';

export const description: INodeProperties[] = [
	recordIdField(['get'], 'The id of the record, e.g. 11x42 (module prefix, "x", record number)'),
	{
		displayName: 'Options',
		name: 'getOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['get'] } },
		options: [xeroReferencesOption, rawOutputOption],
	},
];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const lineTypes = await lineItemTypes(client);
	const how = { operation: 'get', flow: 'CRM → Xero' as const, emptyId: emptyRecordId };
	return await eachNamedRecord(this, items, client, how, async ({ itemIndex, module, id, describe }) => {
		const options = this.getNodeParameter('getOptions', itemIndex, {}) as IDataObject;
		const record = await client.retrieve(id);
		const json = outputRecord(record, { raw: options.rawOutput === true, describe, lineItemTypes: lineTypes });
		if (options.xeroReferences !== false) await attachXeroReferences(client, module, [record], [json]);
		return { json, pairedItem: { item: itemIndex } };
	});
}
