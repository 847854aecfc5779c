import type { IDataObject } from 'n8n-workflow';
import { attempt } from '../../shared/attempt';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { elementFailed, elementValidationMessages } from '../../shared/xero/validationErrors';
import { recordPath } from '../../shared/xero/recordPath';
import { batchIdempotencyKey } from '../helpers/idempotency';
import type { XeroTransport } from '../../shared/xero/transport';
import { readList } from '../get/reads';
import type { Entry, SendRun, SyncResult } from './run';
import type { SettledRefusal } from './rules';

export type WriteOutcome = { ok: true; record: IDataObject } | { ok: false; messages: string[] };

/**
 * Called with each record's outcome as soon as the call that wrote it returns, so a later call that throws (a
 * daily limit, a 5xx) cannot take the earlier calls' results with it.
 */
export type ReportOutcome = (index: number, outcome: WriteOutcome) => void;

export interface WriteTarget {
	caller: XeroTransport;
	spec: XeroResourceSpec;
	writer: RecordWriter;
	executionId: string;
	nodeId: string;
}

function statusOf(error: unknown): number | undefined {
	const err = error as { status?: unknown; httpCode?: unknown };
	const status = Number(err?.status ?? err?.httpCode);
	return Number.isFinite(status) ? status : undefined;
}

/**
 * Xero refuses a request body over 3.5 MB with 413 (developer docs: "A single POST to the API has a size limit of
 * 3.5MB"). Counted in UTF-8 bytes of the JSON as sent, decimal megabytes (the stricter reading), less room for the
 * envelope around the records.
 */
export const MAX_REQUEST_BYTES = 3_500_000;
const ENVELOPE_BYTES = 1_000;

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
const megabytes = (n: number) => `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)} MB`;

/** Why one record cannot be sent at all: its own JSON is over Xero's request limit. Names its largest fields. */
export function oversizeProblem(payload: IDataObject): string | undefined {
	const size = jsonBytes(payload);
	if (size + ENVELOPE_BYTES <= MAX_REQUEST_BYTES) return undefined;
	const largest = Object.entries(payload)
		.map(([field, value]) => [field, jsonBytes(value)] as const)
		.sort((a, b) => b[1] - a[1])
		.slice(0, 2)
		.map(([field, bytes]) => `${field} ${megabytes(bytes)}`);
	return `not sent: the record is ${megabytes(size)} as JSON and Xero accepts at most 3.5 MB in one request (largest fields: ${largest.join(', ')}). Shorten those fields.`;
}

