import { xeroContactOf, xeroCurrencyOf } from './inventoryHeader';
import { crmDocumentToXero } from './linkedResult';
import { CRM_NUMBER_FIELDS } from './item';
import { crmLinesToXero } from './invoiceLines';
import { linkFieldOf, type MappingOptions } from './options';
import { compact } from './overrides';
import { Resolver } from './resolution';
import type { CrmRecord, CrmToXeroResult } from './types';
import { day, isCrmId, text } from './vtigerValues';

/**
 * integrateCRM's flow: a quote or sales order becomes a DRAFT sales invoice in Xero, to be approved there. The draft
 * keeps the CRM number as its Reference, and the CRM record keeps the draft's InvoiceID so a second run updates it.
 */
export function crmQuoteToDraftInvoice(module: 'Quotes' | 'SalesOrder', record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const resolver = new Resolver(options.resolved);
	const crmId = isCrmId(record.id) ? record.id : null;
	const number = text(record[CRM_NUMBER_FIELDS[module]]);
	const label = `CRM ${module === 'Quotes' ? 'quote' : 'sales order'} ${number || crmId || '(new)'}`;
	const errors: string[] = [];
	const contact = xeroContactOf(record, resolver, options, label, errors);
	const lines = crmLinesToXero(record, resolver, options, label);
	errors.push(...lines.errors);
	const subject = text(record.subject);

	const xeroId = text(record[linkFieldOf(options, module)]);
	const xero = compact({
		Type: 'ACCREC',
		InvoiceID: xeroId,
		// Once sent, the draft is the accountant's: a second run must not pull an approved invoice back to DRAFT.
		Status: xeroId ? undefined : 'DRAFT',
		Reference: [number, subject].filter(Boolean).join(' '),
		Contact: contact,
		// A quote has no invoice date; Xero dates a draft without one today.
		DueDate: module === 'SalesOrder' ? day(record.duedate) : undefined,
		...xeroCurrencyOf(record, resolver, label, errors),
		LineItems: lines.lines,
	});
	return crmDocumentToXero('invoice', xero, crmId, lines, resolver, errors, options);
}
