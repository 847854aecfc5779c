import type { IDataObject } from 'n8n-workflow';
import { crmToCreditNote } from '../../../shared/mapping';
import { SENDABLE_INVOICE_STATUSES, XERO_RESOURCES } from '../../../shared/xero/resources';
import { invoiceFromFields } from '../../helpers/fieldPayloads';
import type { SendRules } from '../../send/rules';
import { writeInBatches } from '../../send/write';
import { currencyCheck, documentFromFields, documentMandatory, statusProblem, typeProblems } from '../common/document.rules';
import { dateCheck, invoiceRequestShape } from '../invoice/sendRules';

/** As for invoices: Xero sets PAID itself (when allocations use the credit up), and voiding is done in Xero. */
export function creditNoteStatusProblem(record: IDataObject): string | undefined {
	const voidOrDelete = (status: string) =>
		`Credit note status ${status} cannot be sent: void or delete credit notes in Xero. Send it as DRAFT, SUBMITTED or AUTHORISED.`;
	return statusProblem(
		record,
		SENDABLE_INVOICE_STATUSES,
		{
			PAID: 'Credit note status PAID cannot be sent: Xero marks a credit note paid when allocations use all of its credit. Send it as AUTHORISED and use the Allocate operation.',
			VOIDED: voidOrDelete('VOIDED'),
			DELETED: voidOrDelete('DELETED'),
		},
		(status) => `Credit note status "${status}" is not one Xero accepts from a sync; use DRAFT, SUBMITTED or AUTHORISED.`,
	);
}

function creditNoteMandatory(record: IDataObject, isUpdate: boolean): string[] {
	const types: Array<[string, string]> = [
		['ACCRECCREDIT', 'sales'],
		['ACCPAYCREDIT', 'supplier'],
	];
	return documentMandatory(record, isUpdate, 'credit note', { problems: typeProblems(record, isUpdate, 'credit note', types) });
}

/** "Define Below": the invoice fields, renamed where a credit note names them differently. */
function creditNoteFromFields(type: string, contact: string, lines: IDataObject[], fields: IDataObject): IDataObject {
	const { InvoiceID, InvoiceNumber, ...rest } = invoiceFromFields(type, contact, lines, { ...fields, invoiceNumber: fields.creditNoteNumber });
	return { ...rest, ...(InvoiceID ? { CreditNoteID: InvoiceID } : {}), ...(InvoiceNumber ? { CreditNoteNumber: InvoiceNumber } : {}) };
}

export const SETTLED_CREDIT_NOTE =
	'Not sent: the credit note is allocated in Xero, which then refuses edits. It stays linked; the output is the Xero credit note as it is now.';

export const creditNoteSendRules: SendRules = {
	spec: XERO_RESOURCES.creditNote,
	writable: [
		'CreditNoteID',
		'Type',
		'Contact',
		'LineItems',
		'Date',
		'DueDate',
		'LineAmountTypes',
		'CreditNoteNumber',
		'Reference',
		'BrandingThemeID',
		'CurrencyCode',
		'CurrencyRate',
		'Status',
	],
	requestShape: invoiceRequestShape,
	mandatory: creditNoteMandatory,
	fromFields: (ctx, i) => documentFromFields(ctx, i, { name: 'creditNoteType', default: 'ACCRECCREDIT' }, creditNoteFromFields),
	// vtiger has no credit-note module: a credit is an Invoice (see nodes/shared/mapping/creditNote.ts)
	crmModules: ['Invoice'],
	crmModuleFromOptions: (options) => options.creditNoteModule || undefined,
	crmMap: crmToCreditNote,
	checks: [
		{ code: 'CREDIT_NOTE_STATUS', problem: (payload) => creditNoteStatusProblem(payload) },
		dateCheck,
	],
	settingsChecks: [currencyCheck],
	writer: writeInBatches,
	readQuery: { unitdp: 4 },
	settledRefusal: {
		refusal: XERO_RESOURCES.creditNote.settledRefusal as RegExp,
		note: SETTLED_CREDIT_NOTE,
		readBackFailed: (reason) =>
			`not sent: the credit note is allocated in Xero, and reading it back failed (${reason}); run again to link it`,
	},
};
