import type { SyncResult } from '../transport/types';

export interface SyncChange {
	kind: 'updated' | 'deleted';
	id: string;
	record?: Record<string, unknown>;
}

export interface SyncCollected {
	changes: SyncChange[];
	cursor: number;
	pages: number;
}

/** A safety stop for a server whose cursor never advances; ~100 records a page makes this 100 000 changes. */
export const MAX_SYNC_PAGES = 1000;

/**
 * Follows `more` until vtiger says it is done. A record may show up on two pages (vtiger returns every record at
 * the boundary second); the later state wins, and a record deleted after it changed is reported as deleted.
 */
export async function collectSync(
	fetch: (modifiedTime: number) => Promise<SyncResult>,
	since: number,
): Promise<SyncCollected> {
	const byId = new Map<string, SyncChange>();
	let cursor = since;
	for (let page = 1; page <= MAX_SYNC_PAGES; page++) {
		const result = await fetch(cursor);
		for (const record of result.updated ?? []) {
			const id = String(record.id);
			byId.delete(id);
			byId.set(id, { kind: 'updated', id, record });
		}
		for (const id of result.deleted ?? []) {
			byId.delete(String(id));
			byId.set(String(id), { kind: 'deleted', id: String(id) });
		}
		const next = Number(result.lastModifiedTime);
		if (!result.more) return { changes: [...byId.values()], cursor: Number.isFinite(next) ? next : cursor, pages: page };
		if (!Number.isFinite(next) || next <= cursor) {
			throw new Error(
				`The CRM said more changes follow but did not advance the sync time (stuck at ${cursor}); the cursor was not moved`,
			);
		}
		cursor = next;
	}
	throw new Error(`The CRM kept reporting more changes after ${MAX_SYNC_PAGES} pages; the cursor was not moved`);
}

/** vtiger's sync fails with HTTP 500 on modifiedTime=0, so "everything" starts at 1. */
export function startTime(since: unknown, cursor: unknown): number {
	if (since !== undefined && since !== null && since !== '') {
		const millis = new Date(String(since)).getTime();
		if (Number.isNaN(millis)) throw new Error(`"Changed Since" is not a date: ${String(since)}`);
		return Math.max(1, Math.floor(millis / 1000));
	}
	const saved = Number(cursor);
	return Number.isFinite(saved) && saved >= 1 ? Math.floor(saved) : 1;
}

/**
 * vtiger's sync returns records modified after the cursor second. A record changed later in the very second the
 * cursor points at would never be returned, so a cursor in the server's current second is saved one second back:
 * those records come once more next time instead of never.
 */
export function cursorToSave(lastModifiedTime: number, serverNow: number): number {
	return lastModifiedTime >= Math.floor(serverNow) - 1 ? Math.max(1, lastModifiedTime - 1) : lastModifiedTime;
}
