import type { DescribeResult } from '../transport/types';

const FALLBACK_LABEL_FIELDS = [
	'accountname',
	'lastname',
	'productname',
	'servicename',
	'subject',
	'potentialname',
	'ticket_title',
	'currency_name',
];

const MAX_LABEL = 80;

/** A label is for reading: a 12,000-character name is cut, and broken UTF-16 is shown as U+FFFD. */
function shorten(text: string): string {
	const clean = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
	return clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL)}… (${clean.length} characters)` : clean;
}

/** How a record is named in messages: its label fields ("Acme Ltd", "Jane Doe"), else its id, else the item. */
export function recordLabel(
	values: Record<string, unknown>,
	describe: DescribeResult | undefined,
	itemIndex: number,
): string {
	const fields = describe?.labelFields ? describe.labelFields.split(',') : FALLBACK_LABEL_FIELDS;
	const parts = fields
		.map((field) => values[field.trim()])
		.filter((value) => (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '')
		.map(String);
	if (parts.length > 0) return `"${shorten(parts.join(' '))}"`;
	if (typeof values.id === 'string' && values.id !== '') return values.id;
	return `item ${itemIndex + 1}`;
}

export function fieldLabel(describe: DescribeResult | undefined, name: string): string {
	const field = describe?.fields.find((candidate) => candidate.name === name);
	return field && field.label !== name ? `"${field.label}" (${name})` : `"${name}"`;
}
