const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** Xero's JSON date form, e.g. "/Date(1518685950940+0000)/" */
export function msDate(millis: number): string {
	return `/Date(${Math.trunc(millis)}+0000)/`;
}

export function parseMsDate(value: string): number | undefined {
	const match = MS_DATE.exec(value);
	return match ? Number(match[1]) : undefined;
}

/** Xero's "DateString" companions: local date-time without an offset */
export function dateString(millis: number): string {
	return new Date(millis).toISOString().slice(0, 19);
}

/**
 * Dates in request bodies: Xero takes "2024-05-01", "2024-05-01T00:00:00" and the /Date(…)/ form.
 * Returns midnight UTC of that day in ms, or undefined when it is not a date.
 */
export function parseRequestDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = parseMsDate(value);
	if (ms !== undefined) return startOfDay(ms);
	const match = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
	if (!match) return undefined;
	const millis = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	const back = new Date(millis);
	if (back.getUTCMonth() !== Number(match[2]) - 1 || back.getUTCDate() !== Number(match[3])) return undefined;
	return millis;
}

export function startOfDay(millis: number): number {
	const date = new Date(millis);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** If-Modified-Since: ISO 8601 (what the yaml and xero-node send) or an HTTP date (RFC 1123) */
export function parseIfModifiedSince(value: string | undefined): number | undefined {
	if (!value) return undefined;
	// Xero reads a time without an offset as UTC; Date.parse would read it in the server's zone
	const isoWithoutZone = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value);
	const millis = Date.parse(isoWithoutZone ? `${value}Z` : value);
	return Number.isNaN(millis) ? undefined : millis;
}
