import { parseMsDate, parseRequestDate } from '../dates';
import type { AccountingCall, RouteResult } from '../http/types';
import { notFound, ok } from './envelope';
import { queryParseException } from './errorShapes';
import { orderBy } from './listQuery';
import { renderQuote } from './quotes';
import { WhereSyntaxError } from './where';

/** getQuotes pages at a fixed 100 (the yaml's page parameter); it takes no pageSize and no `where`. */
export const QUOTES_PAGE_SIZE = 100;

function day(call: AccountingCall, name: string): number | undefined | 'bad' {
	const value = call.query.get(name);
	if (value === null || value === '') return undefined;
	return parseRequestDate(value) ?? 'bad';
}

/** GET /Quotes: the yaml's filters (DateFrom/To, ExpiryDateFrom/To, ContactID, Status, QuoteNumber) as parameters */
export function quoteList(call: AccountingCall, ifModifiedSince: number | undefined): RouteResult {
	const bounds: Record<string, number | undefined> = {};
	for (const name of ['DateFrom', 'DateTo', 'ExpiryDateFrom', 'ExpiryDateTo']) {
		const value = day(call, name);
		if (value === 'bad') return { status: 400, json: queryParseException(`${name} ${call.query.get(name)} is not a date (yyyy-mm-dd).`) };
		bounds[name] = value;
	}
	const contactId = call.query.get('ContactID')?.toLowerCase();
	const status = call.query.get('Status')?.toUpperCase();
	const number = call.query.get('QuoteNumber')?.toLowerCase();
	const inRange = (value: unknown, from?: number, to?: number): boolean => {
		if (from === undefined && to === undefined) return true;
		const time = typeof value === 'string' ? parseMsDate(value) : undefined;
		return time !== undefined && (from === undefined || time >= from) && (to === undefined || time <= to);
	};
	const matches = [...call.tenant.records.quotes.values()].filter(
		(quote) =>
			(!contactId || String(quote.ContactID).toLowerCase() === contactId) &&
			(!status || quote.Status === status) &&
			(!number || String(quote.QuoteNumber).toLowerCase() === number) &&
			inRange(quote.Date, bounds.DateFrom, bounds.DateTo) &&
			inRange(quote.ExpiryDate, bounds.ExpiryDateFrom, bounds.ExpiryDateTo) &&
			(ifModifiedSince === undefined || (parseMsDate(String(quote.UpdatedDateUTC)) ?? 0) >= ifModifiedSince),
	);
	// `order` is Dynamic LINQ's ordering, as on the other lists (a changed-since read asks UpdatedDateUTC ASC).
	const order = call.query.get('order');
	if (order) {
		try {
			matches.sort(orderBy(order, (quote) => renderQuote(call.tenant, quote, { withLineItems: false, unitdp: 2 }), 'Quote'));
		} catch (error) {
			return { status: 400, json: queryParseException(error instanceof WhereSyntaxError || error instanceof Error ? error.message : String(error)) };
		}
	}
	const page = Math.max(Number.parseInt(call.query.get('page') ?? '1', 10) || 1, 1);
	const slice = matches.slice((page - 1) * QUOTES_PAGE_SIZE, page * QUOTES_PAGE_SIZE);
	const unitdp = call.query.get('unitdp') === '4' ? 4 : 2;
	return ok(call.providerName, call.now, 'Quotes', slice.map((quote) => renderQuote(call.tenant, quote, { withLineItems: true, unitdp })));
}

export function quoteOne(call: AccountingCall): RouteResult {
	const record = call.tenant.records.quotes.get(call.params.id.toLowerCase());
	if (!record) return notFound();
	return ok(call.providerName, call.now, 'Quotes', [renderQuote(call.tenant, record, { withLineItems: true, unitdp: 2 })]);
}
