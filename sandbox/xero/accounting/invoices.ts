import { dateString, msDate, parseMsDate } from '../dates';
import { newId } from '../ids';
import type { Transaction } from '../store/transaction';
import type { Json } from '../types';
import type { ApplyResult, EntityHandler, RenderOptions, WriteContext, WriteMode } from './entity';
import { lookup } from './entity';
import { DOCUMENT_READ_ONLY, documentFields, documentParts, nextFreeNumber, placeContact, rateOf, type DocumentParts } from './documentParts';

// chooseContact and the archived-contact refusal live with the other parts invoices and credit notes share
export { chooseContact, CONTACT_ARCHIVED } from './documentParts';
import { priceLines } from './lineItems';
import { round, str, writable } from './values';

const READ_ONLY = [
	...DOCUMENT_READ_ONLY,
	'InvoiceID',
	'AmountDue',
	'AmountPaid',
	'AmountCredited',
	'FullyPaidOnDate',
	'Payments',
	'CreditNotes',
	'Prepayments',
	'Overpayments',
	'DueDateString',
	'UpdatedDateUTCString',
	'IsDiscounted',
];

const CREATE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];
const NOT_MODIFIABLE = 'Invoice not of valid status for modification';
export const HAS_PAYMENTS = 'This document cannot be edited as it has a payment or credit note allocated to it.';
export const NUMBER_TAKEN = 'Invoice # must be unique.';
export const DUE_DATE_REQUIRED = 'The document DueDate field must be specified.';
const INVOICE_TYPES = ['ACCREC', 'ACCPAY'];

/**
 * The chosen contact's ID, creating the contact a name asked for; Xero marks a contact a customer or supplier once it
 * has a sales or purchase document (bookkeeping on the side: no webhook event).
 */
export function settleContact(ctx: WriteContext, contact: DocumentParts['contact'], flag: 'IsCustomer' | 'IsSupplier'): string | undefined {
	const contactId = placeContact(ctx, contact);
	const record = contactId ? ctx.tx.get('contacts', contactId) : undefined;
	if (contactId && record && record[flag] !== true) ctx.tx.put('contacts', contactId, { ...record, [flag]: true }, true);
	return contactId;
}

export function transitionError(from: string | undefined, to: string, hasPayments: boolean): string | undefined {
	if (from === undefined) return CREATE_STATUSES.includes(to) ? undefined : `Invoice not of valid status for creation`;
	if (from === to) return hasPayments || from === 'PAID' ? HAS_PAYMENTS : from === 'VOIDED' || from === 'DELETED' ? NOT_MODIFIABLE : undefined;
	if (to === 'PAID') return 'An invoice becomes PAID when payments cover its total; apply a payment instead.';
	if (from === 'PAID' || hasPayments) return HAS_PAYMENTS;
	if (from === 'VOIDED' || from === 'DELETED') return NOT_MODIFIABLE;
	if (to === 'VOIDED') return from === 'AUTHORISED' ? undefined : NOT_MODIFIABLE;
	if (to === 'DELETED') return from === 'DRAFT' || from === 'SUBMITTED' ? undefined : NOT_MODIFIABLE;
	if (from === 'AUTHORISED') return NOT_MODIFIABLE;
	return CREATE_STATUSES.includes(to) ? undefined : NOT_MODIFIABLE;
}

function nextNumber(tx: Transaction): string {
	return nextFreeNumber(tx, 'invoices', 'invoiceNumber', 'INV', () => tx.tenant.nextInvoiceNumber++);
}

