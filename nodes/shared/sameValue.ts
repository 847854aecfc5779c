import { toXeroRequestDate } from './dates';

/**
 * What "equal" means when a sync decides whether a write would change anything (docs/ARCHITECTURE.md, "Equal").
 * Only the fields the sender sends are compared, each normalised the way the receiving system stores it, so a
 * record that went out and came back compares equal and is not written again. Pure; the rules say how one system
 * stores its values.
 */
export interface StorageRules {
	/** Decimal places the system keeps per numeric field (rounded half away from zero); others compare exactly. */
	decimals: Record<string, number>;
	/** Fields whose case the system ignores (codes, enums, ids): compared case-insensitively. */
	caseInsensitive: ReadonlySet<string>;
	/** Fields holding a date: compared by calendar day. */
	dates: ReadonlySet<string>;
	/** Arrays whose elements the system keeps by a type key (a contact's phones by PhoneType), not by position. */
	keyedArrays: Record<string, string>;
	/** Nested references compared by the first identity field the sender gives (a Contact by ContactID, else Name). */
	references: Record<string, string[]>;
	/** Fields holding a flag, compared as true/false whichever spelling ("1"/"0", true/false, "true"/"false"). */
	flags?: ReadonlySet<string>;
	/** The system stores an empty number as 0 (vtiger): in `decimals` fields, empty and 0 are the same. */
	emptyNumberIsZero?: boolean;
}

export type Plain = Record<string, unknown>;

export function isPlain(value: unknown): value is Plain {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Absent, null, blank text and an empty list are all "nothing stored". */
export function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

export function round(value: number, places: number): number {
	const factor = 10 ** places;
	return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()))) return Number(value.trim());
	return undefined;
}

export function asBoolean(value: unknown, spelledAsDigit = false): boolean | undefined {
	if (value === true || value === 'true' || (spelledAsDigit && (value === '1' || value === 1))) return true;
	if (value === false || value === 'false' || (spelledAsDigit && (value === '0' || value === 0))) return false;
	return undefined;
}

function sameScalar(sent: unknown, stored: unknown, field: string | undefined, rules: StorageRules): boolean {
	if (field !== undefined && rules.dates.has(field)) {
		const a = toXeroRequestDate(sent);
		return a !== undefined && a === toXeroRequestDate(stored);
	}
	const flag = field !== undefined && rules.flags?.has(field) === true;
	if (flag || typeof sent === 'boolean' || typeof stored === 'boolean') {
		const a = asBoolean(sent, flag);
		return a !== undefined && a === asBoolean(stored, flag);
	}
	const places = field !== undefined ? rules.decimals[field] : undefined;
	// Numbers compare as numbers only where the system stores a number: in a text field a number sent for "0123" or
	// "1e3" is a different value, and reading it as equal would skip a real change forever.
	if (places !== undefined || (typeof sent === 'number' && typeof stored === 'number')) {
		const a = asNumber(sent);
		const b = asNumber(stored);
		if (a === undefined || b === undefined) return false;
		return places === undefined ? a === b : round(a, places) === round(b, places);
	}
	if (typeof sent === 'number') sent = String(sent);
	if (typeof stored === 'number') stored = String(stored);
	if (typeof sent !== 'string' || typeof stored !== 'string') return false;
	const a = sent.trim();
	const b = stored.trim();
	return field !== undefined && rules.caseInsensitive.has(field) ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function sameReference(sent: Plain, stored: Plain, identities: string[], rules: StorageRules): boolean {
	const identity = identities.find((key) => !isEmpty(sent[key]));
	if (identity === undefined) return sameObject(sent, stored, rules);
	// A name finds the record whatever its case (Xero keeps names unique case-insensitively).
	return !isEmpty(stored[identity]) && String(sent[identity]).trim().toLowerCase() === String(stored[identity]).trim().toLowerCase();
}

function sameKeyedArray(sent: unknown[], stored: unknown[], key: string, rules: StorageRules): boolean {
	return sent.every((element) => {
		if (!isPlain(element)) return false;
		const wanted = String(element[key] ?? '').toLowerCase();
		const match = stored.find((other) => isPlain(other) && String(other[key] ?? '').toLowerCase() === wanted);
		// An element the system does not hold yet is a change unless it carries nothing besides its type.
		if (match === undefined) return Object.entries(element).every(([k, v]) => k === key || isEmpty(v));
		return sameObject(element, match as Plain, rules);
	});
}

/**
 * Whether writing `sent` over `stored` would leave `stored` as it is. Objects compare only the fields `sent` gives;
 * lists compare element by element, in order (line items), unless the rules key them by type.
 */
export function sameValue(sent: unknown, stored: unknown, rules: StorageRules, field?: string): boolean {
	if (rules.emptyNumberIsZero && field !== undefined && rules.decimals[field] !== undefined) {
		if (isEmpty(sent)) sent = 0;
		if (isEmpty(stored)) stored = 0;
	}
	if (isEmpty(sent) || isEmpty(stored)) return isEmpty(sent) && isEmpty(stored);
	if (Array.isArray(sent)) {
		if (!Array.isArray(stored)) return false;
		const key = field !== undefined ? rules.keyedArrays[field] : undefined;
		if (key !== undefined) return sameKeyedArray(sent, stored, key, rules);
		return sent.length === stored.length && sent.every((element, i) => sameValue(element, stored[i], rules, field));
	}
	if (isPlain(sent)) {
		if (!isPlain(stored)) return false;
		const identities = field !== undefined ? rules.references[field] : undefined;
		return identities !== undefined ? sameReference(sent, stored, identities, rules) : sameObject(sent, stored, rules);
	}
	return sameScalar(sent, stored, field, rules);
}

function sameObject(sent: Plain, stored: Plain, rules: StorageRules): boolean {
	return changedFields(sent, stored, rules).length === 0;
}

/** The top-level fields of `sent` whose value differs from what `stored` holds (empty: writing changes nothing). */
export function changedFields(sent: Plain, stored: Plain, rules: StorageRules): string[] {
	return Object.keys(sent).filter((field) => sent[field] !== undefined && !sameValue(sent[field], stored[field], rules, field));
}
