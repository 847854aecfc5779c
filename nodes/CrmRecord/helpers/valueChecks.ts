import type { DescribeResult } from '../transport/types';
import { fieldTypes } from './normalise';

/** Field types whose values are text in vtiger: a boolean there has no text form users would expect. */
export const TEXT_TYPES = new Set(['string', 'text', 'email', 'phone', 'url', 'skype', 'picklist', 'multipicklist']);

/** Half of a surrogate pair on its own: not valid UTF-16, so it cannot be encoded into a URL, a form or the database. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(value: string): boolean {
	return LONE_SURROGATE.test(value);
}

/** Dates and Luxon DateTimes are turned into vtiger's date text; any other object is not a field value. */
function isDateLike(value: object): boolean {
	return value instanceof Date || typeof (value as { toISO?: unknown }).toISO === 'function';
}

/** A short, readable rendering of any input value for messages (never "[object Object]"). */
export function showValue(value: unknown, max = 60): string {
	let text: string;
	if (typeof value === 'string') text = JSON.stringify(value);
	else if (typeof value === 'object' && value !== null && !isDateLike(value)) {
		try {
			text = JSON.stringify(value) ?? String(value);
		} catch {
			text = Array.isArray(value) ? 'an array' : 'an object';
		}
	} else text = String(value);
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return 'a boolean';
	if (typeof value === 'number') return 'a number';
	return `a ${typeof value}`;
}

/**
 * What vtiger would store mangled or the transport could not send: a list or object in a field ("[object Object]"),
 * a boolean in a text field (true → "1", false → "" — an empty mandatory name, matched as "0"), NaN/Infinity, and
 * text that is not valid UTF-16. One message per field, naming the field and what it got.
 */
export function valueProblems(
	values: Record<string, unknown>,
	describe: DescribeResult,
	lineItems?: Array<Record<string, unknown>>,
): string[] {
	const types = fieldTypes(describe);
	const problems: string[] = [];
	const check = (field: string, value: unknown, type: string | undefined) => {
		if (typeof value === 'string') {
			if (hasLoneSurrogate(value)) {
				problems.push(`${field} contains invalid text (a lone UTF-16 surrogate, e.g. half of an emoji cut off); fix the value at its source`);
			}
			return;
		}
		if (typeof value === 'object' && value !== null && !isDateLike(value)) {
			problems.push(`${field} must be a single value, but got ${kindOf(value)} (${showValue(value)}); map a single field of it instead`);
			return;
		}
		if (typeof value === 'number' && !Number.isFinite(value)) {
			problems.push(`${field} must be a number or text, but got ${String(value)}; map a real value instead`);
			return;
		}
		if (typeof value === 'boolean' && type !== undefined && TEXT_TYPES.has(type)) {
			problems.push(`${field} is a text field (${type}), but got the boolean ${String(value)}; map a text value`);
		}
	};
	for (const [field, value] of Object.entries(values)) check(field, value, types.get(field));
	(lineItems ?? []).forEach((line, index) => {
		if (typeof line !== 'object' || line === null) return;
		for (const [field, value] of Object.entries(line)) check(`line item ${index + 1} ${field}`, value, undefined);
	});
	return problems;
}
