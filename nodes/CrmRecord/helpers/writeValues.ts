import type { FieldTypes } from './normalise';
import { TEXT_TYPES } from './valueChecks';

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function utcDateTime(date: Date): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * n8n hands dates around as ISO strings or Luxon/JS dates; vtiger wants "yyyy-mm-dd" and "yyyy-mm-dd HH:MM:SS"
 * (UTC, the webservice's zone), and stores booleans as "1"/"0".
 */
export function toVtigerValue(value: unknown, type: string | undefined): unknown {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) value = value.toISOString();
	else if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		value = (value as { toISO(): string }).toISO();
	}
	// A number in a text field is written as the same text the upsert lookup compares with (vtqlValue).
	if (typeof value === 'number' && type !== undefined && TEXT_TYPES.has(type)) return String(value);
	if (type === 'boolean') {
		if (value === true || value === 'true') return '1';
		if (value === false || value === 'false') return '0';
		return value;
	}
	if ((type === 'date' || type === 'datetime') && typeof value === 'string') {
		const match = ISO_DATE_TIME.exec(value.trim());
		if (!match) return value;
		if (type === 'date') return match[1];
		if (match[4] === undefined) return `${match[1]} ${match[2].length === 5 ? `${match[2]}:00` : match[2]}`;
		const parsed = new Date(value);
		return Number.isNaN(parsed.getTime()) ? value : utcDateTime(parsed);
	}
	return value;
}

export function toVtigerElement(values: Record<string, unknown>, types: FieldTypes): Record<string, unknown> {
	const element: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) element[key] = toVtigerValue(value, types.get(key));
	return element;
}
