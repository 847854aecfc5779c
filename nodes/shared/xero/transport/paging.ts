import type { IDataObject } from 'n8n-workflow';

import type { XeroTransport } from './createXeroTransport';

export interface XeroPagesOptions {
	/** Collection key in Xero's answer, e.g. "Invoices", "Contacts". */
	itemsKey: string;
	qs?: IDataObject;
	headers?: Record<string, string>;
	/** Xero: 100 by default, at most 1000. Kept the same on every page, or records would be skipped. */
	pageSize?: number;
	/** First page to read (1-based). */
	startPage?: number;
}

/**
 * The pages of a paged Xero list, one array of records per page. It stops on a short page, or when Xero's
 * `pagination` element says that was the last page, so a list never costs an extra empty-page call when the count
 * is known.
 */
export async function* xeroPages(
	transport: XeroTransport,
	path: string,
	options: XeroPagesOptions,
): AsyncGenerator<IDataObject[], void, undefined> {
	const pageSize = options.pageSize ?? 100;
	for (let page = options.startPage ?? 1; ; page++) {
		const response = await transport.request<IDataObject>({
			method: 'GET',
			path,
			qs: { ...(options.qs ?? {}), page, pageSize },
			headers: options.headers,
		});
		const records = response.body?.[options.itemsKey];
		const items = Array.isArray(records) ? (records as IDataObject[]) : [];
		if (items.length > 0) yield items;
		const pagination = response.body?.pagination as IDataObject | undefined;
		const pageCount = Number(pagination?.pageCount);
		if (items.length < pageSize) return;
		if (Number.isFinite(pageCount) && page >= pageCount) return;
	}
}
