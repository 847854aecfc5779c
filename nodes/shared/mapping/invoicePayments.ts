import { ownValue } from '../ownValue';
import { XERO_STATUS_OF } from './invoiceStatus';
import type { Resolver } from './resolution';
import type { CrmRecord, XeroRecord } from './types';
import { num, text } from './vtigerValues';

/**
 * What Xero says has been paid on a sales invoice, as vtiger Invoice fields (issue 17 item 1).
 *
 * - `received` = AmountPaid + AmountCredited and `balance` = AmountDue. vtiger has no field for credit notes applied;
 *   counting them as received keeps vtiger's own rule balance = grand total − received, which its InvoiceHandler
 *   applies after every create (transcript 33), in step with Xero's AmountDue = Total − AmountPaid − AmountCredited.
 * - `balance` is always sent: vtiger recomputes it after create (and update with LineItems) but not after revise,
 *   which is how CRM Record writes an existing record, so without it a revised `received` leaves the old balance.
 * - Only amounts the Xero record carries are mapped: a record without AmountDue leaves both fields alone.
 */
export function paymentFields(invoice: XeroRecord): CrmRecord {
	const fields: CrmRecord = {};
	const paid = num(invoice.AmountPaid);
	const credited = num(invoice.AmountCredited);
	if (paid !== undefined || credited !== undefined) fields.received = roundCents((paid ?? 0) + (credited ?? 0));
	const due = num(invoice.AmountDue);
	if (due !== undefined) fields.balance = due;
	return fields;
}

function roundCents(value: number): number {
	return Math.round((value + Number.EPSILON * Math.sign(value)) * 100) / 100;
}

/** AUTHORISED with something paid or credited: Xero keeps the status until the invoice is fully paid. */
export function isPartPaid(invoice: XeroRecord): boolean {
	return text(invoice.Status) === 'AUTHORISED' && ((num(invoice.AmountPaid) ?? 0) > 0 || (num(invoice.AmountCredited) ?? 0) > 0);
}

/**
 * The CRM status a part-paid invoice gets. vtiger's stock picklist has no "part paid" and Xero's status does not
 * change, so the payment itself says nothing new about the status: a linked CRM invoice whose status already means
 * AUTHORISED (Approved, or Sent, which a user sets by hand) keeps it; anything else (a new invoice, or one still
 * "Paid" after a payment was removed in Xero) gets the AUTHORISED status. A user who wants a status of their own
 * (a custom "Part Paid" value) sets it with a Field Override on invoicestatus, which is applied after this.
 * The linked invoice is an optional lookup: a caller that cannot fetch it gets the plain AUTHORISED status.
 */
export function partPaidStatus(xeroId: string, linkField: string, resolver: Resolver, authorisedStatus: string): string {
	if (!xeroId || !linkField) return authorisedStatus;
	const linked = resolver.findOptional({ module: 'Invoice', field: linkField, value: xeroId });
	const current = text(linked?.invoicestatus).trim();
	return current && ownValue(XERO_STATUS_OF, current) === 'AUTHORISED' ? current : authorisedStatus;
}
