import type { ApiClient } from '../../sandbox/xero/testing/apiClient';
import { signedInSandbox } from './support';

/** latency model: sandbox ms (divided by clockScale) = baseMs + perRecordMs × records in the answer */
describe('sandbox latency grows with the size of the answer', () => {
	// 1 real ms = 10 sandbox ms: a call takes 20 ms + 2 ms a record
	const sandbox = signedInSandbox(
		{ data: 'empty', clockScale: 10, latency: { baseMs: 200, perRecordMs: 20 }, minuteLimit: 3 },
		{ ready: ({ xero }) => xero.seed({ contacts: 100, invoices: 0, prefix: 'Lat' }) },
	);
	const timed = async (path: string) => {
		const started = performance.now();
		const answer = await sandbox.api.get(path);
		return { ms: performance.now() - started, answer };
	};

	it('takes the round trip for an empty answer and 2 ms more per record for a page of 100', async () => {
		await timed(`/Contacts?where=${encodeURIComponent('Name=="nobody"')}`);
		sandbox.xero.resetStats();
		const empty = await timed(`/Contacts?where=${encodeURIComponent('Name=="nobody"')}`);
		expect(empty.answer.status).toBe(200);
		const page = await timed('/Contacts?page=1&pageSize=100');
		expect(page.answer.status).toBe(200);
		// The model, as the sandbox applied it (sandbox ms): the round trip, then 20 ms a record more for 100 records.
		expect(sandbox.xero.stats().totals.latenciesMs).toEqual([200, 200 + 100 * 20]);
		// And the answers were held that long (a timer never fires early; a loaded machine only adds time, so the
		// difference between the two calls is not asserted).
		expect(empty.ms).toBeGreaterThanOrEqual(19);
		expect(page.ms).toBeGreaterThanOrEqual(219);
	});

	it('answers a 429 after the round trip, with Retry-After counted from then', async () => {
		await timed('/Contacts?page=1&pageSize=1');
		let refused: { ms: number; answer: Awaited<ReturnType<ApiClient['get']>> } | undefined;
		for (let i = 0; i < 4 && !refused; i++) {
			const call = await timed('/Contacts?page=1&pageSize=1');
			if (call.answer.status === 429) refused = call;
		}
		expect(refused?.answer.status).toBe(429);
		expect(refused?.ms).toBeGreaterThanOrEqual(19);
		// a sandbox minute is 6 real seconds here; the wait left is under it
		const retryAfter = Number(refused?.answer.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThan(6);
	});
});
