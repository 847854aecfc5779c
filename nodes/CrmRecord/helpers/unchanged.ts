import { normaliseValue, type FieldTypes } from './normalise';

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
		if (field === 'LineItems') return false;
		if (!(field in existing)) return false;
		const type = types.get(field);
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
