import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { RecordProblem } from '../../helpers/recordProblem';
import { idProblem } from '../../helpers/validateRecord';
import { actionName, moduleOf, recordFailure } from '../context';
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
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const module = moduleOf(this, i);
		const id = String(this.getNodeParameter('recordId', i, '')).trim();
		try {
			if (id === '') throw new Error('Record ID is empty');
			const problem = module ? idProblem(id, await client.describe(module)) : undefined;
			if (problem) throw new RecordProblem(`${module} record ${id}: ${problem}`, 'WRONG_MODULE');
			await client.delete(id);
			out.push({ json: { id, module, deleted: true }, pairedItem: { item: i } });
		} catch (error) {
			out.push(
				recordFailure(this, error, i, {
					action: actionName('delete', module),
					flow: 'Xero → CRM',
					module,
					label: id || `item ${i + 1}`,
					id,
				}),
			);
		}
	}
	return out;
}
