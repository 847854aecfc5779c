import type { IDataObject } from 'n8n-workflow';

import type { ChangeCursorState } from '../../shared/xero/changeCursor';
import {
	advanceCursor,
	isChangeCursorState,
	startCursor,
	unprocessedChanges,
	updatedMs,
} from '../../shared/xero/changeCursor';
import type { EventFilter } from './events';
import { matchesEvent } from './events';
import type { Classified, RecordMemory } from './recordMemory';
import { classifyChange, rememberAll } from './recordMemory';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { recordId, watchedStatus } from '../../shared/xero/resources';

/** Static-data state of one tenant + resource. */
export interface ScopeState {
	cursor: ChangeCursorState;
	memory: RecordMemory;
	/** "now" or the backfill date the scope started from; a new backfill date restarts the scope. */
	origin: string;
}

export interface TriggeredChange {
	record: IDataObject;
	change: Classified;
	status: string;
}

export interface ScopeResult {
	triggered: TriggeredChange[];
	next: ScopeState;
}

/**
 * The state to poll with: the stored one, or a fresh one starting now (no flood) or at the backfill date. A stored
 * scope is kept when the backfill option is removed or unchanged, so re-saving a workflow does not replay changes.
 */
export function scopeToPoll(stored: unknown, backfillFrom: string | undefined, nowMs: number): ScopeState {
	const origin = backfillFrom ? new Date(backfillFrom).toISOString() : 'now';
	if (isScopeState(stored) && (origin === 'now' || stored.origin === origin)) return stored;
	const sinceMs = origin === 'now' ? nowMs : Date.parse(origin);
	return { cursor: startCursor(sinceMs), memory: {}, origin };
}

/**
 * Which fetched records (in the order the pages returned them) trigger, and the scope state once delivered.
 * `holdMs`: the change reader's limit for the cursor (see readChanges), if it set one.
 */
export function processScope(
	state: ScopeState,
	spec: XeroResourceSpec,
	filter: EventFilter,
	records: IDataObject[],
	holdMs?: number,
): ScopeResult {
	const byId = new Map<string, IDataObject>();
	const changed = records
		.map((record) => ({ record, id: recordId(spec, record), updatedMs: updatedMs(record) }))
		.filter((change) => change.id !== '');
	for (const change of changed) byId.set(`${change.id}@${change.updatedMs}`, change.record);

	const fresh = unprocessedChanges(state.cursor, changed);
	// `fresh` holds one version per ID, so the memory as it was before this poll classifies every change; it is
	// updated once at the end because copying it per record would cost a backfill seconds.
	const triggered: TriggeredChange[] = [];
	const seen: Array<[string, string]> = [];
	for (const change of fresh) {
		const record = byId.get(`${change.id}@${change.updatedMs}`) as IDataObject;
		const status = watchedStatus(spec, record);
		const classified = classifyChange(state.memory, change.id, status);
		if (matchesEvent(filter, classified, status)) triggered.push({ record, change: classified, status });
		seen.push([change.id, status]);
	}
	const memory = rememberAll(state.memory, seen);
	return {
		triggered,
		next: {
			cursor: advanceCursor(state.cursor, fresh, holdMs),
			memory,
			origin: state.origin,
		},
	};
}

function isScopeState(value: unknown): value is ScopeState {
	if (value === null || typeof value !== 'object') return false;
	const state = value as Partial<ScopeState>;
	return (
		isChangeCursorState(state.cursor) &&
		state.memory !== null &&
		typeof state.memory === 'object' &&
		typeof state.origin === 'string'
	);
}
