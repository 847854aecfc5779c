import { dateString, msDate, parseMsDate } from '../dates';
import { newId } from '../ids';
import type { Json } from '../types';
import { currencyRate } from './currencyRates';
import type { ApplyResult, EntityHandler, RenderOptions, WriteContext, WriteMode } from './entity';
import { lookup } from './entity';
import { contactOf, currencyOf, dateOf, nextFreeNumber, placeContact, totalsOf } from './documentParts';
import { priceLines, type LineAmountTypes } from './lineItems';
import { num, round, str, writable } from './values';

const READ_ONLY = ['QuoteID', 'UpdatedDateUTC', 'SubTotal', 'TotalTax', 'Total', 'TotalDiscount', 'DateString', 'ExpiryDateString', 'StatusAttributeString', 'ValidationErrors'];

export const QUOTE_STATUSES = ['DRAFT', 'SENT', 'DECLINED', 'ACCEPTED', 'INVOICED', 'DELETED'];
export const QUOTE_NUMBER_TAKEN = 'Quote number must be unique.';
export const QUOTE_DATE_REQUIRED = 'Date is required.';
export const QUOTE_CONTACT_REQUIRED = 'A Contact must be specified for this type of transaction';
/**
 * Status changes Xero refuses on an existing quote, observed against a live organisation (XeroAPI/xero-mcp-server#309:
 * "Xero refuses DRAFT → DECLINED and ACCEPTED → DECLINED"); Xero's wording is not published, so the sandbox's own.
 */
export const QUOTE_TRANSITIONS_REFUSED: Readonly<Record<string, string>> = {
	'DRAFT>DECLINED': 'A DRAFT quote cannot be declined; mark it SENT first.',
	'ACCEPTED>DECLINED': 'An ACCEPTED quote cannot be declined; mark it SENT first.',
};
/** Quotes spell LineAmountTypes in capitals (QuoteLineAmountTypes in the yaml); pricing uses the invoice spelling. */
const AMOUNT_TYPES: Record<string, LineAmountTypes> = { EXCLUSIVE: 'Exclusive', INCLUSIVE: 'Inclusive', NOTAX: 'NoTax' };

function nextQuoteNumber({ tx }: WriteContext): string {
	return nextFreeNumber(tx, 'quotes', 'quoteNumber', 'QU', () => tx.tenant.nextQuoteNumber++);
}

function applyQuote(ctx: WriteContext, element: Json, mode: WriteMode): ApplyResult {
	const { tx } = ctx;
	const id = str(element.QuoteID);
	let existing = id ? tx.get('quotes', id) : undefined;
	if (id && !existing) return { errors: [`The quote with ID ${id} could not be found.`] };
	const number = str(element.QuoteNumber);
	// POST updates a quote named by its number too, as it does invoices.
	if (!existing && number && mode === 'upsert') {
		const holder = tx.findUnique('quotes', 'quoteNumber', number);
		existing = holder ? tx.get('quotes', holder) : undefined;
	}
	if (existing && mode === 'create' && id) return { errors: ['A quote with this QuoteID already exists.'] };
	const fields = writable(element, READ_ONLY);
	const merged: Json = existing ? { ...existing, ...fields } : { ...fields };
	const errors: string[] = [];

	const status = (str(merged.Status) ?? 'DRAFT').toUpperCase();
	if (!QUOTE_STATUSES.includes(status)) errors.push(`Status ${status} is not a valid quote status (${QUOTE_STATUSES.join(', ')}).`);
	if (existing?.Status === 'DELETED') errors.push('A deleted quote cannot be modified.');
	const refused = existing ? QUOTE_TRANSITIONS_REFUSED[`${String(existing.Status)}>${status}`] : undefined;
	if (refused) errors.push(refused);

	const contact = contactOf(tx, fields, existing);
	if (contact.error) errors.push(contact.error === 'A Contact must be specified for this type of transaction' ? QUOTE_CONTACT_REQUIRED : contact.error);

	const amountKey = (str(merged.LineAmountTypes) ?? 'EXCLUSIVE').toUpperCase();
	const amountTypes = AMOUNT_TYPES[amountKey];
	if (!amountTypes) errors.push(`LineAmountTypes ${amountKey} is not valid (EXCLUSIVE, INCLUSIVE, NOTAX).`);

	const currency = currencyOf(tx, merged, errors);

	// Unlike an invoice, a quote has no default date: Xero requires it.
	const date = dateOf(fields, existing, 'Date');
	if (date === undefined) errors.push(QUOTE_DATE_REQUIRED);
	const expiry = dateOf(fields, existing, 'ExpiryDate');

	const quoteNumber = number ?? (existing?.QuoteNumber as string | undefined);
	if (quoteNumber && quoteNumber.length > 255) errors.push('Quote Number must not be more than 255 characters long.');
	if (quoteNumber && status !== 'DELETED') {
		const holder = tx.findUnique('quotes', 'quoteNumber', quoteNumber);
		if (holder && holder !== existing?.QuoteID) errors.push(QUOTE_NUMBER_TAKEN);
	}
	const linesInput = fields.LineItems !== undefined ? fields.LineItems : existing?.LineItems;
	const priced = priceLines(tx, linesInput, 'ACCREC', amountTypes ?? 'Exclusive', false);
	errors.push(...priced.errors);
	const rate = num(merged.CurrencyRate) ?? currencyRate(tx.tenant.profile.baseCurrency, currency);
	if (errors.length > 0) return { errors: [...new Set(errors)] };

	const contactId = placeContact(ctx, contact);
	const quoteId = (existing?.QuoteID as string | undefined) ?? newId();
	const { Contact: _contact, ...rest } = merged;
	const record: Json = {
		...rest,
		QuoteID: quoteId,
		QuoteNumber: quoteNumber ?? nextQuoteNumber(ctx),
		Reference: str(merged.Reference) ?? '',
		ContactID: contactId,
		Status: status,
		LineAmountTypes: amountKey,
		LineItems: priced.lines,
		Date: msDate(date as number),
		...(expiry !== undefined ? { ExpiryDate: msDate(expiry) } : {}),
		CurrencyCode: currency,
		CurrencyRate: rate,
		...totalsOf(priced),
		TotalDiscount: 0,
		UpdatedDateUTC: msDate(ctx.now),
	};
	tx.put('quotes', quoteId, record);
	return { id: quoteId, errors: [] };
}

export function renderQuote(source: Parameters<EntityHandler['render']>[0], record: Json, options: RenderOptions): Json {
	const { ContactID, LineItems, ...rest } = record;
	const contact = typeof ContactID === 'string' ? lookup(source, 'contacts', ContactID) : undefined;
	const out: Json = {
		...rest,
		Contact: { ContactID, Name: contact?.Name ?? '' },
		DateString: dateString(parseMsDate(String(record.Date)) ?? 0),
	};
	if (typeof record.ExpiryDate === 'string') out.ExpiryDateString = dateString(parseMsDate(record.ExpiryDate) ?? 0);
	// Xero shows line items on every quote of a list page (the yaml's page parameter says so).
	out.LineItems = (LineItems as Json[]).map((line) => ({ ...line, UnitAmount: round(Number(line.UnitAmount ?? 0), options.unitdp === 4 ? 4 : 2) }));
	return out;
}

export const quotesHandler: EntityHandler = { resource: 'Quotes', collection: 'quotes', idField: 'QuoteID', apply: applyQuote, render: renderQuote };
