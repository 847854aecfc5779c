import type { IDataObject } from 'n8n-workflow';

import { shortQuote } from '../../shared/redact';

/**
 * Xero's validation sentences name a field but not the value it refused ("Email address must be valid."). Where the
 * sent record holds that field, the value is quoted into the sentence, so the log entry shows what to fix:
 * `Email address "bob@" must be valid.` Subjects as Xero words them, with the request fields they refer to.
 */
const SUBJECTS: ReadonlyArray<{ words: string; fields: string[] }> = [
	{ words: 'Email address', fields: ['EmailAddress', 'ContactPersons.EmailAddress'] },
	{ words: 'The Contact Name', fields: ['Name'] },
	{ words: 'Item code', fields: ['Code'] },
	{ words: 'Item name', fields: ['Name'] },
	{ words: 'The Code', fields: ['Code'] },
	{ words: 'The Name', fields: ['Name'] },
	{ words: 'Invoice Number', fields: ['InvoiceNumber'] },
	{ words: 'Quote number', fields: ['QuoteNumber'] },
	{ words: 'Reference', fields: ['Reference'] },
];

/** Non-empty text values of a field path ("ContactPersons.EmailAddress" reads every person's address). */
function valuesAt(record: IDataObject, path: string): string[] {
	const [head, ...rest] = path.split('.');
	const value = record[head];
	if (rest.length === 0) return typeof value === 'string' && value.trim() !== '' ? [value] : [];
	const children = Array.isArray(value) ? value : [value];
	return children.flatMap((child) =>
		child !== null && typeof child === 'object' ? valuesAt(child as IDataObject, rest.join('.')) : [],
	);
}

/** Quotes the refused value after the field Xero names, when the record sent has exactly one value there. */
export function quoteBadValues(message: string, record: IDataObject): string {
	let out = message;
	for (const { words, fields } of SUBJECTS) {
		const at = new RegExp(`(^|[.;:] )(${words})( must| cannot| is)`, 'g');
		if (!at.test(out)) continue;
		const values = [...new Set(fields.flatMap((field) => valuesAt(record, field)))];
		if (values.length !== 1) continue;
		out = out.replace(at, (_m, lead: string, subject: string, verb: string) => `${lead}${subject} ${JSON.stringify(shortQuote(values[0], 60))}${verb}`);
	}
	return out;
}
