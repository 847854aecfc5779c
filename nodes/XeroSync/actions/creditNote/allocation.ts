import type { IDataObject } from 'n8n-workflow';

/** Money as Xero keeps it: two decimals, so sums of allocations compare without float noise. */
function cents(value: unknown): number {
	const number = Number(value);
	return Number.isFinite(number) ? Math.round(number * 100) / 100 : 0;
}

/** What the credit note has already applied to the invoice: the sum of its Allocations naming that InvoiceID. */
export function allocatedTo(creditNote: IDataObject, invoiceId: string): number {
	const allocations = Array.isArray(creditNote.Allocations) ? (creditNote.Allocations as IDataObject[]) : [];
	const id = invoiceId.toLowerCase();
	const total = allocations
		.filter((allocation) => allocation.IsDeleted !== true)
		.filter((allocation) => String((allocation.Invoice as IDataObject | undefined)?.InvoiceID ?? '').toLowerCase() === id)
		.reduce((sum, allocation) => sum + cents(allocation.Amount), 0);
	return cents(total);
}

export interface AllocationPlan {
	/** what to allocate now; 0 when the allocations already cover the amount asked */
	amount: number;
	already: number;
	/** why nothing can be allocated (the message of the item's failure), when a check before any write fails */
	problem?: { message: string; code: string };
}

function named(record: IDataObject, numberField: string, idField: string): string {
	const number = String(record[numberField] ?? '');
	return number ? `${number} (${String(record[idField])})` : String(record[idField]);
}

/**
 * Exactly once: the Amount asked is what the credit note should have applied to the invoice in all, so a re-run
 * (or a run after a lost answer) allocates only what is missing, and nothing when the allocations cover it. The
 * rest are Xero's own rules (sandbox/xero/README.md), checked first so the message can name both records.
 */
export function planAllocation(creditNote: IDataObject, invoice: IDataObject, wanted: number): AllocationPlan {
	const invoiceId = String(invoice.InvoiceID ?? '');
	const already = allocatedTo(creditNote, invoiceId);
	const amount = cents(wanted - already);
	if (amount <= 0) return { amount: 0, already };
	const note = `Credit note ${named(creditNote, 'CreditNoteNumber', 'CreditNoteID')}`;
	const target = `invoice ${named(invoice, 'InvoiceNumber', 'InvoiceID')}`;
	const fail = (message: string, code: string): AllocationPlan => ({ amount, already, problem: { message, code } });
	if (creditNote.Status !== 'AUTHORISED') {
		return fail(`${note} is ${String(creditNote.Status)}; only an AUTHORISED credit note can be allocated. Approve it in Xero (or send it with Status AUTHORISED) first.`, 'NOT_AUTHORISED');
	}
	if (invoice.Status !== 'AUTHORISED') {
		return fail(`${target} is ${String(invoice.Status)}; a credit note can only be allocated to an AUTHORISED invoice with an amount due.`, 'NOT_AUTHORISED');
	}
	const creditContact = String((creditNote.Contact as IDataObject | undefined)?.ContactID ?? '').toLowerCase();
	const invoiceContact = String((invoice.Contact as IDataObject | undefined)?.ContactID ?? '').toLowerCase();
	if (creditContact && invoiceContact && creditContact !== invoiceContact) {
		return fail(`${note} is for another contact than ${target}; Xero allocates a credit note only to the same contact's invoices.`, 'OTHER_CONTACT');
	}
	if (String(creditNote.CurrencyCode ?? '') !== String(invoice.CurrencyCode ?? '')) {
		return fail(`${note} is in ${String(creditNote.CurrencyCode)} and ${target} in ${String(invoice.CurrencyCode)}; Xero allocates only within one currency.`, 'OTHER_CURRENCY');
	}
	const remaining = cents(creditNote.RemainingCredit);
	if (amount > remaining) {
		return fail(`${note} has ${remaining} credit left, less than the ${amount} still to allocate to ${target} (${wanted} asked, ${already} already allocated). Lower the Amount.`, 'OVER_CREDIT');
	}
	const due = cents(invoice.AmountDue);
	if (amount > due) {
		return fail(`${target} has ${due} due, less than the ${amount} still to allocate from ${note} (${wanted} asked, ${already} already allocated). Lower the Amount.`, 'OVER_DUE');
	}
	return { amount, already };
}
