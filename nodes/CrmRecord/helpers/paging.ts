/** vtiger returns at most 100 rows per query, whatever LIMIT asks for. */
export const VTIGER_PAGE_SIZE = 100;

export interface Page {
	offset: number;
	count: number;
}

/**
 * The next page to ask for, or undefined when done: stop when the wanted number of rows is reached or when the
 * previous page came back short of what it asked for (the end of the data).
 */
export function nextPage(
	start: number,
	fetched: number,
	lastPageSize: number | undefined,
	lastPageAsked: number | undefined,
	wanted?: number,
): Page | undefined {
	if (lastPageSize !== undefined && lastPageAsked !== undefined && lastPageSize < lastPageAsked) return undefined;
	const remaining = wanted === undefined ? VTIGER_PAGE_SIZE : Math.min(VTIGER_PAGE_SIZE, wanted - fetched);
	if (remaining <= 0) return undefined;
	return { offset: start + fetched, count: remaining };
}

/** Runs a query page by page; `fetchPage` gets the LIMIT offset and count. */
export async function collectPages<T>(
	fetchPage: (page: Page) => Promise<T[]>,
	options: { start?: number; wanted?: number } = {},
): Promise<T[]> {
	const start = options.start ?? 0;
	const rows: T[] = [];
	let lastSize: number | undefined;
	let lastAsked: number | undefined;
	for (;;) {
		const page = nextPage(start, rows.length, lastSize, lastAsked, options.wanted);
		if (!page) return rows;
		const batch = await fetchPage(page);
		rows.push(...batch);
		lastSize = batch.length;
		lastAsked = page.count;
	}
}
