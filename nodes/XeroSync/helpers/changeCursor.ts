import type { IDataObject } from 'n8n-workflow';

/**
 * "Changed since the last run" keeps, per resource and tenant, the newest UpdatedDateUTC it delivered and the
 * records delivered near that instant. Each run asks Xero for changes since cursor − overlap (clock skew, and
 * writes committed with an earlier timestamp than one already read), then drops what it already delivered by
 * ID + UpdatedDateUTC. Nothing changed between two runs is skipped; nothing unchanged is delivered twice.
 */
export interface ChangeCursor {
	cursor?: string;
	/** ID → UpdatedDateUTC (ISO) of records delivered at or after cursor − overlap, down to its whole second. */
	seen: Record<string, string>;
}

export interface ChangedRecord {
	id: string;
	updated?: string;
	record: IDataObject;
}

export function cursorKey(resource: string, tenantId: string | undefined): string {
	return `changedSince:${resource}:${tenantId ?? 'custom-connection'}`;
}

export function readCursor(stored: unknown): ChangeCursor {
	if (stored === null || typeof stored !== 'object') return { seen: {} };
	const value = stored as IDataObject;
	const seen = value.seen !== null && typeof value.seen === 'object' ? (value.seen as Record<string, string>) : {};
	return { cursor: typeof value.cursor === 'string' ? value.cursor : undefined, seen: { ...seen } };
}

function millis(iso: string | undefined): number | undefined {
	if (iso === undefined) return undefined;
	const parsed = Date.parse(iso);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** The instant to ask Xero for (If-Modified-Since), or undefined on a first run without a start date. */
export function changesSince(state: ChangeCursor, overlapSeconds: number, startFrom?: string): string | undefined {
	const cursor = millis(state.cursor) ?? millis(startFrom);
	if (cursor === undefined) return undefined;
	return new Date(cursor - overlapSeconds * 1000).toISOString();
}

/**
 * Xero pages by position. If a record on an already-read page is updated during the run, it moves to the end and
 * every later record shifts back one place, so one record can fall into a page already read. That record is older
 * than the moved record's old timestamp; holding the cursor there makes the next run read it again.
 */
export function applyChanges(
	state: ChangeCursor,
	fetched: ChangedRecord[],
	overlapSeconds: number,
): { deliver: IDataObject[]; next: ChangeCursor } {
	const firstSeen = new Map<string, number | undefined>();
	const deliver = new Map<string, IDataObject>();
	const untracked: IDataObject[] = [];
	const deliveredAt = new Map<string, string>();
	let newest: number | undefined;
	let cap: number | undefined;
	for (const { id, updated, record } of fetched) {
		const at = millis(updated);
		if (at !== undefined && (newest === undefined || at > newest)) newest = at;
		if (firstSeen.has(id)) {
			const earlier = firstSeen.get(id);
			if (earlier !== undefined && earlier !== at) cap = cap === undefined ? earlier : Math.min(cap, earlier);
		} else {
			firstSeen.set(id, at);
		}
		if (at === undefined || updated === undefined) {
			untracked.push(record);
			continue;
		}
		if (state.seen[id] !== undefined && millis(state.seen[id]) === at) continue;
		deliver.delete(id);
		deliver.set(id, record);
		deliveredAt.set(id, updated);
	}
	let cursorMillis = millis(state.cursor);
	if (newest !== undefined) {
		const candidate = cap === undefined ? newest : Math.min(cap, newest);
		cursorMillis = candidate;
	}
	const cursor = cursorMillis === undefined ? undefined : new Date(cursorMillis).toISOString();
	// The next run asks with If-Modified-Since, whole seconds: Xero answers with every record of that second, so
	// what was delivered in it must stay remembered, or it is delivered again on every run.
	const floor = cursorMillis === undefined ? undefined : Math.floor((cursorMillis - overlapSeconds * 1000) / 1000) * 1000;
	const seen: Record<string, string> = {};
	for (const [id, updated] of [...Object.entries(state.seen), ...deliveredAt.entries()]) {
		const at = millis(updated);
		if (floor === undefined || (at !== undefined && at >= floor)) seen[id] = updated;
	}
	return { deliver: [...deliver.values(), ...untracked], next: { cursor, seen } };
}
