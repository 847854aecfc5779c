import { shortQuote } from '../../shared/redact';

const MAX_SHOWN = 60;

/**
 * A value as it can appear inside a message: text as it is, anything else as (shortened) JSON with its type named,
 * so a record label never reads "[object Object]" and the user sees that the field had the wrong type.
 */
export function displayValue(value: unknown): string {
	if (typeof value === 'string') return shortQuote(value);
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	let json: string;
	try {
		json = JSON.stringify(value) ?? String(value);
	} catch {
		json = Object.prototype.toString.call(value);
	}
	const shown = json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 1)}…` : json;
	const kind = Array.isArray(value) ? 'a list' : value === null ? 'null' : `an ${typeof value}`;
	return `${shown} (${kind}, not text)`;
}
