import type { IDataObject } from 'n8n-workflow';
import { toXeroRequestDate } from '../../shared/dates';
import type { KeyPart, UniqueKey, XeroResourceSpec } from '../../shared/xero/resources';
import { isXeroId } from '../../shared/xero/resources';
import { anyOf, encoderSafeWhere, equalsString, quoteWhere } from '../../shared/xero/where';

/** `key`: a key of several compared parts (UniqueKey.parts), e.g. a payment's invoice, date, amount and reference. */
export type MatchedBy = 'id' | 'crmId' | 'number' | 'name' | 'key';

export interface Match {
	existing: IDataObject;
	by: MatchedBy;
}

function key(value: unknown): string | undefined {
	if (value === undefined || value === null || typeof value === 'object') return undefined;
	const trimmed = String(value).trim().toLowerCase();
	return trimmed === '' ? undefined : trimmed;
}

/** Values a record can be found by, besides its Xero ID (a record with an ID is an explicit update). */
export interface MatchKeys {
	numbers: string[];
	names: string[];
	/** `where` comparisons on a key's looked-up reference (a payment's invoice); present only when there are some. */
	clauses?: string[];
}

/** A contact is named by its ID, name or number, whichever two records share, strongest first. */
const CONTACT_PART: KeyPart = { reference: ['ContactID', 'Name', 'ContactNumber'] };

function partOf(uniqueKey: UniqueKey, field: string): KeyPart | undefined {
	return uniqueKey.parts?.[field] ?? (field === 'Contact' ? CONTACT_PART : undefined);
}

/** The ways a record's reference in `field` names the other record, strongest first (values compared by key()). */
function identity(record: IDataObject, field: string, ways: string[]): Array<[string, string]> {
	const value = record[field];
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
	const reference = value as IDataObject;
	return ways
		.map((way): [string, string | undefined] => [way, key(reference[way])])
		.filter((pair): pair is [string, string] => pair[1] !== undefined);
}

/** Two references name the same record when the strongest way both of them hold agrees. */
function sameReference(a: IDataObject, b: IDataObject, field: string, ways: string[]): boolean {
	const other = new Map(identity(b, field, ways));
	for (const [way, value] of identity(a, field, ways)) {
		if (other.has(way)) return other.get(way) === value;
	}
	return false;
}

/**
 * A non-reference part's value as compared: text trimmed and lower-cased, a date as yyyy-MM-dd whatever form Xero or
 * the input gave it in, an amount to 4 decimals; '' for an empty optional part; undefined when the part is missing.
 */
function partValue(uniqueKey: UniqueKey, field: string, record: IDataObject): string | undefined {
	const part = partOf(uniqueKey, field);
	const raw = record[field];
	let value: string | undefined;
	if (part === 'date') value = toXeroRequestDate(raw);
	else if (part === 'amount') {
		const amount = raw === '' || raw === null || typeof raw === 'boolean' ? Number.NaN : Number(raw);
		value = Number.isFinite(amount) ? String(Math.round(amount * 10000) / 10000) : undefined;
	} else value = key(raw);
	if (value === undefined && uniqueKey.optional?.includes(field) && (raw === undefined || raw === null || String(raw).trim() === '')) return '';
	return value;
}

function holdsPart(uniqueKey: UniqueKey, field: string, record: IDataObject): boolean {
	const part = partOf(uniqueKey, field);
	if (typeof part === 'object') return identity(record, field, part.reference).length > 0;
	return partValue(uniqueKey, field, record) !== undefined;
}

function samePart(uniqueKey: UniqueKey, field: string, a: IDataObject, b: IDataObject): boolean {
	const part = partOf(uniqueKey, field);
	if (typeof part === 'object') return sameReference(a, b, field, part.reference);
	return partValue(uniqueKey, field, a) === partValue(uniqueKey, field, b);
}

/**
 * The `where` comparisons that find the Xero records sharing this record's looked-up references: each reference by
 * the strongest way the record names it that Xero can filter on (a GUID with Guid(), anything else as text).
 */
