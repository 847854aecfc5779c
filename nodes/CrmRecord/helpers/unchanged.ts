import { sameValue, type StorageRules } from '../../shared/sameValue';
import { NUMERIC_TYPES, type FieldTypes } from './normalise';

const LINE_KEYS = ['productid', 'quantity', 'listprice', 'discount_percent', 'discount_amount', 'comment'];

/** vtiger keeps decimals with 8 places ("1250000.50000000"); integers have none to lose. */
const VTIGER_DECIMALS = 8;

/**
 * How vtiger stores a module's fields, for the shared notion of equal (nodes/shared/sameValue.ts, the same one
 * Xero Sync's Unchanged uses): numbers as numbers at 8 decimals with empty stored as 0, flags as "1"/"0", dates by
 * day; text exactly (a changed capital is a change, unlike matching).
 */
export function vtigerStorage(types: FieldTypes): StorageRules {
	const decimals: Record<string, number> = {};
	const flags = new Set<string>();
	const dates = new Set<string>();
	for (const [field, type] of types) {
		if (NUMERIC_TYPES.has(type)) decimals[field] = type === 'integer' ? 0 : VTIGER_DECIMALS;
		else if (type === 'boolean') flags.add(field);
		else if (type === 'date') dates.add(field);
	}
	return { decimals, flags, dates, caseInsensitive: new Set(), keyedArrays: {}, references: {}, emptyNumberIsZero: true };
}

function lineValue(line: Record<string, unknown>, key: string): string {
	const value = line[key];
	if (value === undefined || value === null || value === '') return key.startsWith('discount') ? '0' : '';
	const text = String(value).trim();
	return /^-?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}

/**
 * Whether the stored lines (as retrieve returns them) are the lines about to be sent. A write replaces all lines,
 * so every line column counts, sent or not (an unsent discount becomes 0). Only retrieve carries LineItems: a query
 * row never does, so a record known only from a query always counts as changed.
 */
export function sameLines(stored: unknown, wanted: unknown): boolean {
	if (!Array.isArray(stored) || !Array.isArray(wanted) || stored.length !== wanted.length) return false;
	return wanted.every((line, index) =>
		LINE_KEYS.every(
			(key) =>
				lineValue(stored[index] as Record<string, unknown>, key) === lineValue(line as Record<string, unknown>, key),
		),
	);
}

/**
 * Whether writing `element` over `existing` would change nothing. Skipping such writes keeps modifiedtime still,
 * so a CRM → Xero → CRM round trip does not show up again as a change on the next Get Changes.
 */
export function isUnchanged(
	existing: Record<string, unknown>,
	element: Record<string, unknown>,
	types: FieldTypes,
): boolean {
	const rules = vtigerStorage(types);
	for (const [field, value] of Object.entries(element)) {
		if (field === 'id') continue;
		if (field === 'LineItems') {
			if (!sameLines(existing.LineItems, value)) return false;
			continue;
		}
		if (!(field in existing)) return false;
		if (!sameValue(value, existing[field], rules, field)) return false;
	}
	return true;
}
