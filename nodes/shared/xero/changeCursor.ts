import type { IDataObject } from 'n8n-workflow';

import { xeroDateMs } from '../dates';

/**
 * "What changed since the last read", shared by Xero Sync ("Changed since the last run") and the Xero Trigger.
 *
 * The state is a cursor (the newest UpdatedDateUTC delivered) and the changes already delivered inside the look-back
 * window before it. Xero's If-Modified-Since has second precision and does not say whether the second itself is
 * included, and a write can commit with a timestamp older than one already read: every query asks from the cursor's
 * second minus the look-back, and what was delivered already is skipped by ID + UpdatedDateUTC.
 *
 * Reading (readChanges) never pages by position alone. Xero pages a result by position, and the result changes while
 * it is read: a record that leaves it (archived, deleted, no longer matching a status filter) or that is updated
 * (it moves to the end) shifts every later record one place back, onto a page already read, and a cursor moved past
 * the newest record read would pass it for good. So each query asks again from the newest second it has read
 * (keyset paging on UpdatedDateUTC): whatever left or moved, every record not yet read is at or after that second.
 * Only when more than a page of records share one second does it page by position, and then it reads the pages
 * before the last again and compares: a shift shows up there, and the group is read again (or, if the result keeps
 * moving, the cursor is held before that second so the next run reads it once more).
 *
 * The state is plain JSON because it lives in the workflow's static data.
 */
export interface ChangeCursorState {
	/** Newest UpdatedDateUTC (epoch ms) delivered, or where the reading started. Moves only with data. */
	cursorMs: number;
	/** Changes older than this are never delivered: the start date, or the time the cursor was created. */
	sinceMs: number;
	/** ID -> UpdatedDateUTC (ms) of the changes already delivered inside the next query's window. */
	processed: Record<string, number>;
}

export interface ChangedRecord {
	id: string;
	updatedMs: number;
}

/** Whole seconds, the precision of If-Modified-Since. */
export const SECOND = 1000;

/** A burst larger than this inside one look-back window is beyond what one organisation produces; keeps the state small. */
const MAX_PROCESSED_IN_WINDOW = 5000;

export function startCursor(sinceMs: number): ChangeCursorState {
	return { cursorMs: sinceMs, sinceMs, processed: {} };
}

function floorSecond(ms: number): number {
	return Math.floor(ms / SECOND) * SECOND;
}

/** The first instant the next query asks for: the cursor's second minus the look-back (at least one second). */
export function windowStartMs(state: ChangeCursorState, lookbackMs = SECOND): number {
	return floorSecond(state.cursorMs) - Math.max(SECOND, floorSecond(lookbackMs));
}

