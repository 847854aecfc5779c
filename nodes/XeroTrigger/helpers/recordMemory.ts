/**
 * What the trigger remembers about records it has seen: ID -> last status ('' where the resource has none).
 * Xero's Contacts, Invoices and Items carry no creation date, so "created" means "an ID this trigger has not seen",
 * and "changed status" compares with the status seen last. Plain JSON (static data), oldest-first insertion order,
 * capped so the workflow row stays small.
 */
export type RecordMemory = Record<string, string>;

export const MAX_REMEMBERED_RECORDS = 3000;

export type ChangeKind = 'created' | 'updated';

export interface Classified {
	kind: ChangeKind;
	/** null when this trigger had not seen the record before. */
	previousStatus: string | null;
	statusChanged: boolean;
}

export function classifyChange(memory: RecordMemory, id: string, status: string): Classified {
	const known = Object.prototype.hasOwnProperty.call(memory, id);
	const previousStatus = known ? memory[id] : null;
	return {
		kind: known ? 'updated' : 'created',
		previousStatus: previousStatus === '' ? null : previousStatus,
		statusChanged: !known || previousStatus !== status,
	};
}

/** Records each [id, status] in order as the most recently seen and drops the least recently seen beyond the cap. */
export function rememberAll(
	memory: RecordMemory,
	seen: Array<[string, string]>,
	cap = MAX_REMEMBERED_RECORDS,
): RecordMemory {
	const next: RecordMemory = { ...memory };
	for (const [id, status] of seen) {
		delete next[id];
		next[id] = status;
	}
	const ids = Object.keys(next);
	for (let i = 0; i < ids.length - cap; i++) delete next[ids[i]];
	return next;
}

export function remember(memory: RecordMemory, id: string, status: string, cap = MAX_REMEMBERED_RECORDS): RecordMemory {
	return rememberAll(memory, [[id, status]], cap);
}
