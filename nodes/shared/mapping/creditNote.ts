import { crmInvoiceToXero } from './invoice';
import { CRM_NUMBER_FIELDS } from './item';
import { linkFieldOf, type MappingOptions, mappingOptions, type MappingOptionsInput } from './options';
import { applyOverrides, compact } from './overrides';
import { RESOLVED_KEY, withEmbedded } from './resolveBatch';
import type { CrmRecord, CrmToXeroResult, XeroRecord } from './types';
import { num, text } from './vtigerValues';

/**
 * CRM → Xero sales credit notes (ACCRECCREDIT). vtiger 7.5 has no credit-note module: a credit is an Invoice whose
 * invoicestatus is "Credit Invoice" (a value of vtiger's own picklist) or whose grand total is negative. A user with a
 * custom module for credit notes names it in the mapping options (`creditNoteModule`, `creditNoteNumberField`).
 */

/** The CRM invoice's total: vtiger's hdnGrandTotal, else the lines' sum (a record read without its totals). */
function totalOf(record: CrmRecord, lines: XeroRecord[]): number {
	const grand = num(record.hdnGrandTotal);
	if (grand !== undefined) return grand;
	return lines.reduce((sum, line) => sum + (num(line.Quantity) ?? 1) * (num(line.UnitAmount) ?? 0), 0);
}

/** A CRM invoice that is a credit, so a credit note in Xero. */
export function isCreditInvoice(record: CrmRecord): boolean {
	return text(record.invoicestatus) === 'Credit Invoice' || (num(record.hdnGrandTotal) ?? 0) < 0;
}

/** A credit holds negative amounts in the CRM and positive ones in Xero: each line's sign turns (the quantity's when it is the negative one). */
function turned(line: XeroRecord): XeroRecord {
	const quantity = num(line.Quantity);
	if (quantity !== undefined && quantity < 0) return { ...line, Quantity: -quantity };
	const unit = num(line.UnitAmount);
	return unit === undefined ? line : { ...line, UnitAmount: -unit };
}

export function crmToCreditNote(module: string, record: CrmRecord, input: MappingOptionsInput | MappingOptions = {}): CrmToXeroResult {
	const given = input as MappingOptionsInput;
	const options = mappingOptions({ ...given, resolved: withEmbedded(given.resolved, record[RESOLVED_KEY]) });
	const fromInvoice = module === 'Invoice';
	const numberField = fromInvoice ? 'invoice_no' : options.creditNoteNumberField || CRM_NUMBER_FIELDS[module] || '';
	// "Credit Invoice" says what the record is, not how far it got: the credit note starts as a DRAFT unless the CRM's
	// Xero Status says otherwise.
	const status = text(record.invoicestatus);
	const asInvoice = crmInvoiceToXero(
		{ ...record, invoicestatus: status === 'Credit Invoice' || !fromInvoice ? 'Created' : status, invoice_no: text(record[numberField]) },
		{ ...options, overrides: {}, linkFields: { ...options.linkFields, Invoice: linkFieldOf(options, module) } },
	);
	const lines = Array.isArray(asInvoice.record.LineItems) ? (asInvoice.record.LineItems as XeroRecord[]) : [];
	const total = totalOf(record, lines);
	const errors = [...asInvoice.errors];
	const label = `CRM ${fromInvoice ? 'invoice' : module} ${text(record[numberField]) || asInvoice.crmId || '(new)'}`;
	if (fromInvoice && !isCreditInvoice(record)) {
		errors.push(
			`${label} is not a credit (total ${total}, status "${status}"): only an invoice with a negative total or status "Credit Invoice" becomes a credit note. Send it as an Invoice, or name your credit-note module in the mapping options (creditNoteModule).`,
		);
	}
	// The invoice's own fields give way to the credit note's (a credit note has no due date to speak of).
	const rest: XeroRecord = { ...asInvoice.record };
	for (const field of ['Type', 'InvoiceID', 'InvoiceNumber', 'DueDate', 'LineItems']) delete rest[field];
	const xero = compact({
		Type: 'ACCRECCREDIT',
		CreditNoteID: asInvoice.record.InvoiceID,
		CreditNoteNumber: asInvoice.record.InvoiceNumber,
		...rest,
		LineItems: total < 0 ? lines.map(turned) : lines,
	});
	return {
		resource: 'creditNote',
		record: applyOverrides(xero, options.overrides),
		crmId: asInvoice.crmId,
		needs: asInvoice.needs,
		errors,
		warnings: asInvoice.warnings,
	};
}
