import type { IDataObject } from 'n8n-workflow';
import { QUOTE_STATUSES, XERO_RESOURCES } from '../../../shared/xero/resources';
import { displayValue } from '../../helpers/display';
import { quoteFromFields } from '../../helpers/fieldPayloads';
import { present } from '../../helpers/mandatory';
import { contactReference, toRequestDates, writableLines } from '../../helpers/xeroShape';
import type { SendRules } from '../../send/rules';
import { writeInBatches } from '../../send/write';
import { currencyCheck, datesCheck } from '../invoice/sendRules';

/** Send quote: what differs from the other resources; the engine in send/ does the rest. */
const QUOTE_DATES = ['Date', 'ExpiryDate'];

/**
 * Every status but DELETED can be sent (yaml 16.1.0 QuoteStatusCodes). Deleting is refused here: a sync that
 * deletes the Xero quote because a CRM field says so would lose it for good (Xero keeps no way back from DELETED).
 */
export function quoteStatusProblem(record: IDataObject): string | undefined {
	const status = record.Status;
	if (status === undefined || status === null || status === '') return undefined;
	const value = String(status).toUpperCase();
	if (value === 'DELETED') {
		return 'Quote status DELETED cannot be sent: a deleted Xero quote cannot be changed or restored, so delete it in Xero itself. Send DRAFT, SENT, ACCEPTED, DECLINED or INVOICED.';
	}
	if ((QUOTE_STATUSES as readonly string[]).includes(value)) return undefined;
	return `Quote status "${displayValue(status)}" is not a Xero quote status; use DRAFT, SENT, ACCEPTED, DECLINED or INVOICED.`;
}

/** Quotes: Xero's contact reference, writable line fields, request dates and upper-case codes (EXCLUSIVE, SENT). */
function quoteRequestShape(payload: IDataObject): void {
	if (payload.Contact !== undefined) payload.Contact = contactReference(payload.Contact);
	if (payload.Contact === undefined) delete payload.Contact;
	if (Array.isArray(payload.LineItems)) payload.LineItems = writableLines(payload.LineItems as IDataObject[]);
	toRequestDates(payload, QUOTE_DATES);
	for (const field of ['Status', 'LineAmountTypes']) {
		if (typeof payload[field] === 'string') payload[field] = (payload[field] as string).toUpperCase();
	}
}

/** Xero requires a quote's Contact and Date (developer.xero.com, Quotes; the sandbox README cites it). */
function quoteMandatory(record: IDataObject, isUpdate: boolean): string[] {
	const problems: string[] = [];
	const contact = record.Contact as IDataObject | undefined;
	if (!isUpdate && !(present(contact?.ContactID) || present(contact?.Name))) {
		problems.push('the quote has no contact (Contact.ContactID or Contact.Name)');
	}
	if (!isUpdate && !present(record.Date)) problems.push('the quote has no Date (Xero gives quotes no default date)');
	const lines = Array.isArray(record.LineItems) ? (record.LineItems as IDataObject[]) : [];
	if ((!isUpdate || lines.length > 0) && !lines.some((line) => present(line?.Description))) {
		problems.push('the quote needs at least one line item with a description');
	}
	return problems;
}

export const quoteSendRules: SendRules = {
	spec: XERO_RESOURCES.quote,
	writable: [
		'QuoteID',
		'QuoteNumber',
		'Reference',
		'Terms',
		'Contact',
		'LineItems',
		'Date',
		'ExpiryDate',
		'Status',
		'CurrencyCode',
		'CurrencyRate',
		'Title',
		'Summary',
		'BrandingThemeID',
		'LineAmountTypes',
	],
	requestShape: quoteRequestShape,
	mandatory: quoteMandatory,
	fromFields(ctx, i) {
		const lines = (ctx.getNodeParameter('lineItemsUi', i, {}) as IDataObject).lineItem;
		return quoteFromFields(
			ctx.getNodeParameter('contact', i, '') as string,
			ctx.getNodeParameter('quoteDate', i, ''),
			Array.isArray(lines) ? (lines as IDataObject[]) : [],
			ctx.getNodeParameter('additionalFields', i, {}) as IDataObject,
		);
	},
	crmModules: ['Quotes'],
	checks: [{ code: 'QUOTE_STATUS', problem: (payload) => quoteStatusProblem(payload) }, datesCheck(QUOTE_DATES)],
	settingsChecks: [currencyCheck],
	writer: writeInBatches,
};
