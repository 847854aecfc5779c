import type { IDataObject } from 'n8n-workflow';
import type { XeroResourceSpec } from '../../shared/xero/resources';

/** Xero's largest page; fewer, larger pages keep reads well under the 60 calls a minute. */
export const MAX_PAGE_SIZE = 1000;

export function clampPageSize(requested: unknown, fallback = 100): number {
	const size = Math.trunc(Number(requested));
	if (!Number.isFinite(size) || size < 1) return fallback;
	return Math.min(size, MAX_PAGE_SIZE);
}

/**
 * Whether another page can hold records. A short page ends the list; so does reaching the page count Xero reports
 * in `pagination`, which saves the empty-page call a full last page would otherwise need.
 */
export function hasMorePages(page: number, pageSize: number, received: number, pagination?: IDataObject): boolean {
	if (received < pageSize) return false;
	const pageCount = Number(pagination?.pageCount);
	if (Number.isFinite(pageCount) && pageCount > 0 && page >= pageCount) return false;
	const itemCount = Number(pagination?.itemCount);
	if (Number.isFinite(itemCount) && itemCount >= 0 && page * pageSize >= itemCount) return false;
	return true;
}

/** The page size a read gets: the requested one, or the collection's fixed one where Xero takes no pageSize. */
export function pageSizeOf(spec: XeroResourceSpec, requested: number): number {
	return spec.fixedPageSize ?? requested;
}

/** The paging parameters of one page; pageSize only where Xero takes it (getQuotes has no such parameter). */
export function pageQuery(spec: XeroResourceSpec, page: number, pageSize: number): IDataObject {
	return spec.fixedPageSize === undefined ? { page, pageSize } : { page };
}