/** An If-Modified-Since value: whole seconds in UTC (Xero ignores anything finer). */
export function httpInstant(ms: number): string {
	return new Date(floorSecond(ms)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** UpdatedDateUTC as epoch ms; Xero sends "/Date(ms+0000)/", an already normalised record may carry ISO. */
export function updatedMs(record: IDataObject): number {
	const value = record.UpdatedDateUTC;
	if (typeof value !== 'string') return Number.NaN;
	return xeroDateMs(value) ?? Date.parse(value);
}

/**
 * The changes of a result that were not delivered before: newest version per ID, not older than the start, and not
 * already delivered with the same (or a newer) UpdatedDateUTC. Oldest first.
 */
export function unprocessedChanges<T extends ChangedRecord>(state: ChangeCursorState, records: T[], lookbackMs = SECOND): T[] {
	const floor = Math.max(state.sinceMs, windowStartMs(state, lookbackMs));
	const newest = new Map<string, T>();
	for (const record of records) {
		if (!Number.isFinite(record.updatedMs) || record.updatedMs < floor) continue;
		const seen = state.processed[record.id];
		if (seen !== undefined && seen >= record.updatedMs) continue;
		const other = newest.get(record.id);
		if (other === undefined || other.updatedMs < record.updatedMs) newest.set(record.id, record);
	}
	return [...newest.values()].sort((a, b) => a.updatedMs - b.updatedMs);
}

/**
 * The state after `changes` were delivered: the cursor moves to the newest of them, but not past `holdMs` (see
 * readChanges), and never backwards, which would re-read changes already forgotten.
 */
export function advanceCursor(
	state: ChangeCursorState,
	changes: ChangedRecord[],
	holdMs?: number,
	lookbackMs = SECOND,
): ChangeCursorState {
	let newest = state.cursorMs;
	const processed: Record<string, number> = { ...state.processed };
	for (const change of changes) {
		newest = Math.max(newest, change.updatedMs);
		processed[change.id] = Math.max(processed[change.id] ?? 0, change.updatedMs);
	}
	const cursorMs = holdMs === undefined ? newest : Math.max(state.cursorMs, Math.min(newest, holdMs));
	const next: ChangeCursorState = { cursorMs, sinceMs: state.sinceMs, processed: {} };
	const keepFrom = windowStartMs(next, lookbackMs);
	const kept = Object.entries(processed)
		.filter(([, at]) => at >= keepFrom)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_PROCESSED_IN_WINDOW);
	for (const [id, at] of kept) next.processed[id] = at;
	return next;
}

export function isChangeCursorState(value: unknown): value is ChangeCursorState {
	if (value === null || typeof value !== 'object') return false;
	const state = value as Partial<ChangeCursorState>;
	return (
		typeof state.cursorMs === 'number' &&
		typeof state.sinceMs === 'number' &&
		state.processed !== null &&
		typeof state.processed === 'object'
	);
}

/** One page of a query ordered by UpdatedDateUTC ascending; `full`: as many rows as a page holds (more may follow). */
export interface ChangePage {
	rows: IDataObject[];
	full: boolean;
}

/** Reads one page: `ifModifiedSince` is an ISO instant (undefined: from the beginning), `page` counts from 1. */
export type ChangePageReader = (ifModifiedSince: string | undefined, page: number) => Promise<ChangePage>;

export interface ReadChangesOptions {
	idField: string;
	/** false: the collection answers everything in one call (Items, Accounts). */
	paged: boolean;
	/** Times a group of same-second pages is read again when it moved while it was read. */
	groupRetries?: number;
}

export interface ReadChangesResult {
	/** Every record read, newest version per ID, oldest first. */
	records: IDataObject[];
	/** The cursor must not pass this (a same-second group kept moving while it was read), or undefined. */
	holdMs?: number;
	/**
	 * readChangesUntilFailure only: the error of the call that ended the read. `records` and `holdMs` are then what
	 * was read before it, everything from the start up to the newest of them, so a cursor advanced over them (never
	 * past holdMs) passes no record that was not read.
	 */
	failure?: unknown;
}

const idsOf = (rows: IDataObject[], idField: string) => rows.map((row) => String(row[idField] ?? '')).join('\n');

/**
 * Every record changed at or after `fromMs` (see the module comment for why it is read this way). Throws if any
 * call fails, so nothing partial is delivered and the cursor stays where it was.
 */
export async function readChanges(
	read: ChangePageReader,
	fromMs: number,
	options: ReadChangesOptions,
): Promise<ReadChangesResult> {
	const result = await readChangesUntilFailure(read, fromMs, options);
	if ('failure' in result) throw result.failure;
	return result;
}

/**
 * As readChanges, but a failed call ends the read with what came before it (see ReadChangesResult.failure), so a
 * large read that fails late still moves on. The queries are sequential: each starts at the second its previous
 * page ended on, so no later page can be asked for before the one before it has arrived.
 */
export async function readChangesUntilFailure(
	read: ChangePageReader,
	fromMs: number,
	options: ReadChangesOptions,
): Promise<ReadChangesResult> {
	const { idField } = options;
	const newest = new Map<string, IDataObject>();
	const keep = (rows: IDataObject[]) => {
		for (const row of rows) {
			const id = String(row[idField] ?? '');
			const other = newest.get(id);
			if (other === undefined || !(updatedMs(other) > updatedMs(row))) newest.set(id, row);
		}
	};
	const result = (holdMs?: number): ReadChangesResult => ({
		records: [...newest.values()].sort((a, b) => (updatedMs(a) || 0) - (updatedMs(b) || 0)),
		holdMs,
	});
	let since = floorSecond(fromMs);
	let holdMs: number | undefined;
	const hold = (ms: number) => {
		holdMs = Math.min(holdMs ?? Number.POSITIVE_INFINITY, ms);
	};
	try {
		if (!options.paged) {
			keep((await read(instant(since), 1)).rows);
			return result();
		}
		// The next query starts one second before the newest second read: Xero may exclude the instant asked for.
		const nextSince = (rows: IDataObject[]) => floorSecond(updatedMs(rows[rows.length - 1])) - SECOND;
		for (;;) {
			const first = await read(instant(since), 1);
			keep(first.rows);
			if (!first.full) return result(holdMs);
			const after = nextSince(first.rows);
			if (Number.isFinite(after) && after > since) {
				since = after;
				continue;
			}
			// More than a page of records inside two seconds: page by position, then check nothing shifted. A group
			// cut short by a failure was not checked, so the cursor is held before it just as for one that moved.
			const heldBefore = holdMs;
			hold(since + SECOND);
			const group = await readGroup(read, since, first, options);
			keep(group.rows);
			if (group.verified) holdMs = heldBefore;
			if (group.ended) return result(holdMs);
			since = nextSince(group.rows);
		}
	} catch (failure) {
		return { ...result(holdMs), failure };
	}
}

async function readGroup(
	read: ChangePageReader,
	since: number,
	first: ChangePage,
	options: ReadChangesOptions,
): Promise<{ rows: IDataObject[]; verified: boolean; ended: boolean }> {
	const { idField } = options;
	const at = instant(since);
	let pages = [first];
	for (let attempt = 0; ; attempt++) {
		for (let page = pages.length + 1; ; page++) {
			const next = await read(at, page);
			pages.push(next);
			if (!next.full) break;
			const after = floorSecond(updatedMs(next.rows[next.rows.length - 1])) - SECOND;
			if (Number.isFinite(after) && after > since) break;
		}
		// A record that left or moved while these pages were read shifted the pages after it: read them again.
		let same = true;
		for (let page = 1; page < pages.length && same; page++) {
			same = idsOf((await read(at, page)).rows, idField) === idsOf(pages[page - 1].rows, idField);
		}
		const rows = pages.flatMap((page) => page.rows);
		const ended = !pages[pages.length - 1].full;
		if (same || attempt >= (options.groupRetries ?? 2)) return { rows, verified: same, ended };
		const again = await read(at, 1);
		pages = [again];
		if (!again.full) return { rows: [...rows, ...again.rows], verified: true, ended: true };
	}
}

/** The If-Modified-Since instant to send; none for a read from the beginning. */
function instant(ms: number): string | undefined {
	return ms > 0 ? httpInstant(ms) : undefined;
}

/** FNV-1a: a short, stable name for a query definition (not a secret, only a key in static data). */
export function queryKey(definition: unknown): string {
	const text = JSON.stringify(definition, (_key, value: unknown) =>
		value !== null && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value as IDataObject).sort(([a], [b]) => a.localeCompare(b)))
			: value,
	);
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}
