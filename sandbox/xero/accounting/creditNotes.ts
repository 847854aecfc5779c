import { msDate } from '../dates';
import { newId } from '../ids';
import type { Transaction } from '../store/transaction';
import type { Json } from '../types';
import type { ApplyResult, EntityHandler, RenderOptions, WriteContext, WriteMode } from './entity';
import { lookup } from './entity';
import { DOCUMENT_READ_ONLY, documentFields, documentParts, nextFreeNumber, placeContact, rateOf } from './documentParts';
import { renderInvoice, transitionError } from './invoices';
import { priceLines } from './lineItems';
import { round, str, writable } from './values';

const READ_ONLY = [
	...DOCUMENT_READ_ONLY,
	'CreditNoteID',
	'UpdatedDateUTCString',
	'RemainingCredit',
	'Allocations',
	'AppliedAmount',
	'Payments',
	'FullyPaidOnDate',
	'CISDeduction',
	'CISRate',
	'SentToContact',
	'DueDateString',
];

/** the yaml's CreditNote.Type enum; each credits the invoice type named beside it */
export const CREDIT_NOTE_TYPES: Record<string, string> = { ACCRECCREDIT: 'ACCREC', ACCPAYCREDIT: 'ACCPAY' };
export const CREDIT_NUMBER_TAKEN = 'Credit Note # must be unique.';

/**
 * Credit notes move through the invoice lifecycle (Xero's status codes are the invoice ones; the yaml's enum is the
 * same list): created DRAFT/SUBMITTED/AUTHORISED, voided only when AUTHORISED, deleted only before, frozen once
 * allocated. PAID is Xero's to set, when allocations use the whole credit.
 */
function creditTransitionError(from: string | undefined, to: string, allocated: boolean): string | undefined {
	if (to === 'PAID' && from !== undefined && from !== 'PAID') return 'A credit note becomes PAID when allocations use all of its credit; allocate it to invoices instead.';
	return transitionError(from, to, allocated)?.replace(/^Invoice not/, 'Credit note not');
}

function nextNumber(tx: Transaction): string {
	return nextFreeNumber(tx, 'creditNotes', 'creditNoteNumber', 'CN', () => tx.tenant.nextCreditNoteNumber++);
}

function applyCreditNote(ctx: WriteContext, element: Json, mode: WriteMode): ApplyResult {
	const { tx } = ctx;
	const id = str(element.CreditNoteID);
	const existing = id ? tx.get('creditNotes', id.toLowerCase()) : undefined;
	// the yaml's own example of this refusal (createCreditNotes, summarizeErrors=false)
	if (id && !existing) return { errors: ['An existing Credit Note with the specified CreditNoteID could not be found'] };
	if (existing && mode === 'create') return { errors: ['A credit note with this CreditNoteID already exists.'] };
	const fields = writable(element, READ_ONLY);
	const merged: Json = existing ? { ...existing, ...fields } : { ...fields };
	const errors: string[] = [];

	const type = str(merged.Type);
	if (!type) errors.push('Credit Note Type must be specified');
	else if (!Object.hasOwn(CREDIT_NOTE_TYPES, type)) errors.push(`Credit Note Type ${type} is not valid (ACCRECCREDIT, ACCPAYCREDIT).`);
	if (existing && type !== existing.Type) errors.push('The credit note type cannot be changed.');

	const status = str(merged.Status) ?? 'DRAFT';
	const allocated = ((existing?.Allocations as Json[] | undefined) ?? []).length > 0;
	const statusError = creditTransitionError(existing?.Status as string | undefined, status, allocated);
	if (statusError) errors.push(statusError);

	// contact, amount types, currency and dates as on an invoice (CreditNote.Date defaults to today, as Invoice.Date)
	const parts = documentParts(ctx, fields, merged, existing);
	const { contact, amountTypes, currency } = parts;
	errors.push(...parts.errors);

	const number = str(merged.CreditNoteNumber);
	if (number !== undefined && number.length > 255) errors.push('Credit Note Number must not be more than 255 characters long.');
	if (str(merged.Reference) && String(merged.Reference).length > 255) errors.push('Reference must not be more than 255 characters long.');
	if (type === 'ACCRECCREDIT' && number && status !== 'DELETED') {
		const holder = tx.findUnique('creditNotes', 'creditNoteNumber', number);
		if (holder && holder !== existing?.CreditNoteID) errors.push(CREDIT_NUMBER_TAKEN);
	}

	// priced exactly as the lines of the invoice type the credit note reverses
	const requireAccount = status === 'AUTHORISED' || status === 'SUBMITTED';
	const linesInput = fields.LineItems !== undefined ? fields.LineItems : existing?.LineItems;
	const priced = priceLines(tx, linesInput, (type !== undefined && Object.hasOwn(CREDIT_NOTE_TYPES, type) ? CREDIT_NOTE_TYPES[type] : 'ACCREC'), amountTypes, requireAccount);
	errors.push(...priced.errors.map((message) => message.replace('approved invoice', 'approved credit note')));
	const total = round(priced.subTotal + priced.totalTax);
	if (total < 0) errors.push('Credit note total must be greater than or equal to zero.');
	const rate = rateOf(ctx, merged, existing, currency);
	if (rate <= 0) errors.push('Currency rate must be greater than zero.');
	if (errors.length > 0) return { errors: [...new Set(errors)] };

	const contactId = placeContact(ctx, contact);
	const creditNoteId = (existing?.CreditNoteID as string | undefined) ?? newId();
	const closed = status === 'VOIDED' || status === 'DELETED';
	const record: Json = {
		...documentFields(ctx, merged, parts, { contactId, status, priced, rate }),
		Type: type,
		CreditNoteID: creditNoteId,
		CreditNoteNumber: type === 'ACCRECCREDIT' ? (number ?? nextNumber(tx)) : (number ?? ''),
		// nothing is allocated while a credit note can still be edited (see creditTransitionError)
		RemainingCredit: closed ? 0 : total,
		Allocations: [],
		Payments: [],
		HasAttachments: false,
		HasErrors: false,
		UpdatedDateUTC: msDate(ctx.now),
	};
	tx.put('creditNotes', creditNoteId, record);
	return { id: creditNoteId, errors: [] };
}

/** a stored allocation ({AllocationID, InvoiceID, Amount, Date}) as Xero shows it: the invoice by ID and number */
export function renderAllocation(source: Parameters<EntityHandler['render']>[0], allocation: Json, creditNote?: Json): Json {
	const invoice = lookup(source, 'invoices', String(allocation.InvoiceID));
	return {
		AllocationID: allocation.AllocationID,
		Amount: allocation.Amount,
		Date: allocation.Date,
		Invoice: { InvoiceID: allocation.InvoiceID, InvoiceNumber: invoice?.InvoiceNumber ?? '', Type: invoice?.Type },
		...(creditNote ? { CreditNote: { CreditNoteID: creditNote.CreditNoteID, CreditNoteNumber: creditNote.CreditNoteNumber } } : {}),
	};
}

export function renderCreditNote(source: Parameters<EntityHandler['render']>[0], record: Json, options: RenderOptions): Json {
	// the contact, dates and line items render as on an invoice
	return { ...renderInvoice(source, record, options), Allocations: ((record.Allocations as Json[] | undefined) ?? []).map((allocation) => renderAllocation(source, allocation)) };
}

export const creditNotesHandler: EntityHandler = {
	resource: 'CreditNotes',
	collection: 'creditNotes',
	idField: 'CreditNoteID',
	apply: applyCreditNote,
	render: renderCreditNote,
};