function applyInvoice(ctx: WriteContext, element: Json, mode: WriteMode): ApplyResult {
	const { tx } = ctx;
	const id = str(element.InvoiceID);
	let existing = id ? tx.get('invoices', id) : undefined;
	if (id && !existing) return { errors: [`The invoice with ID ${id} could not be found.`] };
	const number = str(element.InvoiceNumber);
	// POST matches an invoice by InvoiceNumber too (Xero documents updates "by InvoiceID or InvoiceNumber").
	if (!existing && number && mode === 'upsert') {
		const holder = tx.findUnique('invoices', 'invoiceNumber', number);
		existing = holder ? tx.get('invoices', holder) : undefined;
	}
	if (existing && mode === 'create' && id) return { errors: ['An invoice with this InvoiceID already exists.'] };
	const fields = writable(element, READ_ONLY);
	const merged: Json = existing ? { ...existing, ...fields } : { ...fields };
	const errors: string[] = [];

	const type = str(merged.Type);
	if (!type) errors.push('Invoice Type must be specified');
	else if (!INVOICE_TYPES.includes(type)) errors.push(`Invoice Type ${type} cannot be created through the Invoices endpoint.`);
	if (existing && type !== existing.Type) errors.push('The invoice type cannot be changed.');

	const status = str(merged.Status) ?? 'DRAFT';
	// a credit note allocated to the invoice locks it as a payment does (HAS_PAYMENTS names both)
	const hasPayments = Number(existing?.AmountPaid ?? 0) > 0 || Number(existing?.AmountCredited ?? 0) > 0;
	const statusError = transitionError(existing?.Status as string | undefined, status, hasPayments);
	if (statusError) errors.push(statusError);

	const parts = documentParts(ctx, fields, merged, existing);
	const { contact, amountTypes, currency, dueDate } = parts;
	errors.push(...parts.errors);

	if (number !== undefined && number.length > 255) errors.push('Invoice Number must not be more than 255 characters long.');
	if (str(merged.Reference) && String(merged.Reference).length > 255) errors.push('Reference must not be more than 255 characters long.');
	const invoiceNumber = number ?? (existing?.InvoiceNumber as string | undefined);
	if (type === 'ACCREC' && invoiceNumber && status !== 'DELETED') {
		const holder = tx.findUnique('invoices', 'invoiceNumber', invoiceNumber);
		if (holder && holder !== existing?.InvoiceID) errors.push(NUMBER_TAKEN);
	}

	// A draft may leave the due date open; Xero refuses to approve one without it.
	if (status === 'AUTHORISED' && dueDate === undefined && fields.DueDate === undefined) errors.push(DUE_DATE_REQUIRED);
	const requireAccount = status === 'AUTHORISED' || status === 'SUBMITTED';
	const linesInput = fields.LineItems !== undefined ? fields.LineItems : existing?.LineItems;
	const priced = priceLines(tx, linesInput, type ?? 'ACCREC', amountTypes, requireAccount);
	errors.push(...priced.errors);
	const total = round(priced.subTotal + priced.totalTax);
	if (total < 0) errors.push('Invoice total must be greater than or equal to zero.');
	const rate = rateOf(ctx, merged, existing, currency);
	if (rate <= 0) errors.push('Currency rate must be greater than zero.');
	if (errors.length > 0) return { errors: [...new Set(errors)] };

	const contactId = settleContact(ctx, contact, type === 'ACCREC' ? 'IsCustomer' : 'IsSupplier');

	const invoiceId = (existing?.InvoiceID as string | undefined) ?? newId();
	const amountPaid = Number(existing?.AmountPaid ?? 0);
	const amountCredited = Number(existing?.AmountCredited ?? 0);
	const closed = status === 'VOIDED' || status === 'DELETED';
	const record: Json = {
		...documentFields(ctx, merged, parts, { contactId, status, priced, rate }),
		Type: type,
		InvoiceID: invoiceId,
		InvoiceNumber: type === 'ACCREC' ? (invoiceNumber ?? nextNumber(tx)) : (invoiceNumber ?? ''),
		AmountPaid: amountPaid,
		AmountCredited: amountCredited,
		AmountDue: closed ? 0 : round(total - amountPaid - amountCredited),
		Payments: existing?.Payments ?? [],
		CreditNotes: existing?.CreditNotes ?? [],
		Prepayments: [],
		Overpayments: [],
		IsDiscounted: priced.lines.some((line) => Number(line.DiscountRate ?? 0) > 0),
		HasAttachments: false,
		HasErrors: false,
		SentToContact: existing?.SentToContact ?? false,
		UpdatedDateUTC: msDate(ctx.now),
	};
	tx.put('invoices', invoiceId, record);
	return { id: invoiceId, errors: [] };
}

export function renderLine(line: Json, unitdp: number): Json {
	return { ...line, UnitAmount: round(Number(line.UnitAmount ?? 0), unitdp === 4 ? 4 : 2) };
}

export function renderInvoice(source: Parameters<EntityHandler['render']>[0], record: Json, options: RenderOptions): Json {
	const { ContactID, LineItems, ...rest } = record;
	const contact = typeof ContactID === 'string' ? lookup(source, 'contacts', ContactID) : undefined;
	const out: Json = {
		...rest,
		Contact: {
			ContactID,
			...(contact?.ContactNumber ? { ContactNumber: contact.ContactNumber } : {}),
			Name: contact?.Name ?? '',
			ContactStatus: contact?.ContactStatus ?? 'ACTIVE',
			HasValidationErrors: false,
		},
		DateString: dateString(parseMsDate(String(record.Date)) ?? 0),
	};
	if (typeof record.DueDate === 'string') out.DueDateString = dateString(parseMsDate(record.DueDate) ?? 0);
	if (options.withLineItems) out.LineItems = (LineItems as Json[]).map((line) => renderLine(line, options.unitdp));
	return out;
}

export const invoicesHandler: EntityHandler = {
	resource: 'Invoices',
	collection: 'invoices',
	idField: 'InvoiceID',
	apply: applyInvoice,
	render: renderInvoice,
};
