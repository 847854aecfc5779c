import { DateTime } from 'luxon';

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** Xero's JSON dates look like "/Date(1518685950940+0000)/"; everything we emit is ISO 8601. */
export function parseXeroDate(value: string): string | undefined {
	const match = MS_DATE.exec(value);
	if (!match) return undefined;
	return DateTime.fromMillis(Number(match[1]), { zone: 'utc' }).toISO() ?? undefined;
}

export function toXeroDate(millis: number): string {
	return `/Date(${Math.trunc(millis)}+0000)/`;
}

/** Replaces every "/Date(…)/" string in a Xero record, at any depth, with its ISO form. */
export function isoDates<T>(value: T): T {
	if (typeof value === 'string') return (parseXeroDate(value) ?? value) as T;
	if (Array.isArray(value)) return value.map(isoDates) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value)) out[key] = isoDates(inner);
		return out as T;
	}
	return value;
}

/** Xero accepts "yyyy-MM-dd" for dates in request bodies; input may be ISO, a date, or a Xero date. */
export function toXeroRequestDate(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string') {
		const fromXero = parseXeroDate(value);
		const parsed = DateTime.fromISO(fromXero ?? value, { zone: 'utc' });
		return parsed.isValid ? parsed.toFormat('yyyy-MM-dd') : undefined;
	}
	if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' }).toFormat('yyyy-MM-dd');
	return undefined;
}

/** The If-Modified-Since header Xero reads: an HTTP date, UTC, second precision. */
export function toHttpDate(iso: string): string {
	return DateTime.fromISO(iso, { zone: 'utc' }).toHTTP() ?? new Date(iso).toUTCString();
}
