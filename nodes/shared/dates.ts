import { DateTime } from 'luxon';

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** The epoch ms of a Xero JSON date ("/Date(1518685950940+0000)/"); undefined for anything else. */
export function xeroDateMs(value: string): number | undefined {
	const match = MS_DATE.exec(value);
	return match ? Number(match[1]) : undefined;
}

/** Xero's JSON dates look like "/Date(1518685950940+0000)/"; everything we emit is ISO 8601. */
export function parseXeroDate(value: string): string | undefined {
	const ms = xeroDateMs(value);
	if (ms === undefined) return undefined;
	return DateTime.fromMillis(ms, { zone: 'utc' }).toISO() ?? undefined;
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

/**
 * The calendar date (yyyy-MM-dd) a user meant by a date filter. A date written out (`2026-01-05`,
 * `2026-01-05T00:00:00`, `…+10:00`, as n8n's date picker and `$now` give it) is taken as written; an instant
 * without a zone of its own (`…Z` from toISOString, a Date, a luxon DateTime, epoch ms) is read in the workflow's
 * timezone. Converting to UTC instead moved every date east of UTC to the day before.
 */
export function calendarDate(value: unknown, zone: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let instant: DateTime | undefined;
	if (typeof value === 'string') {
		const text = value.trim();
		if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
		if (!/z$/i.test(text)) {
			const written = DateTime.fromISO(text, { setZone: true });
			return written.isValid ? text.slice(0, 10) : undefined;
		}
		instant = DateTime.fromISO(text);
	} else if (value instanceof Date) instant = DateTime.fromJSDate(value);
	else if (typeof value === 'number') instant = DateTime.fromMillis(value);
	else if (DateTime.isDateTime(value)) instant = value;
	if (instant === undefined || !instant.isValid) return undefined;
	const local = instant.setZone(zone);
	return (local.isValid ? local : instant.toUTC()).toFormat('yyyy-MM-dd');
}

/**
 * The instant a user meant by a date-time option ("Start From", "Backfill From"): one with an offset or Z is that
 * instant; one without is wall-clock time in the workflow's timezone, not the server's.
 */
export function instantIn(value: unknown, zone: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined;
	if (DateTime.isDateTime(value)) return value.isValid ? value.toMillis() : undefined;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const parsed = DateTime.fromISO(value.trim(), { zone });
	if (parsed.isValid) return parsed.toMillis();
	const loose = Date.parse(value);
	return Number.isFinite(loose) ? loose : undefined;
}
