import type { IDataObject } from 'n8n-workflow';
import { SENDABLE_INVOICE_STATUSES, XERO_RESOURCES } from '../../../shared/xero/resources';
import { invoiceFromFields } from '../../helpers/fieldPayloads';
import type { SendRules } from '../../send/rules';
import { BILL_FROM_PURCHASE_ORDER } from '../../helpers/purchaseOrderBill';
import { writeInBatches } from '../../send/write';
import {
	currencyCheck,
	dateProblems,
	datesCheck,
	documentFromFields,
	documentMandatory,
	documentRequestShape,
	statusProblem,
	typeProblems,
} from '../common/document.rules';

// Known by these names from the invoice, the first document with lines; the rules are every document's.
export { currencyProblem, needsCurrencyCheck, XERO_MAX_YEAR, XERO_MIN_YEAR } from '../common/document.rules';

/**
 * The seed: Paid and Voided cannot be set from the CRM. Xero sets PAID itself when payments cover the invoice,
 * and voiding is a deliberate act in Xero, so the message says where to do it instead.
 */
export function invoiceStatusProblem(record: IDataObject): string | undefined {
	return statusProblem(
		record,
		SENDABLE_INVOICE_STATUSES,
		{
			PAID: 'Invoice status PAID cannot be sent: Xero marks an invoice paid when payments cover it. Send it as AUTHORISED and record the payment in Xero.',
			VOIDED: 'Invoice status VOIDED cannot be sent: voiding happens in Xero (Invoice → Options → Void). Send it as DRAFT, SUBMITTED or AUTHORISED.',
			DELETED: 'Invoice status DELETED cannot be sent: delete draft invoices in Xero. Send it as DRAFT, SUBMITTED or AUTHORISED.',
		},
		(status) => `Invoice status "${status}" is not one Xero accepts from a sync; use DRAFT, SUBMITTED or AUTHORISED.`,
	);
}

/** The dates of an invoice (and of a credit note, which Xero shapes alike). */
export const INVOICE_DATES = ['Date', 'DueDate', 'ExpectedPaymentDate', 'PlannedPaymentDate'];

/** The invoice's dates Xero would refuse (see dateProblems). */
export function invoiceDateProblems(record: IDataObject, original: IDataObject = {}, fields: readonly string[] = INVOICE_DATES): string[] {
	return dateProblems(record, original, fields);
}

/** The dates of a document with lines (invoices, credit notes), checked before any call. */
export const dateCheck = datesCheck(INVOICE_DATES);

export const PAID_NOTE =
	'Not sent: the invoice has a payment or credit note allocated in Xero, which then refuses edits. It stays linked; the output is the Xero invoice as it is now.';

/** Invoices (and credit notes, which Xero shapes alike): upper-case Status and Type. */
export const invoiceRequestShape = documentRequestShape(INVOICE_DATES, ['Status', 'Type']);

function invoiceMandatory(record: IDataObject, isUpdate: boolean): string[] {
	const types: Array<[string, string]> = [
		['ACCREC', 'sales'],
		['ACCPAY', 'bill'],
	];
	return documentMandatory(record, isUpdate, 'invoice', { problems: typeProblems(record, isUpdate, 'invoice', types) });
}

/** Send invoice: what differs from the other resources; the engine in send/ does the rest. */
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
	checks: [{ code: 'INVOICE_STATUS', problem: (payload) => invoiceStatusProblem(payload) }, dateCheck],
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