function referenceClauses(spec: XeroResourceSpec, record: IDataObject): string[] {
	const clauses: string[] = [];
	for (const uniqueKey of spec.uniqueKeys) {
		if (!hasKey(uniqueKey, record)) continue;
		for (const field of uniqueKey.fields) {
			const part = partOf(uniqueKey, field);
			if (typeof part !== 'object' || part.lookup === undefined) continue;
			const lookup = part.lookup;
			const way = identity(record, field, part.reference).find(([name]) => lookup[name] !== undefined);
			if (!way) continue;
			const value = String((record[field] as IDataObject)[way[0]]).trim();
			clauses.push(isXeroId(value) ? `${lookup[way[0]]}==Guid(${quoteWhere(value)})` : equalsString(lookup[way[0]], value));
		}
	}
	return clauses;
}

export function matchKeys(spec: XeroResourceSpec, record: IDataObject): MatchKeys {
	// A key on a looked-up reference (a payment's invoice) narrows the lookup to that reference: every record that
	// could match shares it.
	const clauses = referenceClauses(spec, record);
	if (clauses.length > 0) return { numbers: [], names: [], clauses };
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
 * One `where` for the keys of many records (lookupPlan sizes the groups), so matching costs one call per batch
 * instead of one per record. Undefined when nothing can match, and then no lookup call is made at all.
 */
export function lookupWhere(spec: XeroResourceSpec, keys: MatchKeys[]): string | undefined {
	const numbers = [...new Set(keys.flatMap((k) => k.numbers))];
	const names = spec.nameField ? [...new Set(keys.flatMap((k) => k.names))] : [];
	const clauses = [
		...numbers.map((n) => equalsString(spec.numberField, n)),
		...names.map((n) => equalsString(spec.nameField as string, n)),
		...new Set(keys.flatMap((k) => k.clauses ?? [])),
	];
	return anyOf(clauses);
}

function applies(uniqueKey: UniqueKey, record: IDataObject): boolean {
	const when = uniqueKey.appliesTo;
	return when === undefined || record[when.field] === undefined || record[when.field] === when.value;
}

/** The record holds every part of the key, and the key applies to it. */
function hasKey(uniqueKey: UniqueKey, record: IDataObject): boolean {
	if (!applies(uniqueKey, record)) return false;
	return uniqueKey.fields.every((field) => holdsPart(uniqueKey, field, record));
}

/** Both records hold the same value of a key Xero keeps unique. */
function sameKey(uniqueKey: UniqueKey, a: IDataObject, b: IDataObject): boolean {
	if (!hasKey(uniqueKey, a) || !applies(uniqueKey, b)) return false;
	if (uniqueKey.appliesTo && a[uniqueKey.appliesTo.field] !== b[uniqueKey.appliesTo.field]) {
		// A record that leaves the type out takes Xero's default for it: only a stated type is compared.
		if (a[uniqueKey.appliesTo.field] !== undefined && b[uniqueKey.appliesTo.field] !== undefined) return false;
	}
	return uniqueKey.fields.every((field) => samePart(uniqueKey, field, a, b));
}

/** A key of several compared parts in words ("invoice, date, amount and reference"); undefined where there is none. */
export function compositeKeyWords(spec: XeroResourceSpec): string | undefined {
	const composite = spec.uniqueKeys.find((k) => k.parts !== undefined);
	if (!composite) return undefined;
	return composite.fields.map((f) => f.toLowerCase()).join(', ').replace(/, ([^,]+)$/, ' and $1');
}

function matchedBy(spec: XeroResourceSpec, uniqueKey: UniqueKey): MatchedBy {
	if (uniqueKey.parts !== undefined) return 'key';
	return uniqueKey.fields.includes(spec.numberField) ? 'number' : 'name';
}

/** A Xero record that keeps this CRM record's id (in Contact Number, an invoice's Reference …) is that record's. */
export function carriesCrmId(spec: XeroResourceSpec, existing: IDataObject, crmId: string | undefined): boolean {
	const wanted = key(crmId);
	if (wanted === undefined) return false;
	return spec.crmIdFields.some((field) => {
		const value = key(existing[field]);
		return value !== undefined && value.split(/[\s,;:|/()[\]#]+/).includes(wanted);
	});
}

/**
 * Xero ID first, then a record that carries this item's CRM id (the item's own earlier copy), then the keys Xero
 * keeps unique (XeroResourceSpec.uniqueKeys) — never a value Xero lets repeat.
 */
export function findMatch(spec: XeroResourceSpec, record: IDataObject, existing: IDataObject[], crmId?: string): Match | undefined {
	const id = key(record[spec.idField]);
	if (id !== undefined) {
		const found = existing.find((e) => key(e[spec.idField]) === id);
		if (found) return { existing: found, by: 'id' };
	}
	const own = existing.filter((e) => carriesCrmId(spec, e, crmId));
	if (own.length > 0) {
		const best = own.find((e) => spec.uniqueKeys.some((k) => sameKey(k, record, e))) ?? own[0];
		return { existing: best, by: 'crmId' };
	}
	for (const uniqueKey of spec.uniqueKeys) {
		const found = existing.find((e) => sameKey(uniqueKey, record, e));
		if (found) return { existing: found, by: matchedBy(spec, uniqueKey) };
	}
	return undefined;
}

/**
 * Strings naming every Xero record an input record may land on (its ID, each unique key it holds, the CRM id it
 * stamps on the record), so the items of a whole execution can be checked against each other in one pass.
 */
export function targetKeys(spec: XeroResourceSpec, record: IDataObject, crmId: string | undefined): string[] {
	const keys: string[] = [];
	const id = key(record[spec.idField]);
	if (id !== undefined) keys.push(`id:${id}`);
	// Two items whose payloads stamp one CRM id would each claim the record carrying it.
	const crm = key(crmId);
	if (crm !== undefined && spec.crmIdFields.some((field) => key(record[field]) === crm)) keys.push(`crm:${crm}`);
	spec.uniqueKeys.forEach((uniqueKey, n) => {
		if (!hasKey(uniqueKey, record)) return;
		const type = uniqueKey.appliesTo ? String(record[uniqueKey.appliesTo.field] ?? '') : '';
		const parts = uniqueKey.fields.map((field) => {
			const part = partOf(uniqueKey, field);
			if (typeof part === 'object') return identity(record, field, part.reference).map((pair) => pair.join('=')).slice(0, 1).join('');
			return partValue(uniqueKey, field, record) as string;
		});
		keys.push(JSON.stringify([n, type, ...parts]));
	});
	return keys;
}

/**
 * Keys Xero refuses to repeat are written first, and only the records Xero turned away are looked up: half the
 * calls of a typical run, and no race with another writer. A record is looked up before writing when it holds a
 * key Xero lets repeat (a bill's supplier and number), or a number field that may keep its CRM id (Contact Number),
 * since nothing in Xero would stop a second copy.
 */
export function needsLookupBeforeWrite(spec: XeroResourceSpec, record: IDataObject): boolean {
	if (record[spec.idField] !== undefined) return false;
	if (spec.uniqueKeys.some((k) => !k.refusedByXero && hasKey(k, record))) return true;
	return spec.crmIdFields.includes(spec.numberField) && key(record[spec.numberField]) !== undefined;
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

/** How many comparisons lookupWhere makes of these keys (each distinct value once). */
function comparisons(spec: XeroResourceSpec, keys: MatchKeys[]): number {
	const names = spec.nameField ? new Set(keys.flatMap((k) => k.names)).size : 0;
	return new Set(keys.flatMap((k) => k.numbers)).size + names + new Set(keys.flatMap((k) => k.clauses ?? [])).size;
}

/**
 * The records' keys in as few lookupWhere calls as fit: every lookup's query string stays under `maxQuery` and
 * holds at most `maxClauses` comparisons, so healthy batches still cost one call, and a batch of long names costs a
 * few, never failing records whose keys fit.
 */
export function lookupPlan(
	spec: XeroResourceSpec,
	keys: MatchKeys[],
	maxQuery = MAX_LOOKUP_QUERY,
	maxClauses = Number.POSITIVE_INFINITY,
): LookupPlan {
	const budget = maxQuery - QUERY_OVERHEAD - encodedLength('where=');
	const fits = (where: string) => encodedLength(where) <= budget && encoderSafeWhere(where) !== undefined;
	const wheres: string[] = [];
	const tooLong: LookupPlan['tooLong'] = [];
	let current: MatchKeys[] = [];
	const flush = () => {
		const where = lookupWhere(spec, current);
		if (where !== undefined) wheres.push(where);
		current = [];
	};
	keys.forEach((k, index) => {
		const own = lookupWhere(spec, [k]);
		if (own === undefined) return;
		if (!fits(own)) {
			tooLong.push({ index, length: encodedLength(own) + (maxQuery - budget) });
			return;
		}
		const merged = [...current, k];
		if (comparisons(spec, merged) <= maxClauses && fits(lookupWhere(spec, merged) as string)) {
			current = merged;
			return;
		}
		flush();
		current = [k];
	});
	flush();
	return { wheres, tooLong };
}

/**
 * Lookups by number through the resource's list parameter (`InvoiceNumbers=a,b,…`) when it has one and the keys are
 * numbers only: a batch of 50 invoice numbers fits one short call, where the same `where` OR-chain outgrows Xero's
 * URL limit and takes two. Undefined when the parameter cannot carry these keys (a name to match too, or a number
 * holding a comma, which the list would split); then lookupPlan's wheres do.
 */
export function numberReads(spec: XeroResourceSpec, keys: MatchKeys[], maxQuery = MAX_LOOKUP_QUERY): IDataObject[] | undefined {
	// A list without `where` but with a one-number parameter (Quotes' QuoteNumber=) costs one read per number.
	if (spec.numbersParameter === undefined && spec.numberParameter !== undefined) {
		const single = spec.numberParameter;
		return [...new Set(keys.flatMap((k) => k.numbers))].map((number) => ({ [single]: number }));
	}
	const parameter = spec.numbersParameter;
	if (parameter === undefined || (spec.nameField !== undefined && keys.some((k) => k.names.length > 0))) return undefined;
	if (keys.some((k) => (k.clauses ?? []).length > 0)) return undefined;
	const numbers = [...new Set(keys.flatMap((k) => k.numbers))];
	if (numbers.some((number) => number.includes(','))) return undefined;
	const budget = maxQuery - QUERY_OVERHEAD - encodedLength(`${parameter}=`);
	const reads: IDataObject[] = [];
	let current: string[] = [];
	for (const number of numbers) {
		if (current.length > 0 && encodedLength([...current, number].join(',')) > budget) {
			reads.push({ [parameter]: current.join(',') });
			current = [];
		}
		current.push(number);
	}
	if (current.length > 0) reads.push({ [parameter]: current.join(',') });
	return reads;
}

/**
 * The reads that fetch records by their Xero IDs (to compare them before an update), each within Xero's URL limit:
 * `IDs=` where the list endpoint takes it (Contacts, Invoices), else `ItemID==guid("…") OR …` with at most
 * `maxClauses` comparisons per read (a high-volume organisation refuses long OR-chains). `others` are the read's
 * other query parameters: counted exactly, they leave room for a whole batch of 50 IDs in one call.
 */
export function idReads(
	spec: XeroResourceSpec,
	ids: string[],
	idsParameter: boolean,
	others: IDataObject,
	maxClauses = Number.POSITIVE_INFINITY,
	maxQuery = MAX_LOOKUP_QUERY,
): IDataObject[] {
	const unique = [...new Set(ids.map((id) => id.trim().toLowerCase()))];
	const render = (group: string[]): IDataObject =>
		idsParameter ? { IDs: group.join(',') } : { where: anyOf(group.map((id) => `${spec.idField}==guid(${quoteWhere(id)})`)) };
	const size = (qs: IDataObject) =>
		Object.entries({ ...others, ...qs }).reduce((n, [k, v]) => n + encodedLength(k) + 1 + encodedLength(String(v)) + 1, 0);
	const full = (group: string[]) => size(render(group)) > maxQuery || (!idsParameter && group.length > maxClauses);
	const reads: IDataObject[] = [];
	let current: string[] = [];
	for (const id of unique) {
		if (current.length > 0 && full([...current, id])) {
			reads.push(render(current));
			current = [];
		}
		current.push(id);
	}
	if (current.length > 0) reads.push(render(current));
	return reads;
}
