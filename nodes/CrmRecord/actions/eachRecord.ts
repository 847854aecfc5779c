import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SyncFlow } from '../../shared/syncLog';
import { RecordProblem } from '../helpers/recordProblem';
import { idProblem } from '../helpers/validateRecord';
import type { DescribeResult, VtigerClient } from '../transport';
import { actionName, moduleOf, recordFailure } from './context';

/** One item's record, as the operations that act on a record named by Record ID (Get, Delete, Attach) see it. */
export interface NamedRecord {
	itemIndex: number;
	module: string;
	id: string;
	/** The module's describe; absent when no module was chosen. */
	describe?: DescribeResult;
}

/** The message for an item without a Record ID. */
export function emptyRecordId(itemIndex: number): string {
	return `Item ${itemIndex + 1}: Record ID is empty; map the id of the record (e.g. 11x42).`;
}

/**
 * Runs `body` for each item's record, after checking its Record ID: present, and of the chosen module (vtiger
 * answers an id of another module with that module's record). An item whose check or body throws becomes its
 * sync-log failure, and the next item goes on.
 */
export async function eachNamedRecord(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
	how: { operation: string; flow: SyncFlow; emptyId: (itemIndex: number) => string },
	body: (record: NamedRecord) => Promise<INodeExecutionData>,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const module = moduleOf(ctx, i);
		const id = String(ctx.getNodeParameter('recordId', i, '')).trim();
		try {
			if (id === '') throw new RecordProblem(how.emptyId(i), 'INPUT');
			const describe = module ? await client.describe(module) : undefined;
			const problem = describe && idProblem(id, describe);
			if (problem) throw new RecordProblem(`${module} record ${id}: ${problem}`, 'WRONG_MODULE');
			out.push(await body({ itemIndex: i, module, id, describe }));
		} catch (error) {
			const context = { action: actionName(how.operation, module), flow: how.flow, module, label: id || `item ${i + 1}`, id };
			out.push(recordFailure(ctx, error, i, context));
		}
	}
	return out;
}