/** Consecutive groups of payloads whose request bodies each stay under Xero's limit. */
function bySize(payloads: IDataObject[]): IDataObject[][] {
	const groups: IDataObject[][] = [];
	let current: IDataObject[] = [];
	let size = ENVELOPE_BYTES;
	for (const payload of payloads) {
		const bytes = jsonBytes(payload) + 1;
		if (current.length > 0 && size + bytes > MAX_REQUEST_BYTES) {
			groups.push(current);
			current = [];
			size = ENVELOPE_BYTES;
		}
		current.push(payload);
		size += bytes;
	}
	if (current.length > 0) groups.push(current);
	return groups;
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

/** Writes records in one call or several, reporting each record's outcome as its call returns. */
export type RecordWriter = (target: WriteTarget, method: 'PUT' | 'POST', payloads: IDataObject[], report: ReportOutcome) => Promise<void>;

/**
 * For a resource with no batch endpoint (accounts): PUT {path} creates one, POST {path}/{id} updates one. A
 * validation failure (400) belongs to that record; other failures end the batch like a failed batch call would.
 */
export const writeOneByOne: RecordWriter = async (target, method, payloads, report) => {
	const { spec } = target;
	for (const [index, payload] of payloads.entries()) {
		const path = method === 'PUT' ? spec.path : recordPath(spec.path, spec.idField, payload[spec.idField]);
		const body = method === 'PUT' ? payload : { [spec.collection]: [payload] };
		const sent = await attempt(
			async () =>
				await target.caller.request({
					method,
					path,
					body,
					idempotencyKey: batchIdempotencyKey({ executionId: target.executionId, nodeId: target.nodeId, method, path, body }),
				}),
		);
		if (sent.ok) {
			const record = (sent.value.body?.[spec.collection] as IDataObject[] | undefined)?.[0];
			report(index, record ? { ok: true, record } : { ok: false, messages: [`Xero returned no ${spec.label.toLowerCase()}`] });
			continue;
		}
		const messages = validationMessages(sent.error);
		if (!messages) throw sent.error;
		report(index, { ok: false, messages });
	}
};

/**
 * Writes with the resource's writer (WriteTarget.writer). One oversize record would make Xero refuse its whole
 * batch (413) without naming it: it fails alone, here, and the others are written.
 */
export async function writeRecords(
	target: WriteTarget,
	method: 'PUT' | 'POST',
	payloads: IDataObject[],
	report: ReportOutcome,
): Promise<void> {
	if (payloads.length === 0) return;
	const problems = payloads.map(oversizeProblem);
	problems.forEach((problem, i) => problem && report(i, { ok: false, messages: [problem] }));
	const sendable = payloads.map((_p, i) => i).filter((i) => problems[i] === undefined);
	if (sendable.length === 0) return;
	await target.writer(target, method, sendable.map((i) => payloads[i]), (j, outcome) => report(sendable[j], outcome));
}

/**
 * One write call for a whole batch: PUT creates only (so Xero's own uniqueness rules can turn duplicates away),
 * POST updates records that carry their ID. summarizeErrors=false makes Xero answer every element, in order.
 */
export const writeInBatches: RecordWriter = async (target, method, payloads, report) => {
	if (payloads.length === 0) return;
	const { spec } = target;
	const groups = bySize(payloads);
	if (groups.length > 1) {
		let offset = 0;
		for (const group of groups) {
			const start = offset;
			await writeInBatches(target, method, group, (j, outcome) => report(start + j, outcome));
			offset += group.length;
		}
		return;
	}
	const body = { [spec.collection]: payloads };
	const sent = await attempt(
		async () =>
			await target.caller.request({
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
			}),
	);
	if (!sent.ok) {
		const error = sent.error;
		if (statusOf(error) === 413) {
			// Over a limit lower than the one assumed above: halve until the record that does not fit stands alone.
			if (payloads.length === 1) {
				report(0, { ok: false, messages: [`not sent: Xero refused the record as too large (413) at ${megabytes(jsonBytes(payloads[0]))} as JSON. Shorten its longest fields.`] });
				return;
			}
			const half = Math.ceil(payloads.length / 2);
			await writeInBatches(target, method, payloads.slice(0, half), report);
			await writeInBatches(target, method, payloads.slice(half), (index, outcome) => report(half + index, outcome));
			return;
		}
		const messages = validationMessages(error);
		if (!messages) throw error;
		if (payloads.length > 1 && !answeredPerElement(error)) {
			// Xero refused the request as a whole (e.g. a body it could not read) without saying which record is at
			// fault: halving finds the culprits in a few calls and lets every good record through.
			const half = Math.ceil(payloads.length / 2);
			await writeInBatches(target, method, payloads.slice(0, half), report);
			await writeInBatches(target, method, payloads.slice(half), (index, outcome) => report(half + index, outcome));
			return;
		}
		payloads.forEach((_payload, index) => report(index, { ok: false, messages }));
		return;
	}
	const list = sent.value.body?.[spec.collection];
	const elements = Array.isArray(list) ? (list as IDataObject[]) : [];
	payloads.forEach((_payload, index) => report(index, outcomeOf(elements[index])));
};

function outcomeOf(element: IDataObject | undefined): WriteOutcome {
	if (!element) return { ok: false, messages: ['Xero returned no result for this record'] };
	if (elementFailed(element)) {
		const messages = elementValidationMessages(element);
		return { ok: false, messages: messages.length > 0 ? messages : ['Xero rejected the record without a reason'] };
	}
	return { ok: true, record: element };
}

/** An update Xero refused only because the record is settled there (SendRules.settledRefusal). */
export function refusedAsSettled(settled: SettledRefusal | undefined, outcome: WriteOutcome, result: SyncResult): boolean {
	return settled !== undefined && result === 'Updated' && !outcome.ok && outcome.messages.every((m) => settled.refusal.test(m));
}

/**
 * A settled record is not an error: what Xero holds is the truth (the payment was made there). Each entry succeeds
 * as "Skipped" with the record read back (one call for all), so a following "save status in CRM" step records it.
 */
export async function settleRefused(run: SendRun, spec: XeroResourceSpec, settled: SettledRefusal, caller: XeroTransport, entries: Entry[]): Promise<void> {
	if (entries.length === 0) return;
	const ids = entries.map((entry) => String(entry.payload[spec.idField]));
	const read = await attempt(async () => await readList(caller, spec, { IDs: ids.join(',') }, { pageSize: 100 }));
	for (const entry of entries) {
		const record = read.ok ? read.value.find((found) => found[spec.idField] === entry.payload[spec.idField]) : undefined;
		if (record) {
			run.succeed(entry, { ...record, syncNote: settled.note }, 'Skipped');
			continue;
		}
		// Without Xero's copy the output would carry the status we were about to send, not Xero's: say so instead.
		const reason = read.ok ? 'Xero did not return it' : (read.error as Error).message;
		run.fail(entry.index, { message: settled.readBackFailed(reason), code: 'PAID_READBACK' }, entry.payload);
	}
}
