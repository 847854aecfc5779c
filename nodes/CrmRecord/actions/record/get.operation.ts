import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { RecordProblem } from '../../helpers/recordProblem';
import { idProblem } from '../../helpers/validateRecord';
import { actionName, lineItemTypes, moduleOf, outputRecord, recordFailure } from '../context';
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
	const out: INodeExecutionData[] = [];
	const lineTypes = await lineItemTypes(client);
	for (let i = 0; i < items.length; i++) {
		const module = moduleOf(this, i);
		const id = String(this.getNodeParameter('recordId', i, '')).trim();
		const options = this.getNodeParameter('getOptions', i, {}) as IDataObject;
		try {
			if (id === '') throw new Error('Record ID is empty');
			const describe = module ? await client.describe(module) : undefined;
			const problem = describe && idProblem(id, describe);
			if (problem) throw new RecordProblem(`${module} record ${id}: ${problem}`, 'WRONG_MODULE');
			const record = await client.retrieve(id);
			const json = outputRecord(record, { raw: options.rawOutput === true, describe, lineItemTypes: lineTypes });
			if (options.xeroReferences !== false) await attachXeroReferences(client, module, [record], [json]);
			out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			out.push(
				recordFailure(this, error, i, {
					action: actionName('get', module),
					flow: 'CRM → Xero',
					module,
					label: id || `item ${i + 1}`,
					id,
				}),
			);
		}
	}
	return out;
}
