import type { IDataObject } from 'n8n-workflow';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { crmSuffix } from '../helpers/crmId';
import type { Match, MatchKeys } from './match';
import { compositeKeyWords, findMatch, matchKeys, targetKeys } from './match';

export type DuplicateHandling = 'skip' | 'addSuffix' | 'update' | 'fail';

export type SendDecision =
	| { kind: 'create'; payload: IDataObject }
	| { kind: 'update'; payload: IDataObject; matchedBy?: Match['by'] }
	| { kind: 'skip'; existing: IDataObject }
	| { kind: 'fail'; message: string; xeroId?: string };

/** Xero's length limits for the fields a suffix is added to. */
const MAX_LENGTH: Record<string, number> = { Code: 30, Name: 255, ContactNumber: 50, InvoiceNumber: 255, QuoteNumber: 255 };

function suffixed(field: string, value: string, suffix: string): string {
	const tail = field === 'Name' ? ` (${suffix})` : `-${suffix}`;
	const room = (MAX_LENGTH[field] ?? 255) - tail.length;
	return `${value.slice(0, Math.max(room, 1))}${tail}`;
}

/**
 * The record as "Add Suffix" would send it: each field Xero keeps unique made unique with the CRM id. Fields Xero
 * lets repeat (a Contact Number holding the CRM id) keep their value, so the copy still carries the CRM id as is.
 */
export function withSuffix(spec: XeroResourceSpec, record: IDataObject, crmId: string): IDataObject {
	const suffix = crmSuffix(crmId);
	const out = { ...record };
	// Only text parts take a suffix: a reference, date or amount (UniqueKey.parts) cannot.
	const unique = new Set(spec.uniqueKeys.flatMap((k) => k.fields.filter((field) => field !== 'Contact' && k.parts?.[field] === undefined)));
	for (const field of unique) {
		const value = out[field];
		if (typeof value === 'string' && value.trim() !== '') out[field] = suffixed(field, value.trim(), suffix);
	}
	return out;
}

/** What the batch lookup must ask for: under "Add Suffix" the suffixed values too, to find our own earlier sends. */
export function lookupKeysFor(
	spec: XeroResourceSpec,
	record: IDataObject,
	mode: DuplicateHandling,
	crmId: string | undefined,
): MatchKeys {
	if (record[spec.idField] !== undefined) return { numbers: [], names: [] };
	const keys = matchKeys(spec, record);
	if (mode !== 'addSuffix' || crmId === undefined) return keys;
	const more = matchKeys(spec, withSuffix(spec, record, crmId));
	const clauses = [...(keys.clauses ?? []), ...(more.clauses ?? [])];
	return { numbers: [...keys.numbers, ...more.numbers], names: [...keys.names, ...more.names], ...(clauses.length > 0 ? { clauses } : {}) };
}

function describe(spec: XeroResourceSpec, match: Match): string {
	const existing = match.existing;
	const label =
		match.by === 'key'
			? `with the same ${compositeKeyWords(spec) ?? 'key'}`
			: match.by === 'name'
			? `named "${String(existing[spec.nameField as string])}"`
			: match.by === 'crmId'
				? `carrying this record's CRM ID`
				: `with ${spec.numberLabel} "${String(existing[spec.numberField])}"`;
	return `${spec.label} ${label} already exists in Xero (${spec.idField} ${String(existing[spec.idField])})`;
}

/** The record as written to a match: without the fields Xero's copy keeps, unless the match is our own earlier copy. */
function linkedPayload(spec: XeroResourceSpec, record: IDataObject, match: Match): IDataObject {
	if (match.by === 'crmId' || !spec.keptOnLink) return record;
	const payload = { ...record };
	for (const field of spec.keptOnLink) delete payload[field];
	return payload;
}

/**
 * The seed's duplicate handling, applied to one record after the batch lookup. A record that carries its Xero ID
 * is an explicit update and is never treated as a duplicate.
 */
