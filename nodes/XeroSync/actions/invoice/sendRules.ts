import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { SENDABLE_INVOICE_STATUSES, XERO_RESOURCES } from '../../../shared/xero/resources';
import { displayValue } from '../../helpers/display';
import { invoiceFromFields } from '../../helpers/fieldPayloads';
import type { CurrencySettings } from '../../send/checks';
import { present } from '../../helpers/mandatory';
import { contactReference, toRequestDates, writableLines } from '../../helpers/xeroShape';
import type { RecordCheck, SendRules, SettingsCheck } from '../../send/rules';
import { BILL_FROM_PURCHASE_ORDER } from '../../helpers/purchaseOrderBill';
import { writeInBatches } from '../../send/write';

/**
 * The seed: Paid and Voided cannot be set from the CRM. Xero sets PAID itself when payments cover the invoice,
 * and voiding is a deliberate act in Xero, so the message says where to do it instead.
 */
export function invoiceStatusProblem(record: IDataObject): string | undefined {
	const status = record.Status;
	if (status === undefined || status === null || status === '') return undefined;
	const value = String(status).toUpperCase();
	if ((SENDABLE_INVOICE_STATUSES as readonly string[]).includes(value)) return undefined;
	if (value === 'PAID') {
		return 'Invoice status PAID cannot be sent: Xero marks an invoice paid when payments cover it. Send it as AUTHORISED and record the payment in Xero.';
	}
	if (value === 'VOIDED') {
		return 'Invoice status VOIDED cannot be sent: voiding happens in Xero (Invoice → Options → Void). Send it as DRAFT, SUBMITTED or AUTHORISED.';
	}
	if (value === 'DELETED') {
		return 'Invoice status DELETED cannot be sent: delete draft invoices in Xero. Send it as DRAFT, SUBMITTED or AUTHORISED.';
	}
	return `Invoice status "${displayValue(status)}" is not one Xero accepts from a sync; use DRAFT, SUBMITTED or AUTHORISED.`;
}

const INVOICE_DATE_FIELDS = ['Date', 'DueDate', 'ExpectedPaymentDate', 'PlannedPaymentDate'];
/** Xero stores dates as SQL dates and answers 400 for the whole request when one is out of range. */
export const XERO_MIN_YEAR = 1900;
export const XERO_MAX_YEAR = 9999;

/**
 * Dates Xero would refuse, checked before sending: one such date would otherwise make Xero reject the whole batch
 * ("Could not convert string to DateTime"). `original` is the input item, so the message shows what the user sent.
 */
