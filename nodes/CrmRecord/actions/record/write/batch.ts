import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldTypes, type FieldTypes } from '../../../helpers/normalise';
import { RecordProblem } from '../../../helpers/recordProblem';
import { isUnchanged } from '../../../helpers/unchanged';
import { droppedReferences, referenceValues, roundedCurrencies } from '../../../helpers/validateRecord';
import { sleep } from 'n8n-workflow';
import { VtigerApiError, type DescribeResult, type VtigerClient, type VtigerRecord } from '../../../transport';
import { actionName, outputRecord, recordFailure } from '../../context';
import { describeReferenceIssue, findReferenceIssues } from '../../references';
import { prepareWrite, type PreparedWrite } from './prepare';
import type { WriteInput, WriteOperation } from './types';

/** Items per upsert lookup query (and ids per current-values query). */
export const MATCH_BATCH = 100;

export interface Batch {
	ctx: IExecuteFunctions;
	client: VtigerClient;
	operation: WriteOperation;
	results: Array<INodeExecutionData | undefined>;
	raw: boolean;
	checkReferences: boolean;
	lineTypes?: FieldTypes;
	/**
	 * vtiger's duplicate check runs on every save, revises included: while an overlapping run's copy of a record
	 * exists, the revise of the copy every run keeps is refused. Upserts collect those revises here and send them
	 * again once every run has settled its races (see runUpserts), instead of waiting inside a chunk for a run that
	 * may itself be waiting for this one.
	 */
	refusedRevises?: RefusedRevise[];
}

export interface RefusedRevise {
	write: PreparedWrite;
	id: string;
}

export function fail(batch: Batch, input: WriteInput, error: unknown, label: string, describe?: DescribeResult, id?: string) {
	batch.results[input.itemIndex] = recordFailure(batch.ctx, error, input.itemIndex, {
		action: actionName(batch.operation, input.module),
		flow: 'Xero → CRM',
		module: input.module,
		label,
		describe,
		id: id ?? input.recordId,
		xeroId: input.xeroId,
	});
}

export function succeed(batch: Batch, input: WriteInput, record: VtigerRecord, describe: DescribeResult) {
	batch.results[input.itemIndex] = {
		json: outputRecord(record, { raw: batch.raw, describe, lineItemTypes: batch.lineTypes }) as IDataObject,
		pairedItem: { item: input.itemIndex },
	};
}

/** Reference ids of the whole group are checked with one query per referenced module, before anything is written. */
export async function dropBadReferences(batch: Batch, prepared: PreparedWrite[], describe: DescribeResult) {
	if (!batch.checkReferences || prepared.length === 0) return prepared;
	const issues = await findReferenceIssues(
		batch.client,
		prepared.map((write) => referenceValues(write.element, describe)),
	);
	return prepared.filter((write, index) => {
		if (issues[index].length === 0) return true;
		const message = `${describe.name} record ${write.label}: ${issues[index].map(describeReferenceIssue).join('; ')}`;
		fail(batch, write.input, new RecordProblem(message, 'REFERENCE_MISSING'), write.label, describe);
		return false;
	});
}

export function prepareAll(
	batch: Batch,
	inputs: WriteInput[],
	describe: DescribeResult,
	userId: string,
	mode: (input: WriteInput) => 'create' | 'revise',
): PreparedWrite[] {
	const prepared: PreparedWrite[] = [];
	for (const input of inputs) {
		try {
			prepared.push(prepareWrite(input, describe, mode(input), userId, batch.lineTypes));
		} catch (error) {
			fail(batch, input, error, `item ${input.itemIndex + 1}`, describe);
		}
	}
	return prepared;
}

/**
 * What vtiger accepts but silently changes, found in its answer: a reference to a missing record stored as "" (when
 * references were not checked up front) and amounts rounded to the user's currency decimals. The record is written,
 * so the failure names it for a fix.
 */
export function checkWritten(batch: Batch, write: PreparedWrite, record: VtigerRecord, describe: DescribeResult) {
	const id = String(record.id);
	const what = `${describe.name} record ${write.label} was written as ${id}, but`;
	const dropped = droppedReferences(write.element, record, describe);
	if (dropped.length > 0) {
		const message = `${what} vtiger dropped ${dropped.map((ref) => `${ref.field} = ${ref.id}`).join(', ')}: no such record. Fix the reference and update ${id}.`;
		return fail(batch, write.input, new RecordProblem(message, 'REFERENCE_DROPPED'), write.label, describe, id);
	}
	const rounded = roundedCurrencies(write.element, record, describe);
	if (rounded.length > 0) {
		const changes = rounded.map((r) => `${r.field} ${r.sent} to ${r.stored}`).join(', ');
		const message = `${what} the CRM rounded ${changes}. Set "Number of Currency Decimals" to 2 in the CRM user's My Preferences, then update ${id} again.`;
		return fail(batch, write.input, new RecordProblem(message, 'CURRENCY_ROUNDED'), write.label, describe, id);
	}
	succeed(batch, write.input, record, describe);
}

export async function createOne(batch: Batch, write: PreparedWrite, describe: DescribeResult) {
	try {
		checkWritten(batch, write, await batch.client.create(describe.name, write.element), describe);
	} catch (error) {
		fail(batch, write.input, error, write.label, describe);
	}
}

export async function reviseOne(batch: Batch, write: PreparedWrite, id: string, describe: DescribeResult, retryWaitsMs: number[] = []) {
	try {
		checkWritten(batch, write, await batch.client.revise({ ...write.element, id }), describe);
	} catch (error) {
		if (isDuplicateRefusal(error) && batch.refusedRevises) return batch.refusedRevises.push({ write, id });
		const [wait, ...later] = retryWaitsMs;
		if (wait === undefined || !isDuplicateRefusal(error)) return fail(batch, write.input, error, write.label, describe, id);
		await sleep(wait);
		await reviseOne(batch, write, id, describe, later);
	}
}

export function isDuplicateRefusal(error: unknown): boolean {
	return error instanceof VtigerApiError && error.code === '0' && /duplicate/i.test(error.message);
}

/** Query rows carry no LineItems; a write that sends lines is compared with the retrieved record instead. */
export async function currentRecord(batch: Batch, row: VtigerRecord, element: Record<string, unknown>): Promise<VtigerRecord> {
	if (!('LineItems' in element)) return row;
	try {
		return await batch.client.retrieve(String(row.id));
	} catch {
		return row;
	}
}

/** Updates the record an upsert matched, or leaves it alone when nothing would change. */
export async function updateMatched(
	batch: Batch,
	write: PreparedWrite,
	row: VtigerRecord,
	preparedAsCreate: boolean,
	describe: DescribeResult,
) {
	if (preparedAsCreate && !('assigned_user_id' in write.input.values)) {
		// Prepared as a create, so it carries defaults the matched record already has a say in.
		delete write.element.assigned_user_id;
	}
	const current = await currentRecord(batch, row, write.element);
	if (isUnchanged(current, write.element, fieldTypes(describe))) succeed(batch, write.input, current, describe);
	else await reviseOne(batch, write, String(row.id), describe);
}
