import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { redact } from './redact';

export type SyncApp = 'Xero' | 'CRM';
export type SyncFlow = 'CRM → Xero' | 'Xero → CRM';

/**
 * One line of the sync log, in the shape of Simply CRM's "Xero Logs" (app, result, action, flow, CRM ID, Xero ID,
 * error message, time), so a failure branch can be stored or alerted on without reshaping.
 */
export interface SyncLogEntry extends IDataObject {
	app: SyncApp;
	result: 'Success' | 'Failed';
	action: string;
	flow: SyncFlow;
	crmId: string | null;
	xeroId: string | null;
	message: string;
	code: string | null;
	time: string;
	details?: string;
}

export type SyncFailure = Pick<SyncLogEntry, 'app' | 'action' | 'flow' | 'message'> &
	Partial<Pick<SyncLogEntry, 'crmId' | 'xeroId' | 'code'>> & { description?: string };

/** Long enough for a message that names several records; short enough that no input value can flood a log. */
const MAX_MESSAGE = 2000;

/** Every message leaves redacted and bounded, whatever path built it. */
export function safeMessage(message: string): string {
	const clean = redact(message);
	return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean;
}

/**
 * The message comes first: n8n shows keys in this order (JSON view, the error object in Table view), and the message
 * already names the record and the refused value; the fields a log store files it by follow.
 */
export function syncLogEntry(failure: SyncFailure, now: Date = new Date()): SyncLogEntry {
	return {
		message: safeMessage(failure.message),
		result: 'Failed',
		app: failure.app,
		action: failure.action,
		flow: failure.flow,
		crmId: failure.crmId ?? null,
		xeroId: failure.xeroId ?? null,
		code: failure.code ?? null,
		time: now.toISOString(),
	};
}

/**
 * A failed item: json is exactly `{ error: <log entry>, message }` and `error` is NOT set on the item. n8n-core
 * (2.8, workflow-execute) routes such an item to the error output under "Continue (using error output)" and merges
 * it over the paired input item, but it replaces the json of any item that carries `error` with
 * `{ error: message }`, which would throw the log entry away.
 */
export function failedItem(_node: INode, failure: SyncFailure, itemIndex: number): INodeExecutionData {
	const entry = syncLogEntry(failure);
	if (failure.description) entry.details = safeMessage(failure.description);
	return {
		json: { error: entry, message: entry.message },
		pairedItem: { item: itemIndex },
	};
}

export function logEntryOf(item: INodeExecutionData): SyncLogEntry | undefined {
	const error = (item.json as IDataObject).error as IDataObject | undefined;
	return error !== null && typeof error === 'object' && error.result === 'Failed'
		? (error as SyncLogEntry)
		: undefined;
}

export function isFailedItem(item: INodeExecutionData): boolean {
	return logEntryOf(item) !== undefined;
}

/**
 * Under "Stop workflow" a run with failures must stop loudly and name the failed records; under either continue
 * mode the failures travel as items.
 */
/** Failures listed in the error thrown under "Stop Workflow"; all of them are in its `failures`. */
const STOP_LIST_LENGTH = 20;

export function throwIfStopping(ctx: IExecuteFunctions, items: INodeExecutionData[]): void {
	if (ctx.continueOnFail()) return;
	const failures = items.map(logEntryOf).filter((entry): entry is SyncLogEntry => entry !== undefined);
	if (failures.length === 0) return;
	// One failure per line, as the messages already name their record (by name or number, then the CRM id); a
	// leading id would only hide that name.
	const lines = failures.slice(0, STOP_LIST_LENGTH).map((f) => `- ${f.message}`);
	if (failures.length > STOP_LIST_LENGTH) lines.push(`- … and ${failures.length - STOP_LIST_LENGTH} more`);
	throw new NodeApiError(ctx.getNode(), { failures } as unknown as JsonObject, {
		message: `${failures.length} of ${items.length} records failed:\n${lines.join('\n')}`,
		description:
			'Set "On Error" to "Continue (using error output)" to route failed records to the error branch as sync-log entries.',
	});
}
