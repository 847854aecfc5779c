import type { IDataObject } from 'n8n-workflow';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { anyOf, encoderSafeWhere, equalsString } from '../../shared/xero/where';

export type MatchedBy = 'id' | 'number' | 'name';

export interface Match {
	existing: IDataObject;
	by: MatchedBy;
}

function key(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim().toLowerCase();
	return trimmed === '' ? undefined : trimmed;
}

/** Values a record can be found by, besides its Xero ID (a record with an ID is an explicit update). */
export interface MatchKeys {
	numbers: string[];
	names: string[];
}

export function matchKeys(spec: XeroResourceSpec, record: IDataObject): MatchKeys {
	const numbers: string[] = [];
	const names: string[] = [];
	const number = record[spec.numberField];
	if (typeof number === 'string' && number.trim() !== '') numbers.push(number.trim());
	if (spec.nameField) {
		const name = record[spec.nameField];
		if (typeof name === 'string' && name.trim() !== '') names.push(name.trim());
	}
	return { numbers, names };
}

/**
 * One `where` for a whole batch, so matching costs one call per batch instead of one per record.
 * Returns undefined when nothing in the batch can match, and then no lookup call is made at all.
 */
export function lookupWhere(spec: XeroResourceSpec, keys: MatchKeys[]): string | undefined {
	const numbers = [...new Set(keys.flatMap((k) => k.numbers))];
	const names = spec.nameField ? [...new Set(keys.flatMap((k) => k.names))] : [];
	const clauses = [
		...numbers.map((n) => equalsString(spec.numberField, n)),
		...names.map((n) => equalsString(spec.nameField as string, n)),
	];
	return anyOf(clauses);
}

/**
 * Xero ID first, then number or code, then (organisations only) name — the order in which a match is least
 * likely to be a coincidence. Bills (ACCPAY) reuse supplier numbers, so invoice numbers only match the same type.
 */
export function findMatch(spec: XeroResourceSpec, record: IDataObject, existing: IDataObject[]): Match | undefined {
	const id = key(record[spec.idField]);
	if (id !== undefined) {
		const found = existing.find((e) => key(e[spec.idField]) === id);
		if (found) return { existing: found, by: 'id' };
	}
	const number = key(record[spec.numberField]);
	if (number !== undefined) {
		const found = existing.find(
			(e) =>
				key(e[spec.numberField]) === number &&
				(spec.resource !== 'invoice' || record.Type === undefined || e.Type === record.Type),
		);
		if (found) return { existing: found, by: 'number' };
	}
	if (spec.nameField) {
		const name = key(record[spec.nameField]);
		if (name !== undefined) {
			const found = existing.find((e) => key(e[spec.nameField as string]) === name);
			if (found) return { existing: found, by: 'name' };
		}
	}
	return undefined;
}

/** Two input records that would land on the same Xero record: the later one must not silently overwrite. */
export function sameTarget(spec: XeroResourceSpec, a: IDataObject, b: IDataObject): boolean {
	const idA = key(a[spec.idField]);
	if (idA !== undefined && idA === key(b[spec.idField])) return true;
	const numberA = key(a[spec.numberField]);
	if (numberA !== undefined && numberA === key(b[spec.numberField])) {
		return spec.resource !== 'invoice' || a.Type === b.Type;
	}
	if (spec.nameField) {
		const nameA = key(a[spec.nameField]);
		if (nameA !== undefined && nameA === key(b[spec.nameField])) return true;
	}
	return false;
}

/**
 * Xero itself rejects a second contact with the same name, item with the same code and sales invoice with the same
 * number, atomically. For those keys the node writes first and looks up only the records Xero turned away, which
 * halves the calls of a typical run and cannot race with another writer. Contact numbers and bill (ACCPAY) numbers
 * are not unique in Xero, so a record carrying one is matched by a lookup before writing.
 */
export function needsLookupBeforeWrite(spec: XeroResourceSpec, record: IDataObject): boolean {
	if (record[spec.idField] !== undefined) return false;
	const number = record[spec.numberField];
	const hasNumber = typeof number === 'string' && number.trim() !== '';
	if (spec.resource === 'organisation') return hasNumber;
	if (spec.resource === 'invoice') return hasNumber && record.Type !== 'ACCREC';
	return false;
}

/**
 * Xero refuses a query string over 2,048 characters (percent-encoded) with a 404 "The resource you're looking for
 * cannot be found" (observed: XeroAPI/Xero-NetStandard#471, XeroAPI/xero-node#404, XeroAPI/Xero-Net#280; see the
 * sandbox README). The budget leaves room for the other query parameters next to `where` (includeArchived, page,
 * pageSize).
 */
export const MAX_LOOKUP_QUERY = 2048;
const QUERY_OVERHEAD = 100;

/** Length of `value` once percent-encoded in a URL (each UTF-8 byte outside the unreserved set becomes %XX). */
export function encodedLength(value: string): number {
	let length = 0;
	for (const byte of Buffer.from(value, 'utf8')) {
		const unreserved =
			(byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d || byte === 0x2e || byte === 0x5f || byte === 0x7e;
		length += unreserved ? 1 : 3;
	}
	return length;
}

export interface LookupPlan {
	/** Each `where` fits the URL budget; together they cover every key of the records that fit. */
	wheres: string[];
	/** Records (by position in `keys`) whose own keys alone make the URL too long, with that URL's length. */
	tooLong: Array<{ index: number; length: number }>;
}

/**
 * Like lookupWhere, but split so every lookup's query string stays under `maxQuery` and holds at most `maxClauses`
 * comparisons: healthy batches still cost one call, and a batch of long names costs a few, never failing records
 * whose keys fit.
 */
export function lookupPlan(
	spec: XeroResourceSpec,
	keys: MatchKeys[],
	maxQuery = MAX_LOOKUP_QUERY,
	maxClauses = Number.POSITIVE_INFINITY,
): LookupPlan {
	const budget = maxQuery - QUERY_OVERHEAD - encodedLength('where=');
	const clausesOf = (k: MatchKeys) => [
		...k.numbers.map((n) => equalsString(spec.numberField, n)),
		...(spec.nameField ? k.names.map((n) => equalsString(spec.nameField as string, n)) : []),
	];
	const wheres: string[] = [];
	const tooLong: LookupPlan['tooLong'] = [];
	let current: string[] = [];
	const flush = () => {
		const where = anyOf(current);
		if (where !== undefined) wheres.push(where);
		current = [];
	};
	keys.forEach((k, index) => {
		const own = [...new Set(clausesOf(k))];
		if (own.length === 0) return;
		const alone = encodedLength(anyOf(own) as string);
		if (alone > budget || encoderSafeWhere(anyOf(own) as string) === undefined) {
			tooLong.push({ index, length: alone + (maxQuery - budget) });
			return;
		}
		const merged = [...new Set([...current, ...own])];
		const where = anyOf(merged) as string;
		if (merged.length <= maxClauses && encodedLength(where) <= budget && encoderSafeWhere(where) !== undefined) {
			current = merged;
			return;
		}
		flush();
		current = own;
	});
	flush();
	return { wheres, tooLong };
}