export function invoiceDateProblems(record: IDataObject, original: IDataObject = {}, fields: readonly string[] = INVOICE_DATE_FIELDS): string[] {
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


/** BAD_DATE: the record's dates in `fields` Xero would refuse, named with the value sent. */
export function datesCheck(fields: readonly string[]): RecordCheck {
	return {
		code: 'BAD_DATE',
		problem(payload, input) {
			const dates = invoiceDateProblems(payload, input, fields);
			return dates.length > 0 ? `not sent because ${dates.join('; ')}.` : undefined;
		},
	};
}

/** "Define Below" for a document with lines: its type parameter, the contact, the line list and the additional fields. */
export function documentFromFields(
	ctx: IExecuteFunctions,
	i: number,
	type: { name: string; default: string },
	build: (type: string, contact: string, lines: IDataObject[], fields: IDataObject) => IDataObject,
): IDataObject {
	const lines = (ctx.getNodeParameter('lineItemsUi', i, {}) as IDataObject).lineItem;
	return build(
		ctx.getNodeParameter(type.name, i, type.default) as string,
		ctx.getNodeParameter('contact', i, '') as string,
		Array.isArray(lines) ? (lines as IDataObject[]) : [],
		ctx.getNodeParameter('additionalFields', i, {}) as IDataObject,
	);
}

/** The dates of a document with lines (invoices, credit notes), checked before any call. */
export const dateCheck: RecordCheck = datesCheck(INVOICE_DATE_FIELDS);

/** CURRENCY: a record naming a currency (invoices, quotes) must use one the organisation can invoice in. */
export const currencyCheck: SettingsCheck = {
	code: 'CURRENCY',
	needed: needsCurrencyCheck,
	problem: async (payload, settings) => currencyProblem(payload.CurrencyCode, await settings.currencies()),
};

export const PAID_NOTE =
	'Not sent: the invoice has a payment or credit note allocated in Xero, which then refuses edits. It stays linked; the output is the Xero invoice as it is now.';

/** Send invoice: what differs from the other resources; the engine in send/ does the rest. */
const INVOICE_DATES = ['Date', 'DueDate', 'ExpectedPaymentDate', 'PlannedPaymentDate'];

/** Invoices (and credit notes, which Xero shapes alike): contact reference, writable line fields, request dates, upper-case codes. */
export function invoiceRequestShape(payload: IDataObject): void {
	if (payload.Contact !== undefined) payload.Contact = contactReference(payload.Contact);
	if (payload.Contact === undefined) delete payload.Contact;
	if (Array.isArray(payload.LineItems)) payload.LineItems = writableLines(payload.LineItems as IDataObject[]);
	toRequestDates(payload, INVOICE_DATES);
	if (typeof payload.Status === 'string') payload.Status = payload.Status.toUpperCase();
	if (typeof payload.Type === 'string') payload.Type = payload.Type.toUpperCase();
}

function invoiceMandatory(record: IDataObject, isUpdate: boolean): string[] {
	const problems: string[] = [];
	const contact = record.Contact as IDataObject | undefined;
	if (!isUpdate && !(present(contact?.ContactID) || present(contact?.Name))) {
		problems.push('the invoice has no contact (Contact.ContactID or Contact.Name)');
	}
	if (!isUpdate && !present(record.Type)) problems.push('the invoice type (ACCREC or ACCPAY) is empty');
	if (present(record.Type) && !['ACCREC', 'ACCPAY'].includes(String(record.Type))) {
		problems.push(`the invoice type "${displayValue(record.Type)}" is not ACCREC (sales) or ACCPAY (bill)`);
	}
	const lines = Array.isArray(record.LineItems) ? (record.LineItems as IDataObject[]) : [];
	const described = lines.some((line) => present(line?.Description));
	if ((!isUpdate || lines.length > 0) && !described) {
		problems.push('the invoice needs at least one line item with a description');
	}
	return problems;
}

export const invoiceSendRules: SendRules = {
	spec: XERO_RESOURCES.invoice,
	writable: [
		'InvoiceID',
		'Type',
		'Contact',
		'LineItems',
		'Date',
		'DueDate',
		'LineAmountTypes',
		'InvoiceNumber',
		'Reference',
		'BrandingThemeID',
		'Url',
		'CurrencyCode',
		'CurrencyRate',
		'Status',
		'SentToContact',
		'ExpectedPaymentDate',
		'PlannedPaymentDate',
	],
	requestShape: invoiceRequestShape,
	mandatory: invoiceMandatory,
	fromFields: (ctx, i) => documentFromFields(ctx, i, { name: 'invoiceType', default: 'ACCREC' }, invoiceFromFields),
	crmModules: ['Invoice', 'Quotes', 'SalesOrder'],
	checks: [{ code: 'INVOICE_STATUS', problem: (payload) => invoiceStatusProblem(payload) }, datesCheck(INVOICE_DATE_FIELDS)],
	settingsChecks: [currencyCheck],
	writer: writeInBatches,
	extraInputModes: [BILL_FROM_PURCHASE_ORDER],
	readQuery: { unitdp: 4 },
	idsParameter: true,
	settledRefusal: {
		refusal: XERO_RESOURCES.invoice.settledRefusal as RegExp,
		note: PAID_NOTE,
		readBackFailed: (reason) =>
			`not sent: the invoice is paid or credited in Xero, and reading it back failed (${reason}); run again to link it`,
	},
};
