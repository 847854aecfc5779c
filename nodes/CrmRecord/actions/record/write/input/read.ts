import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { VtigerClient } from '../../../../transport';
import { moduleOf } from '../../../context';
import type { InputRead, WriteInput, WriteOperation } from '../types';
import { readFieldsInput } from './fields';
import { readSyncLogInput } from './syncLogEntry';
import { readXeroInputs } from './xero';
import { readsXeroInput } from './xeroMode';

/**
 * Every item as a WriteInput, read by the node's Input mode: a Xero record (mapped for the whole batch), the fields
 * below, or a sync-log entry. An item that cannot be read comes back with its error, to fail alone.
 */
export async function readInputs(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
	operation: WriteOperation,
): Promise<InputRead[]> {
	if (readsXeroInput(ctx, items)) return await readXeroInputs(ctx, items, client, operation);
	return items.map((item, i): InputRead => {
		const module = moduleOf(ctx, i);
		try {
			if (module === '') throw new Error('Choose a module');
			const input: WriteInput =
				ctx.getNodeParameter('inputMode', i, 'fields') === 'syncLog'
					? readSyncLogInput(item, i, module, operation)
					: readFieldsInput(ctx, item, i, module, operation);
			return { input };
		} catch (error) {
			return { input: { itemIndex: i, module, values: {}, alternatives: [] }, error };
		}
	});
}
