import type { IDataObject } from 'n8n-workflow';

import type { FetchedPage } from '../../../nodes/XeroSync/get/pagesInOrder';
import { readPagesInOrder } from '../../../nodes/XeroSync/get/pagesInOrder';

/** A list of `total` records served `size` a page, answered when the test says so, in any order. */
function fakeXero(total: number, size: number, withPagination = true) {
	const asked: number[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const waiting = new Map<number, { resolve: (page: FetchedPage) => void; reject: (error: Error) => void }>();
	const pageOf = (page: number): FetchedPage => {
		const rows: IDataObject[] = [];
		for (let i = (page - 1) * size; i < Math.min(total, page * size); i++) rows.push({ n: i });
		const pagination = { page, pageSize: size, pageCount: Math.ceil(total / size), itemCount: total };
		return withPagination ? { rows, pagination } : { rows };
	};
	const fetchPage = (page: number) =>
		new Promise<FetchedPage>((resolve, reject) => {
			asked.push(page);
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			const done = () => inFlight--;
			waiting.set(page, {
				resolve: (answer) => {
					done();
					resolve(answer);
				},
				reject: (error) => {
					done();
					reject(error);
				},
			});
		});
	const flush = () => new Promise((resolve) => setImmediate(resolve));
	return {
		asked,
		fetchPage,
		stats: () => ({ maxInFlight, inFlight }),
		/** Answers the pages now waiting, in the order given (default: last asked first). */
		async answer(order?: number[], fail?: number) {
			await flush();
			const pages = order ?? [...waiting.keys()].reverse();
			for (const page of pages) {
				const call = waiting.get(page);
				if (!call) continue;
				waiting.delete(page);
				if (page === fail) call.reject(new Error(`page ${page} failed`));
				else call.resolve(pageOf(page));
			}
			await flush();
		},
		get waiting() {
			return [...waiting.keys()];
		},
	};
}

/** Runs the read, answering whatever is waiting (newest first, so out of order) until it ends. */
async function drive(xero: ReturnType<typeof fakeXero>, run: Promise<void>, fail?: number) {
	let settled = false;
	const done = run.then(
		() => {
			settled = true;
		},
		(error: unknown) => {
			settled = true;
			throw error;
		},
	);
	done.catch(() => undefined);
	for (let round = 0; round < 100 && !settled; round++) await xero.answer(undefined, fail);
	return await done;
}

describe('readPagesInOrder', () => {
	it('reads page 1 alone, then 5 pages at a time, and hands the pages over in order', async () => {
		const xero = fakeXero(1000, 100);
		const delivered: number[] = [];
		const rows: IDataObject[] = [];
		const run = readPagesInOrder(xero.fetchPage, {
			pageSize: 100,
			onPage: (page, n) => {
				delivered.push(n);
				rows.push(...page);
			},
		});
		await xero.answer([]);
		expect(xero.asked).toEqual([1]);
		await xero.answer();
		expect(xero.waiting).toEqual([2, 3, 4, 5, 6]);
		await drive(xero, run);
		expect(xero.asked).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(xero.stats().maxInFlight).toBe(5);
		expect(delivered).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
	});

	it('asks for no page a limit cannot need', async () => {
		const xero = fakeXero(1000, 100);
		const rows: IDataObject[] = [];
		await drive(xero, readPagesInOrder(xero.fetchPage, { pageSize: 100, limit: 250, onPage: (page) => rows.push(...page) }));
		expect(xero.asked).toEqual([1, 2, 3]);
		expect(rows).toHaveLength(300);
	});

	it('without a page count, reads ahead and stops at the first short page, at most 4 calls past the end', async () => {
		const xero = fakeXero(750, 100, false);
		const rows: IDataObject[] = [];
		await drive(xero, readPagesInOrder(xero.fetchPage, { pageSize: 100, onPage: (page) => rows.push(...page) }));
		expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 750 }, (_, i) => i));
		expect(Math.max(...xero.asked)).toBeLessThanOrEqual(8 + 4);
		expect(xero.stats().inFlight).toBe(0);
	});

	it('a failed page N: the pages before it are handed over, none after, and its error is thrown after the rest settled', async () => {
		const xero = fakeXero(1000, 100);
		const delivered: number[] = [];
		const run = readPagesInOrder(xero.fetchPage, { pageSize: 100, onPage: (_rows, n) => delivered.push(n) });
		await expect(drive(xero, run, 4)).rejects.toThrow('page 4 failed');
		expect(delivered).toEqual([1, 2, 3]);
		expect(xero.stats().inFlight).toBe(0);
	});
});
