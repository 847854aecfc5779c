import type { IDataObject } from 'n8n-workflow';

import { hasMorePages } from './paging';

/** Xero answers at most 5 calls per organisation at once; asking further ahead would only queue in the limiter. */
export const PAGES_IN_FLIGHT = 5;

export interface FetchedPage {
	rows: IDataObject[];
	/** Xero's `pagination` element (page, pageSize, pageCount, itemCount), when it sent one. */
	pagination?: IDataObject;
}

export interface PagesInOrderOptions {
	/** The pageSize asked for; kept the same on every page, or records would be skipped. */
	pageSize: number;
	/** Records wanted (an item limit): no page is asked for that cannot be needed for them. */
	limit?: number;
	/** Pages asked for at once after the first; 5 by default. */
	inFlight?: number;
	/** Called with each page's rows, in page order, as soon as every page before it was handed over. */
	onPage: (rows: IDataObject[], page: number) => void;
}

const positive = (value: unknown): number | undefined => {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * Reads pages 1, 2, … of one list paged by position and hands them over in page order. Page 1 is read alone: its
 * `pagination` says how many pages there are, so the rest go out `inFlight` at a time and no call is spent past
 * the end (the tenant's limiter still holds every call to Xero's 5 in flight and 60 a minute). Without a page count
 * the same window reads ahead and stops at the first short page, which spends at most inFlight − 1 calls past the
 * end. A failed page ends the read: the pages before it were handed over, none after it, and its error is thrown
 * once the calls still out have settled (none is left running after the read).
 *
 * Only for reads whose pages do not depend on each other: a keyset read (changes ordered by UpdatedDateUTC, the
 * next query starting where the previous page ended) is sequential by nature (shared/xero/changeCursor).
 */
export async function readPagesInOrder(
	fetchPage: (page: number) => Promise<FetchedPage>,
	options: PagesInOrderOptions,
): Promise<void> {
	const window = Math.max(1, options.inFlight ?? PAGES_IN_FLIGHT);
	const first = await fetchPage(1);
	// Xero may serve fewer per page than asked; its own page size is what a full page means.
	const fullPage = positive(first.pagination?.pageSize) ?? options.pageSize;
	const maxPages = options.limit === undefined ? Infinity : Math.max(1, Math.ceil(options.limit / fullPage));
	const isLast = (page: number, answer: FetchedPage) =>
		page >= maxPages || !hasMorePages(page, fullPage, answer.rows.length, answer.pagination);
	options.onPage(first.rows, 1);
	if (isLast(1, first)) return;
	let last = Math.min(maxPages, positive(first.pagination?.pageCount) ?? Infinity);
	const pending = new Map<number, Promise<FetchedPage>>();
	let next = 2;
	try {
		for (let page = 2; page <= last; page++) {
			while (pending.size < window && next <= last) {
				const call = fetchPage(next);
				// Awaited in order below, or settled in `finally`; never an unhandled rejection meanwhile.
				call.catch(() => undefined);
				pending.set(next++, call);
			}
			const answer = await (pending.get(page) as Promise<FetchedPage>);
			pending.delete(page);
			options.onPage(answer.rows, page);
			if (isLast(page, answer)) return;
			// Records added while the list is read raise the count a later page reports.
			last = Math.max(last, Math.min(maxPages, positive(answer.pagination?.pageCount) ?? 0));
		}
	} finally {
		await Promise.allSettled(pending.values());
	}
}
