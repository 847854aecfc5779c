import { createHash } from 'crypto';

import { toXeroRequestDate } from './dates';
import { asBoolean, asNumber, isEmpty, isPlain, round, type Plain, type StorageRules } from './sameValue';

/**
 * The remembered state of a linked record: a hash of the values last synced, kept with the link in the CRM
 * (cf_xero_sync_hash beside the Xero ID, docs/ARCHITECTURE.md "Equal"). Each value is first put in a canonical form
 * built from the same storage rules sameValue uses, so two payloads sameValue calls equal hash equal, and the
 * order of fields never matters. Pure.
 */

// Each branch mirrors one branch of sameScalar in sameValue.ts: what it calls equal gets one canonical value.
function canonicalScalar(value: unknown, field: string | undefined, rules: StorageRules): unknown {
	if (field !== undefined && rules.dates.has(field)) return { d: toXeroRequestDate(value) ?? String(value) };
	const flag = field !== undefined && rules.flags?.has(field) === true;
	const asFlag = asBoolean(value, flag);
	if (flag || typeof value === 'boolean') return asFlag ?? String(value);
	// A text "true" equals the flag true in sameValue (one side boolean): give both one form.
	if (asFlag !== undefined) return asFlag;
	const places = field !== undefined ? rules.decimals[field] : undefined;
	if (places !== undefined) {
		const n = asNumber(value);
		return n === undefined ? String(value) : { n: round(n, places) };
	}
	const text = String(value).trim();
	return field !== undefined && rules.caseInsensitive.has(field) ? text.toLowerCase() : text;
}

function canonicalReference(value: Plain, identities: string[], rules: StorageRules): unknown {
	const identity = identities.find((key) => !isEmpty(value[key]));
	if (identity === undefined) return canonicalObject(value, rules);
	return { [identity]: String(value[identity]).trim().toLowerCase() };
}

function canonicalKeyedArray(list: unknown[], key: string, rules: StorageRules): unknown {
	const byKey = new Map<string, unknown>();
	for (const element of list) {
		if (!isPlain(element)) continue;
		// An element carrying nothing besides its type is the same as no element (sameKeyedArray).
		if (Object.entries(element).every(([k, v]) => k === key || isEmpty(v))) continue;
		const type = String(element[key] ?? '').toLowerCase();
		const rest = Object.fromEntries(Object.entries(element).filter(([k]) => k !== key));
		byKey.set(type, canonicalObject(rest, rules));
	}
	return [...byKey.keys()].sort().map((type) => [type, byKey.get(type)]);
}

function canonicalObject(value: Plain, rules: StorageRules): Plain | undefined {
	const out: Plain = {};
	for (const field of Object.keys(value).sort()) {
		const canonical = canonicalValue(value[field], rules, field);
		if (canonical !== undefined) out[field] = canonical;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/** The canonical form of one value (undefined: nothing stored). */
export function canonicalValue(value: unknown, rules: StorageRules, field?: string): unknown {
	if (rules.emptyNumberIsZero && field !== undefined && rules.decimals[field] !== undefined && isEmpty(value)) value = 0;
	if (isEmpty(value)) return undefined;
	if (Array.isArray(value)) {
		const key = field !== undefined ? rules.keyedArrays[field] : undefined;
		if (key !== undefined) return canonicalKeyedArray(value, key, rules);
		return value.map((element) => canonicalValue(element, rules, field) ?? null);
	}
	if (isPlain(value)) {
		const identities = field !== undefined ? rules.references[field] : undefined;
		return identities !== undefined ? canonicalReference(value, identities, rules) : canonicalObject(value, rules);
	}
	return canonicalScalar(value, field, rules);
}

/**
 * `stored` cut to the shape of `sent`: only the fields `sent` gives, and in keyed arrays only the elements of the
 * types it gives, each whole. Hashing the other side's record
 * this way compares the same fields the payload's hash covers.
 */
export function projectLike(stored: Plain, sent: Plain, rules: StorageRules): Plain {
	const out: Plain = {};
	for (const field of Object.keys(sent)) {
		const mine = sent[field];
		const theirs = stored[field];
		const key = rules.keyedArrays[field];
		if (key !== undefined && Array.isArray(mine) && Array.isArray(theirs)) {
			// An element (a phone, an address) is one value: kept whole, so a part the payload left out (a country
			// code the CRM's text lacks) still counts, and the two sides of a link hash the same parts.
			const types = new Set(mine.filter(isPlain).map((e) => String(e[key] ?? '').toLowerCase()));
			out[field] = theirs.filter((e) => isPlain(e) && types.has(String(e[key] ?? '').toLowerCase()));
		} else if (isPlain(mine) && isPlain(theirs)) {
			out[field] = projectLike(theirs, mine, rules);
		} else {
			out[field] = theirs;
		}
	}
	return out;
}

/** The hash of a record's synced values (hex, 32 characters): equal by sameValue ⇒ equal hash, field order aside. */
export function syncHash(values: Plain, rules: StorageRules): string {
	const canonical = canonicalObject(values, rules) ?? {};
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}
