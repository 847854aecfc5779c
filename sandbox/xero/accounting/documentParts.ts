import { msDate, parseMsDate, parseRequestDate, startOfDay } from '../dates';
import type { Collection, UniqueKey } from '../store/tenant';
import type { Transaction } from '../store/transaction';
import type { Json } from '../types';
import { newContact } from './contacts';
import { currencyRate } from './currencyRates';
import type { WriteContext } from './entity';
import type { LineAmountTypes, PricedLines } from './lineItems';
import { num, obj, round, str } from './values';

const AMOUNT_TYPES: LineAmountTypes[] = ['Exclusive', 'Inclusive', 'NoTax'];

/** What Xero computes on an invoice, a credit note and a purchase order, and ignores in a write (readOnly in the yaml). */
export const DOCUMENT_READ_ONLY = ['UpdatedDateUTC', 'SubTotal', 'TotalTax', 'Total', 'HasAttachments', 'HasErrors', 'ValidationErrors', 'Warnings', 'StatusAttributeString', 'DateString'];

/** Xero's refusal, as quoted by integrations that met it (sources in the README). */
export const CONTACT_ARCHIVED =
	'The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes.';

interface ContactChoice {
	id?: string;
	create?: Json;
	error?: string;
}

export function chooseContact(tx: Transaction, input: unknown): ContactChoice {
	const contact = obj(input);
	if (!contact) return { error: 'A Contact must be specified for this type of transaction' };
	const id = str(contact.ContactID);
	if (id) return tx.exists('contacts', id) ? active(tx, id) : { error: `The contact with ID ${id} could not be found.` };
	const number = str(contact.ContactNumber);
	if (number) {
		for (const [candidateId, candidate] of tx.tenant.records.contacts) {
			if (candidate.ContactNumber === number) return active(tx, candidateId);
		}
	}
	const name = str(contact.Name);
	if (!name) return { error: 'A Contact must be specified for this type of transaction' };
	// Names are unique among active and archived contacts, so a name finds an archived contact too.
	const byName = tx.findUnique('contacts', 'contactName', name);
	// Xero creates a contact named on an invoice when none has the name.
	return byName ? active(tx, byName) : { create: { Name: name, ...(number ? { ContactNumber: number } : {}) } };
}

/** Xero refuses new or changed transactions for an archived contact, however the contact was named. */
function active(tx: Transaction, id: string): ContactChoice {
	return tx.get('contacts', id)?.ContactStatus === 'ARCHIVED' ? { error: CONTACT_ARCHIVED } : { id };
}

/** What an invoice and a credit note read alike from a write: the contact, line amount types, currency and dates. */
export interface DocumentParts {
	contact: ReturnType<typeof chooseContact>;
	amountTypes: LineAmountTypes;
	currency: string;
	/** absent when the request's Date cannot be read */
	date: number | undefined;
	dueDate: number | undefined;
	errors: string[];
}

export function documentParts(ctx: WriteContext, fields: Json, merged: Json, existing: Json | undefined): DocumentParts {
	const errors: string[] = [];
	const contact = contactOf(ctx.tx, fields, existing);
	if (contact.error) errors.push(contact.error);
	const amountTypes = amountTypesOf(merged, errors);
	const currency = currencyOf(ctx.tx, merged, errors);
	// Without a Date Xero uses the organisation's today (UTC here): a date, not a time (yaml: Invoice.Date, CreditNote.Date).
	const date = fields.Date === undefined && !existing ? startOfDay(ctx.now) : dateOf(fields, existing, 'Date');
	const dueDate = dateOf(fields, existing, 'DueDate');
	return { contact, amountTypes, currency, date, dueDate, errors };
}

/** The contact a write names, else (on an update that names none) the record's own. */
export function contactOf(tx: Transaction, fields: Json, existing: Json | undefined): ContactChoice {
	return fields.Contact !== undefined || !existing ? chooseContact(tx, fields.Contact) : { id: existing.ContactID as string };
}

/** The line amount types of an invoice-spelled document (Exclusive, Inclusive, NoTax); a wrong one is an error. */
export function amountTypesOf(merged: Json, errors: string[]): LineAmountTypes {
	const amountTypes = (str(merged.LineAmountTypes) ?? 'Exclusive') as LineAmountTypes;
	if (!AMOUNT_TYPES.includes(amountTypes)) errors.push(`LineAmountTypes ${String(amountTypes)} is not valid.`);
	return amountTypes;
}

/** The document's currency (the base one when none is sent), which the organisation must be subscribed to. */
export function currencyOf(tx: Transaction, merged: Json, errors: string[]): string {
	const currency = str(merged.CurrencyCode) ?? tx.tenant.profile.baseCurrency;
	if (!tx.tenant.currencyEnabled(currency)) errors.push(`Organisation is not subscribed to currency ${currency}`);
	return currency;
}

/** A date field as sent (undefined when it cannot be read), else as stored on the record. */
export function dateOf(fields: Json, existing: Json | undefined, field: string): number | undefined {
	if (fields[field] !== undefined) return parseRequestDate(fields[field]);
	const stored = existing?.[field];
	return typeof stored === 'string' ? parseMsDate(stored) : undefined;
}

/** The totals Xero stores with priced lines. */
export function totalsOf(priced: PricedLines): Json {
	return { SubTotal: priced.subTotal, TotalTax: priced.totalTax, Total: round(priced.subTotal + priced.totalTax) };
}

/** The rate sent, else the record's own for the same currency, else the day's rate. */
export function rateOf(ctx: WriteContext, merged: Json, existing: Json | undefined, currency: string): number {
	return (
		num(merged.CurrencyRate) ??
		(existing && existing.CurrencyCode === currency ? Number(existing.CurrencyRate) : undefined) ??
		currencyRate(ctx.tx.tenant.profile.baseCurrency, currency)
	);
}

/** The chosen contact's ID; Xero creates a contact named on a document when none has the name. */
export function placeContact(ctx: WriteContext, contact: DocumentParts['contact']): string | undefined {
	if (!contact.create) return contact.id;
	const created = newContact(contact.create, ctx.now);
	ctx.tx.put('contacts', created.ContactID as string, created);
	return created.ContactID as string;
}

/**
 * The stored fields an invoice and a credit note share, from the request merged over the stored record: the
 * contact by ID, the priced lines and their totals, dates as Xero stores them. Each adds its own ID and number.
 */
export function documentFields(
	ctx: WriteContext,
	merged: Json,
	parts: DocumentParts,
	extra: { contactId: string | undefined; status: string; priced: PricedLines; rate: number },
): Json {
	const { Contact: _contact, ...rest } = merged;
	const { priced } = extra;
	return {
		...rest,
		Reference: str(merged.Reference) ?? '',
		ContactID: extra.contactId,
		Status: extra.status,
		LineAmountTypes: parts.amountTypes,
		LineItems: priced.lines,
		Date: msDate(parts.date ?? startOfDay(ctx.now)),
		...(parts.dueDate !== undefined ? { DueDate: msDate(parts.dueDate) } : {}),
		CurrencyCode: parts.currency,
		CurrencyRate: extra.rate,
		...totalsOf(priced),
	};
}

/** The next number of a series (`INV-0001`, `CN-0001`) that no record holds yet; `counter` advances the series. */
export function nextFreeNumber(tx: Transaction, collection: Collection, key: UniqueKey, prefix: string, counter: () => number): string {
	for (;;) {
		const candidate = `${prefix}-${String(counter()).padStart(4, '0')}`;
		if (!tx.findUnique(collection, key, candidate)) return candidate;
	}
}
