import { DateTime } from 'luxon';
import { parseXeroDate } from '../dates';

/**
 * vtiger returns every value as a string ("2.000", "1250000.50000000", "0"/"1", "") except a few JSON numbers and
 * nulls in create responses, so each reader accepts both and treats "" and null as "no value".
 */

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function text(value: unknown): string {
	if (isBlank(value)) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/** A number from "1250000.50000000", "2.000", " 10 ", 42; undefined for "", null, or anything not numeric. */
export function num(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
	const parsed = Number(trimmed);
	return Number.isFinite(parsed) ? parsed : undefined;
}

export function bool(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true') return true;
	if (value === 0 || value === '0' || value === 'false') return false;
	return undefined;
}

/**
 * "yyyy-mm-dd" from a vtiger date ("2024-01-15", or "15-01-2024" which vtiger also accepts), a vtiger datetime, an
 * ISO timestamp, or a Xero "/Date(…)/" string; undefined when it is none of those.
 */
export function day(value: unknown): string | undefined {
	if (isBlank(value) || typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	const fromXero = parseXeroDate(trimmed);
	if (fromXero) return fromXero.slice(0, 10);
	const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(trimmed);
	const candidate = dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : trimmed.replace(' ', 'T');
	const parsed = DateTime.fromISO(candidate, { zone: 'utc', setZone: true });
	return parsed.isValid ? parsed.toFormat('yyyy-MM-dd') : undefined;
}

/** vtiger ids look like "11x4"; the prefix names the module. */
export function isCrmId(value: unknown): value is string {
	return typeof value === 'string' && /^\d+x\d+$/.test(value);
}
