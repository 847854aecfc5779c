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

/** How a record is named in messages: its label fields ("Acme Ltd", "Jane Doe"), else its id, else the item. */
export function recordLabel(
	values: Record<string, unknown>,
	describe: DescribeResult | undefined,
	itemIndex: number,
): string {
	const fields = describe?.labelFields ? describe.labelFields.split(',') : FALLBACK_LABEL_FIELDS;
	const parts = fields
		.map((field) => values[field.trim()])
		.filter((value) => value !== undefined && value !== null && String(value).trim() !== '')
		.map(String);
	if (parts.length > 0) return `"${parts.join(' ')}"`;
	if (typeof values.id === 'string' && values.id !== '') return values.id;
	return `item ${itemIndex + 1}`;
}

export function fieldLabel(describe: DescribeResult | undefined, name: string): string {
	const field = describe?.fields.find((candidate) => candidate.name === name);
	return field && field.label !== name ? `"${field.label}" (${name})` : `"${name}"`;
}
