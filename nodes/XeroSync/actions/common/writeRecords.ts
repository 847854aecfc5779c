import type { IDataObject } from 'n8n-workflow';
import type { XeroResourceSpec } from '../../../shared/xero/resources';
import { elementFailed, elementValidationMessages } from '../../../shared/xero/validationErrors';
import { recordPath } from '../../../shared/xero/recordPath';
import { batchIdempotencyKey } from '../../helpers/idempotency';
import type { XeroCaller } from './readRecords';

export type WriteOutcome = { ok: true; record: IDataObject } | { ok: false; messages: string[] };

export interface WriteTarget {
	caller: XeroCaller;
	spec: XeroResourceSpec;
	executionId: string;
	nodeId: string;
}

function statusOf(error: unknown): number | undefined {
	const err = error as { status?: unknown; httpCode?: unknown };
	const status = Number(err?.status ?? err?.httpCode);
	return Number.isFinite(status) ? status : undefined;
}

/** A 400 names what is wrong with the data; anything else is about the call and fails the whole batch. */
function validationMessages(error: unknown): string[] | undefined {
	if (statusOf(error) !== 400) return undefined;
	const err = error as { validationErrors?: unknown; message?: unknown };
	if (Array.isArray(err.validationErrors) && err.validationErrors.length > 0) {
		return err.validationErrors.map((v) => (typeof v === 'string' ? v : String((v as IDataObject)?.Message ?? v)));
	}
	return [typeof err.message === 'string' ? err.message : 'Xero rejected the request'];
}

/** Xero echoed the batch with each element's errors, so the rejection can be pinned on records. */
function answeredPerElement(error: unknown): boolean {
	const elements = (error as { elements?: unknown }).elements;
	return Array.isArray(elements) && elements.length > 0;
}

/**
 * Accounts have no batch endpoint: PUT /Accounts creates one, POST /Accounts/{id} updates one. A validation
 * failure (400) belongs to that account; other failures end the batch like a failed batch call would.
 */
async function writeAccounts(target: WriteTarget, method: 'PUT' | 'POST', payloads: IDataObject[]): Promise<WriteOutcome[]> {
	const outcomes: WriteOutcome[] = [];
	for (const payload of payloads) {
		const path = method === 'PUT' ? '/Accounts' : recordPath('/Accounts', 'AccountID', payload.AccountID);
		const body = method === 'PUT' ? payload : { Accounts: [payload] };
		try {
			const response = await target.caller.request({
				method,
				path,
				body,
				idempotencyKey: batchIdempotencyKey({ executionId: target.executionId, nodeId: target.nodeId, method, path, body }),
			});
			const record = (response.body?.Accounts as IDataObject[] | undefined)?.[0];
			outcomes.push(record ? { ok: true, record } : { ok: false, messages: ['Xero returned no account'] });
		} catch (error) {
			const messages = validationMessages(error);
			if (!messages) throw error;
			outcomes.push({ ok: false, messages });
		}
	}
	return outcomes;
}

/**
 * One write call for a whole batch: PUT creates only (so Xero's own uniqueness rules can turn duplicates away),
 * POST updates records that carry their ID. summarizeErrors=false makes Xero answer every element, in order.
 */
export async function writeRecords(
	target: WriteTarget,
	method: 'PUT' | 'POST',
	payloads: IDataObject[],
): Promise<WriteOutcome[]> {
	if (payloads.length === 0) return [];
	const { spec } = target;
	if (spec.resource === 'account') return writeAccounts(target, method, payloads);
	const body = { [spec.collection]: payloads };
	let elements: IDataObject[];
	try {
		const response = await target.caller.request({
			method,
			path: spec.path,
			qs: { summarizeErrors: false },
			body,
			idempotencyKey: batchIdempotencyKey({
				executionId: target.executionId,
				nodeId: target.nodeId,
				method,
				path: spec.path,
				body,
			}),
		});
		const list = response.body?.[spec.collection];
		elements = Array.isArray(list) ? (list as IDataObject[]) : [];
	} catch (error) {
		const messages = validationMessages(error);
		if (!messages) throw error;
		if (payloads.length > 1 && !answeredPerElement(error)) {
			// Xero refused the request as a whole (e.g. a body it could not read) without saying which record is at
			// fault: halving finds the culprits in a few calls and lets every good record through.
			const half = Math.ceil(payloads.length / 2);
			return [
				...(await writeRecords(target, method, payloads.slice(0, half))),
				...(await writeRecords(target, method, payloads.slice(half))),
			];
		}
		return payloads.map(() => ({ ok: false, messages }));
	}
	return payloads.map((_payload, index): WriteOutcome => {
		const element = elements[index];
		if (!element) return { ok: false, messages: ['Xero returned no result for this record'] };
		if (elementFailed(element)) {
			const messages = elementValidationMessages(element);
			return { ok: false, messages: messages.length > 0 ? messages : ['Xero rejected the record without a reason'] };
		}
		return { ok: true, record: element };
	});
}
