import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { displayValue } from '../../helpers/display';
import { present } from '../../helpers/mandatory';
import { contactReference, toRequestDates, writableLines } from '../../helpers/xeroShape';
import type { CurrencySettings } from '../../send/checks';
import type { RecordCheck, SettingsCheck } from '../../send/rules';

/**
 * The Send rules every document with line items shares (invoices, quotes, purchase orders, credit notes): its status,
 * mandatory fields, request shape, dates, currency and "Define Below" parameters. Each resource's sendRules.ts says
 * only what is its own (its statuses and their messages, its dates, its type).
 */

/**
 * Why a record's Status cannot be sent: `refused` says it for the statuses a sync must not set (each message says where
 * to do it instead), `unknown` for anything not `sendable`; an empty status is left as Xero has it.
 */
export function statusProblem(
	record: IDataObject,
	sendable: readonly string[],
	refused: Record<string, string>,
	unknown: (status: string) => string,
): string | undefined {
	const status = record.Status;
	if (status === undefined || status === null || status === '') return undefined;
	const value = String(status).toUpperCase();
	if (refused[value] !== undefined) return refused[value];
	if (sendable.includes(value)) return undefined;
	return unknown(displayValue(status));
}

/**
 * What a document must carry: a new one a contact (`party` names it: "contact", "supplier"), then the document's own
 * `problems`, then at least one described line (an update only when it sends lines at all).
 */
export function documentMandatory(
	record: IDataObject,
	isUpdate: boolean,
	noun: string,
	{ party = 'contact', problems = [] }: { party?: string; problems?: string[] } = {},
): string[] {
	const contact = record.Contact as IDataObject | undefined;
	const missing: string[] = [];
	if (!isUpdate && !(present(contact?.ContactID) || present(contact?.Name))) {
		missing.push(`the ${noun} has no ${party} (Contact.ContactID or Contact.Name)`);
	}
	missing.push(...problems);
	const lines = Array.isArray(record.LineItems) ? (record.LineItems as IDataObject[]) : [];
	if ((!isUpdate || lines.length > 0) && !lines.some((line) => present(line?.Description))) {
		missing.push(`the ${noun} needs at least one line item with a description`);
	}
	return missing;
}

/** The Type of a document that has two (sales and the other side): `types` are [value, what it is] pairs. */
export function typeProblems(record: IDataObject, isUpdate: boolean, noun: string, types: Array<[string, string]>): string[] {
	const values = types.map(([value]) => value);
	if (!isUpdate && !present(record.Type)) return [`the ${noun} type (${values.join(' or ')}) is empty`];
	if (present(record.Type) && !values.includes(String(record.Type))) {
		const named = types.map(([value, what]) => `${value} (${what})`).join(' or ');
		return [`the ${noun} type "${displayValue(record.Type)}" is not ${named}`];
	}
	return [];
}

/**
 * The request shape of a document: Xero's contact reference, writable line fields, request dates (`dates`) and the
 * codes Xero wants in capitals (`upperCase`: Status, and Type or LineAmountTypes where the resource has them so).
 */
export function documentRequestShape(dates: readonly string[], upperCase: readonly string[]): (payload: IDataObject) => void {
	return (payload) => {
		if (payload.Contact !== undefined) payload.Contact = contactReference(payload.Contact);
		if (payload.Contact === undefined) delete payload.Contact;
		if (Array.isArray(payload.LineItems)) payload.LineItems = writableLines(payload.LineItems as IDataObject[]);
		toRequestDates(payload, [...dates]);
		for (const field of upperCase) {
			if (typeof payload[field] === 'string') payload[field] = (payload[field] as string).toUpperCase();
		}
	};
}

/** Xero stores dates as SQL dates and answers 400 for the whole request when one is out of range. */
export const XERO_MIN_YEAR = 1900;
export const XERO_MAX_YEAR = 9999;

/**
 * Dates Xero would refuse, checked before sending: one such date would otherwise make Xero reject the whole batch
 * ("Could not convert string to DateTime"). `original` is the input item, so the message shows what the user sent.
 */
export function dateProblems(record: IDataObject, original: IDataObject, fields: readonly string[]): string[] {
	const problems: string[] = [];
	for (const field of fields) {
		const value = record[field];
		if (value === undefined) continue;
		const text = typeof value === 'string' ? value : '';
		const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text);
		const year = match ? Number(match[1]) : NaN;
		if (match && year >= XERO_MIN_YEAR && year <= XERO_MAX_YEAR) continue;
		const sent = original[field] !== undefined && original[field] !== value ? original[field] : value;
		problems.push(
			`${field} "${displayValue(sent)}" is not a date Xero accepts (yyyy-mm-dd, years ${XERO_MIN_YEAR}–${XERO_MAX_YEAR}); correct the ${field} in the input`,
		);
	}
	return problems;
}

/** BAD_DATE: the record's dates in `fields` Xero would refuse, named with the value sent. */
export function datesCheck(fields: readonly string[]): RecordCheck {
	return {
		code: 'BAD_DATE',
		problem(payload, input) {
			const dates = dateProblems(payload, input, fields);
			return dates.length > 0 ? `not sent because ${dates.join('; ')}.` : undefined;
		},
	};
}

/** The seed asks for the same base currency in both systems; Xero also accepts any currency enabled there. */
export function currencyProblem(code: unknown, currencies: CurrencySettings): string | undefined {
	if (code === undefined || code === null || code === '') return undefined;
	const value = String(code).toUpperCase();
	if (value === currencies.base.toUpperCase()) return undefined;
	if (currencies.enabled.some((enabled) => enabled.toUpperCase() === value)) return undefined;
	const enabled = currencies.enabled.length > 0 ? currencies.enabled.join(', ') : 'none besides the base currency';
	return `Currency ${value} is neither the organisation's base currency (${currencies.base}) nor enabled in Xero (enabled: ${enabled}). Enable it in Xero under Settings → Currencies, or send the invoice in ${currencies.base}.`;
}

/** A record names a currency, which must then be one the organisation can invoice in. */
export function needsCurrencyCheck(records: IDataObject[]): boolean {
	return records.some((r) => Boolean(r.CurrencyCode));
}

/** CURRENCY: a record naming a currency must use one the organisation can invoice in. */
export const currencyCheck: SettingsCheck = {
	code: 'CURRENCY',
	needed: needsCurrencyCheck,
	problem: async (payload, settings) => currencyProblem(payload.CurrencyCode, await settings.currencies()),
};

/** "Define Below" parameters of a document: the contact, the Line Items list and the additional fields. */
export function documentParameters(ctx: IExecuteFunctions, i: number): { contact: string; lines: IDataObject[]; fields: IDataObject } {
	const lines = (ctx.getNodeParameter('lineItemsUi', i, {}) as IDataObject).lineItem;
	return {
		contact: ctx.getNodeParameter('contact', i, '') as string,
		lines: Array.isArray(lines) ? (lines as IDataObject[]) : [],
		fields: ctx.getNodeParameter('additionalFields', i, {}) as IDataObject,
	};
}

/** "Define Below" for a document with a type parameter (invoices, credit notes). */
export function documentFromFields(
	ctx: IExecuteFunctions,
	i: number,
	type: { name: string; default: string },
	build: (type: string, contact: string, lines: IDataObject[], fields: IDataObject) => IDataObject,
): IDataObject {
	const { contact, lines, fields } = documentParameters(ctx, i);
	return build(ctx.getNodeParameter(type.name, i, type.default) as string, contact, lines, fields);
}