export function decide(
	spec: XeroResourceSpec,
	record: IDataObject,
	existing: IDataObject[],
	mode: DuplicateHandling,
	crmId: string | undefined,
): SendDecision {
	if (record[spec.idField] !== undefined) return { kind: 'update', payload: record, matchedBy: 'id' };
	const match = findMatch(spec, record, existing, crmId);
	if (!match) return { kind: 'create', payload: record };
	const xeroId = String(match.existing[spec.idField]);
	// A record Xero never edits (a payment) cannot be overwritten, and a suffixed copy would be a second one: skipped.
	const effective = spec.updatable === false && (mode === 'update' || mode === 'addSuffix') ? 'skip' : mode;
	switch (effective) {
		case 'skip':
			return { kind: 'skip', existing: match.existing };
		case 'update':
			return { kind: 'update', payload: { ...linkedPayload(spec, record, match), [spec.idField]: xeroId }, matchedBy: match.by };
		case 'fail':
			return {
				kind: 'fail',
				xeroId,
				message:
					spec.updatable === false
						? `${describe(spec, match)}. Set Duplicate Handling to "Skip" to link to it; to record it again, delete the one in Xero first.`
						: `${describe(spec, match)}. Set Duplicate Handling to "Update Existing" to overwrite it, "Skip" to link to it, or "Add Suffix" to create a separate record.`,
			};
		case 'addSuffix': {
			if (crmId === undefined) {
				return {
					kind: 'fail',
					xeroId,
					message: `${describe(spec, match)}. "Add Suffix" takes the suffix from the CRM ID, but this item has none: add a crmId field to the input, or choose another Duplicate Handling.`,
				};
			}
			const renamed = withSuffix(spec, record, crmId);
			if (match.by === 'crmId') {
				// Our own earlier copy (a run whose answer was lost): update it, under the suffixed key only when
				// another record holds the plain one.
				const others = existing.filter((e) => e !== match.existing);
				const payload = findMatch(spec, record, others) ? renamed : record;
				return { kind: 'update', payload: { ...payload, [spec.idField]: xeroId }, matchedBy: 'crmId' };
			}
			// The suffix carries the CRM id, so a record holding the suffixed key is ours too.
			const own = findMatch(spec, renamed, existing);
			if (own) {
				return {
					kind: 'update',
					payload: { ...renamed, [spec.idField]: String(own.existing[spec.idField]) },
					matchedBy: own.by,
				};
			}
			return { kind: 'create', payload: renamed };
		}
	}
}

/** An input record as the duplicate-input check sees it: its position in the input, payload and CRM id. */
interface InputRecord {
	index: number;
	crmId?: string;
	payload: IDataObject;
}

/**
 * Items of one execution aimed at the same Xero record (same ID, same CRM record, or a key Xero keeps unique): the
 * first goes on, each later one is returned in `repeats` with the item it repeats and the message it fails with.
 * Checked over the whole execution before any batch starts, because batches run concurrently and each looks up
 * before it writes — two copies in two batches would both find nothing.
 */
export function duplicateInput<T extends InputRecord>(
	spec: XeroResourceSpec,
	records: T[],
): { kept: T[]; repeats: Array<{ record: T; message: string }> } {
	const firstBy = new Map<string, T>();
	const kept: T[] = [];
	const repeats: Array<{ record: T; message: string }> = [];
	for (const record of records) {
		const keys = targetKeys(spec, record.payload, record.crmId);
		const earlier = keys.map((k) => firstBy.get(k)).find((e) => e !== undefined);
		if (earlier) {
			const message = `input item ${earlier.index + 1} of this run sends the same ${spec.label.toLowerCase()}; merge the two items or send them in separate runs.`;
			repeats.push({ record, message });
			continue;
		}
		for (const k of keys) firstBy.set(k, record);
		kept.push(record);
	}
	return { kept, repeats };
}
