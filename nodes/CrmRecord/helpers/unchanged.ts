import { normaliseValue, NUMERIC_TYPES, type FieldTypes } from './normalise';

const LINE_KEYS = ['productid', 'quantity', 'listprice', 'discount_percent', 'discount_amount', 'comment'];

function lineValue(line: Record<string, unknown>, key: string): string {
	const value = line[key];
	if (value === undefined || value === null || value === '') return key.startsWith('discount') ? '0' : '';
	const text = String(value).trim();
	return /^-?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}

/**
 * Whether the stored lines (as retrieve returns them) are the lines about to be sent. Only retrieve carries
 * LineItems: a query row never does, so a record known only from a query always counts as changed.
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

/** vtiger stores an empty number as 0 ("0.00000000"), so writing "" over 0 changes nothing. */
function numberOrZero(value: unknown): number {
	if (value === undefined || value === null || String(value).trim() === '') return 0;
	return Number(value);
}

function flag(value: unknown): string {
	if (value === true || value === '1' || value === 'true') return '1';
	if (value === false || value === '0' || value === 'false') return '0';
	return String(value ?? '');
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
	for (const [field, value] of Object.entries(element)) {
		if (field === 'id') continue;
		if (field === 'LineItems') {
			if (!sameLines(existing.LineItems, value)) return false;
			continue;
		}
		if (!(field in existing)) return false;
		const type = types.get(field);
		if (type !== undefined && NUMERIC_TYPES.has(type)) {
			if (numberOrZero(existing[field]) !== numberOrZero(value)) return false;
			continue;
		}
		const stored = normaliseValue(existing[field], type);
		const wanted = typeof value === 'string' ? normaliseValue(value, type) : value;
		if (typeof stored === 'number' || typeof wanted === 'number') {
			if (Number(stored) !== Number(wanted) || stored === '' || wanted === '') return false;
			continue;
		}
		if (typeof stored === 'boolean' || typeof wanted === 'boolean') {
			if (flag(stored) !== flag(wanted)) return false;
			continue;
		}
		// Text compares exactly (a changed capital is a change), unlike matching.
		if (String(stored ?? '').trim() !== String(wanted ?? '').trim()) return false;
	}
	return true;
}
