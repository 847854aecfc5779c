/**
 * The polling cursor of one tenant + resource. Xero's If-Modified-Since has second precision and does not say
 * whether the second itself is included, so every query looks back one second before the cursor's second and the
 * changes already processed in that window are skipped by ID + UpdatedDateUTC. The state is plain JSON because it
 * lives in the workflow's static data.
 */
export interface CursorState {
	/** Newest UpdatedDateUTC (epoch ms) processed, or where the trigger started. Moves only with data. */
	cursorMs: number;
	/** Changes older than this are never emitted: the activation time or the backfill date. */
	sinceMs: number;
	/** ID -> UpdatedDateUTC (ms) of the changes already processed inside the next query's window. */
	processed: Record<string, number>;
}

export interface ChangedRecord {
	id: string;
	updatedMs: number;
}

export const LOOKBACK_MS = 1000;

/** A burst larger than this inside two seconds is beyond what one organisation produces; the cap keeps the state small. */
export const MAX_PROCESSED_IN_WINDOW = 5000;

export function startCursor(sinceMs: number): CursorState {
	return { cursorMs: sinceMs, sinceMs, processed: {} };
}

export function windowStartMs(state: CursorState): number {
	return Math.floor(state.cursorMs / 1000) * 1000 - LOOKBACK_MS;
}

/** The If-Modified-Since value for the next query, whole seconds in UTC (Xero ignores anything finer). */
export function ifModifiedSince(state: CursorState): string {
	return new Date(windowStartMs(state)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The changes of a query result that were not processed before: newest version per ID, not older than the start
 * of the trigger, and not already processed with the same (or a newer) UpdatedDateUTC.
 */
export function unprocessedChanges<T extends ChangedRecord>(state: CursorState, records: T[]): T[] {
	const floor = Math.max(state.sinceMs, windowStartMs(state));
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
 * Xero pages by position, over a result that may change while the pages are read: a record updated meanwhile moves
 * to the end, and the records after its old place shift back, so a change can land on a page already read. Every
 * such change is newer than the first page's answer, so the cursor is held at the server time of that answer (its
 * Date header) whenever more than one page was read; the next poll reads from there and skips what it delivered.
 * A record read twice with two versions, or no Date header, holds the cursor at the first version instead.
 * `fetched` is the query result in the order the pages returned it.
 */
export function pagingHold(fetched: ChangedRecord[], firstPageServerMs?: number): number | undefined {
	const firstSeen = new Map<string, number>();
	let hold = firstPageServerMs !== undefined && Number.isFinite(firstPageServerMs) ? firstPageServerMs : undefined;
	for (const record of fetched) {
		const earlier = firstSeen.get(record.id);
		if (earlier === undefined) {
			firstSeen.set(record.id, record.updatedMs);
		} else if (earlier !== record.updatedMs) {
			hold = hold === undefined ? earlier : Math.min(hold, earlier);
		}
	}
	return hold;
}

/**
 * The state after `changes` were processed (emitted or filtered out): the cursor and the window move with them,
 * but not past `holdMs` (see pagingHold), and never backwards, which would re-read changes already
 * forgotten.
 */
export function advanceCursor(state: CursorState, changes: ChangedRecord[], holdMs?: number): CursorState {
	let newest = state.cursorMs;
	const processed: Record<string, number> = { ...state.processed };
	for (const change of changes) {
		newest = Math.max(newest, change.updatedMs);
		processed[change.id] = Math.max(processed[change.id] ?? 0, change.updatedMs);
	}
	const cursorMs = holdMs === undefined ? newest : Math.max(state.cursorMs, Math.min(newest, holdMs));
	const next: CursorState = { cursorMs, sinceMs: state.sinceMs, processed: {} };
	const keepFrom = windowStartMs(next);
	const kept = Object.entries(processed)
		.filter(([, updatedMs]) => updatedMs >= keepFrom)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_PROCESSED_IN_WINDOW);
	for (const [id, updatedMs] of kept) next.processed[id] = updatedMs;
	return next;
}

export function isCursorState(value: unknown): value is CursorState {
	if (value === null || typeof value !== 'object') return false;
	const state = value as Partial<CursorState>;
	return (
		typeof state.cursorMs === 'number' &&
		typeof state.sinceMs === 'number' &&
		state.processed !== null &&
		typeof state.processed === 'object'
	);
}
