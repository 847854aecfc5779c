import { msDate, parseRequestDate } from '../dates';
import type { AccountingCall, RouteResult } from '../http/types';
import { newId } from '../ids';
import { Transaction } from '../store/transaction';
import type { Json } from '../types';
import { elementsOf } from './batchWrite';
import { CREDIT_NOTE_TYPES, renderAllocation } from './creditNotes';
import { invalid, notFound, ok } from './envelope';
import { postDataInvalid, withValidationErrors } from './errorShapes';
import { num, obj, round, str } from './values';

/** The sandbox's wording for Xero's allocation rules (sources in the README: Xero's wording is not published). */
export const ALLOCATION_ERRORS = {
	creditNoteStatus: 'Only an AUTHORISED credit note can be allocated.',
	invoiceStatus: 'A credit note can only be allocated to an AUTHORISED invoice.',
	invoiceType: 'A sales credit note (ACCRECCREDIT) can only be allocated to a sales invoice (ACCREC), a bill credit (ACCPAYCREDIT) to a bill (ACCPAY).',
	contact: 'The credit note and the invoice must be for the same contact.',
	currency: 'The credit note and the invoice must be in the same currency.',
	amount: 'Allocation amount must be greater than zero.',
	overCredit: 'The amount allocated exceeds the remaining credit on the credit note.',
	overDue: 'The amount allocated exceeds the amount due on the invoice.',
	date: 'Allocation date must be specified.',
	invoice: 'Invoice could not be found',
};

function applyAllocation(tx: Transaction, now: number, creditNoteId: string, element: Json): { errors: string[]; allocation?: Json } {
	const creditNote = tx.get('creditNotes', creditNoteId) as Json;
	const errors: string[] = [];
	if (creditNote.Status !== 'AUTHORISED') errors.push(ALLOCATION_ERRORS.creditNoteStatus);
	const invoiceRef = obj(element.Invoice);
	const invoiceId = str(invoiceRef?.InvoiceID)?.toLowerCase();
	const invoice = invoiceId ? tx.get('invoices', invoiceId) : undefined;
	const amount = num(element.Amount);
	if (amount === undefined || amount <= 0) errors.push(ALLOCATION_ERRORS.amount);
	// the yaml's Allocation requires Amount, Invoice and Date
	const date = element.Date === undefined || element.Date === '' ? undefined : parseRequestDate(element.Date);
	if (date === undefined) errors.push(ALLOCATION_ERRORS.date);
	if (!invoice) errors.push(ALLOCATION_ERRORS.invoice);
	else {
		if (invoice.Type !== CREDIT_NOTE_TYPES[String(creditNote.Type)]) errors.push(ALLOCATION_ERRORS.invoiceType);
		if (invoice.Status !== 'AUTHORISED') errors.push(ALLOCATION_ERRORS.invoiceStatus);
		if (invoice.ContactID !== creditNote.ContactID) errors.push(ALLOCATION_ERRORS.contact);
		if (invoice.CurrencyCode !== creditNote.CurrencyCode) errors.push(ALLOCATION_ERRORS.currency);
		if (amount !== undefined && amount > Number(invoice.AmountDue) + 0.000001) errors.push(ALLOCATION_ERRORS.overDue);
	}
	if (amount !== undefined && amount > Number(creditNote.RemainingCredit) + 0.000001) errors.push(ALLOCATION_ERRORS.overCredit);
	if (errors.length > 0 || !invoice || amount === undefined || date === undefined) return { errors };

	const allocation: Json = { AllocationID: newId(), InvoiceID: invoice.InvoiceID, Amount: amount, Date: msDate(date) };
	const remaining = round(Number(creditNote.RemainingCredit) - amount);
	tx.put('creditNotes', creditNoteId, {
		...creditNote,
		RemainingCredit: remaining,
		Allocations: [...((creditNote.Allocations as Json[]) ?? []), allocation],
		// a credit note whose credit is used up shows as PAID (the yaml's status list; FullyPaidOnDate)
		...(remaining <= 0 ? { Status: 'PAID', FullyPaidOnDate: msDate(date) } : {}),
		UpdatedDateUTC: msDate(now),
	});
	const credited = round(Number(invoice.AmountCredited ?? 0) + amount);
	const due = round(Number(invoice.AmountDue) - amount);
	tx.put('invoices', String(invoice.InvoiceID), {
		...invoice,
		AmountCredited: credited,
		AmountDue: due,
		CreditNotes: [
			...((invoice.CreditNotes as Json[]) ?? []),
			{ CreditNoteID: creditNote.CreditNoteID, CreditNoteNumber: creditNote.CreditNoteNumber, AppliedAmount: amount, Total: creditNote.Total, Date: msDate(date) },
		],
		...(due <= 0 ? { Status: 'PAID', FullyPaidOnDate: msDate(date) } : {}),
		UpdatedDateUTC: msDate(now),
	});
	return { errors: [], allocation };
}

/**
 * PUT /CreditNotes/{id}/Allocations (createCreditNoteAllocation): each element applies credit to one invoice, in
 * order, so two elements share the remaining credit. summarizeErrors as on the batch writes: by default one refused
 * element refuses the request and nothing is written.
 */
export function allocateCreditNote(call: AccountingCall): RouteResult {
	const id = call.params.id.toLowerCase();
	if (!call.tenant.records.creditNotes.has(id)) return notFound();
	const elements = elementsOf(call.body, 'Allocations');
	if (!elements || elements.length === 0) return { status: 400, json: postDataInvalid('JSON for post data was invalid, expected Allocations array.') };
	const summarize = (call.query.get('summarizeErrors') ?? 'true').toLowerCase() !== 'false';
	const tx = new Transaction(call.tenant, call.now);
	const results = elements.map((element) => ({ element, ...applyAllocation(tx, call.now, id, element) }));
	const failed = results.filter((result) => result.errors.length > 0);
	if (summarize && failed.length > 0) return invalid(failed.map((result) => withValidationErrors(result.element, result.errors)));
	const changes = tx.commit();
	const creditNote = call.tenant.records.creditNotes.get(id) as Json;
	const out = results.map((result) =>
		result.allocation
			? { ...renderAllocation(call.tenant, result.allocation, creditNote), ...(summarize ? {} : { StatusAttributeString: 'OK' }) }
			: { ...withValidationErrors(result.element, result.errors), StatusAttributeString: 'ERROR' },
	);
	return { ...ok(call.providerName, call.now, 'Allocations', out), changes };
}
