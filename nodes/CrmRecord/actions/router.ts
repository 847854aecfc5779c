import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { finishRun } from '../../shared/runSummary';
import { throwIfStopping } from '../../shared/syncLog';
import { VtigerApiError, type VtigerClient } from '../transport';
import { actionName, crmClient, moduleOf, recordFailure } from './context';
import * as attachDocument from './record/attachDocument.operation';
import * as create from './record/create.operation';
import * as deleteRecord from './record/delete.operation';
import * as get from './record/get.operation';
import * as getChanges from './record/getChanges.operation';
import * as getMany from './record/getMany.operation';
import * as update from './record/update.operation';
import * as upsert from './record/upsert.operation';

type Operation = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
) => Promise<INodeExecutionData[]>;

const operations: Record<string, Operation> = {
	attachDocument: attachDocument.execute,
	create: create.execute,
	delete: deleteRecord.execute,
	get: get.execute,
	getChanges: getChanges.execute,
	getMany: getMany.execute,
	update: update.execute,
	upsert: upsert.execute,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const startedAt = new Date();
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[operation];
	if (!run) throw new Error(`The operation "${operation}" is not supported`);

	let output: INodeExecutionData[];
	try {
		output = await run.call(this, items, await crmClient(this));
	} catch (error) {
		// A call the whole batch needed failed (the login, a describe, a lookup query): every item fails with it.
		output = items.map((_item, i) =>
			recordFailure(this, error, i, {
				action: `${operation} records`,
				flow: ['get', 'getMany', 'getChanges'].includes(operation) ? 'CRM → Xero' : 'Xero → CRM',
				module: '',
				label: `item ${i + 1}`,
				subject: batchStep(error, operation),
			}),
		);
	}
	throwIfStopping(this, output);
	return [finishRun(this, items, output, { module: items.length > 0 ? moduleOf(this, 0) : '', operation }, startedAt)];
}

const LOGIN_OPERATIONS = new Set(['getchallenge', 'login']);

/** Names the call that failed, so a failed lookup query is not reported as a failed login. */
function batchStep(error: unknown, operation: string): string {
	if (!(error instanceof VtigerApiError)) return actionName(operation, '');
	if (LOGIN_OPERATIONS.has(error.operation)) return 'CRM login';
	return `CRM ${error.operation} call that the whole batch needed`;
}
