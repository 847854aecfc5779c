import type { IDataObject } from 'n8n-workflow';
import type { XeroSandbox } from '../../sandbox/xero';
import { DEMO_TENANT_ID, entry, runSync, startSandbox, stats } from './support';

const ids = (items: Array<{ json: IDataObject }>, field: string) => items.map((item) => String(item.json[field]));
const list = (options: IDataObject = {}, rest: IDataObject = {}) => ({
	resource: 'invoice',
	operation: 'get',
	getMode: 'many',
	returnAll: true,
	options: { pageSize: 100, ...options },
	...rest,
});

/**
 * Issue 16 item 7: reads at the rate limit. Every call takes 18 sandbox seconds (300 real ms at clock scale 60, long beside
 * the CPU the sandbox and the node spend on a page), so a
 * read one page at a time would have one call in flight; read in parallel it keeps Xero's 5 in flight, i.e. a
 * 10-page read takes ⌈10/5⌉ = 2 latencies of Xero time after page 1 instead of 9.
 */
describe('Get reads the pages of a list in parallel, in order, within the limits', () => {
	let xero: XeroSandbox;
	let onRequest: ((line: string) => void) | undefined;
	/** The invoices in Xero's order, read in one call. */
	let order: string[];
	beforeAll(async () => {
		xero = await startSandbox({ data: 'empty', latency: { baseMs: 18_000, perRecordMs: 0 }, log: (line) => onRequest?.(line) });
		xero.seed({ contacts: 5, invoices: 1000, prefix: 'Par' });
		const whole = await runSync(xero, list({ pageSize: 1000 }), [{}]);
		order = ids(whole.main, 'InvoiceID');
		expect(new Set(order).size).toBe(1000);
	});
	afterAll(() => xero.close());
	afterEach(() => {
		onRequest = undefined;
		xero.clearFaults();
	});

	/** A whole-list read with these options, and the organisation's call figures for it alone. */
	async function readCounted(options: IDataObject = {}) {
		xero.resetStats();
		const run = await runSync(xero, list(options), [{}]);
		return { run, tenant: stats(xero) as ReturnType<typeof stats> & { maxInFlight: number } };
	}

	it('reads 10 pages with 5 in flight, one call a page, the records in Xero order', async () => {
		const { run, tenant } = await readCounted();
		expect(run.errors).toEqual([]);
		expect(ids(run.main, 'InvoiceID')).toEqual(order);
		expect(tenant.calls).toBe(10);
		expect(tenant.maxInFlight).toBe(5);
		expect(tenant.rateLimited).toBe(0);
	});

	it('keeps inside 60 calls a minute: 67 pages, no 429, in order', async () => {
		const { run, tenant } = await readCounted({ pageSize: 15 });
		expect(ids(run.main, 'InvoiceID')).toEqual(order);
		expect(tenant.calls).toBe(67);
		expect(tenant.rateLimited).toBe(0);
		expect(tenant.maxInFlight).toBe(5);
	});

	it('asks for no page the limit does not need', async () => {
		xero.resetStats();
		const run = await runSync(xero, list({}, { returnAll: false, limit: 250 }), [{}]);
		expect(ids(run.main, 'InvoiceID')).toEqual(order.slice(0, 250));
		expect(stats(xero).calls).toBe(3);
	});

	it('a failing page 4 yields pages 1–3 in order and a clear error naming what went out', async () => {
		// Every attempt at page 4 fails (the transport retries a 500 five times); the other pages answer.
		xero.injectFault({ kind: 'server-error', path: '/Invoices', page: 4, count: 6 });
		const run = await runSync(xero, list(), [{}]);
		expect(ids(run.main, 'InvoiceID')).toEqual(order.slice(0, 300));
		expect(run.errors).toHaveLength(1);
		const failure = entry(run.errors[0]);
		expect(failure.code).toBe('HTTP_500');
		expect(failure.message).toMatch(/^Reading invoices from Xero failed after 300 invoices \(those went out on the main output, in order; a new run reads the list from the start\): /);
		expect(xero.faults().pending).toEqual([]);
	});
});

/**
 * Changes are read by keyset (each query starts where the previous page ended), which is sequential; what a late
 * failure must not do is lose the pages before it or move the cursor past a change not delivered.
 */
describe('Changed since the last run, when a later page fails', () => {
	let xero: XeroSandbox;
	let onRequest: ((line: string) => void) | undefined;
	const changed = { resource: 'organisation', operation: 'get', getMode: 'changedSince', options: { pageSize: 100 } };
	/** Fails every attempt of the `nth` GET /Contacts from now on. */
	const failCall = (nth: number) => {
		let seen = 0;
		onRequest = (line) => {
			if (!/^GET \S*\/Contacts$/.test(line)) return;
			seen += 1;
			if (seen === nth) xero.injectFault({ kind: 'server-error', path: '/Contacts', count: 6 });
		};
	};
	/** The cursors "Changed since the last run" keeps in the node's static data, as n8n saved them after a run. */
	const cursorsOf = (staticData: IDataObject) =>
		Object.values(((staticData['node:Xero Sync'] as IDataObject | undefined)?.changeCursors ?? {}) as Record<string, { cursorMs: number }>);
	const updated = (items: Array<{ json: IDataObject }>) => items.map((item) => Date.parse(String(item.json.UpdatedDateUTC)));

	beforeAll(async () => {
		xero = await startSandbox({ data: 'empty', log: (line) => onRequest?.(line) });
		// 250 contacts a second apart (a sandbox minute is a second of timestamps at clock scale 60), so the keyset
		// read takes three queries of 100.
		for (let i = 0; i < 250; i++) {
			xero.advanceClock(60_000);
			xero.seed({ contacts: 1, prefix: `Cur${i}` });
		}
	});
	afterAll(() => xero.close());
	afterEach(() => {
		onRequest = undefined;
		xero.clearFaults();
	});

	it('delivers the pages before the failure, moves the cursor only over them, and the next run delivers the rest once', async () => {
		failCall(3);
		const first = await runSync(xero, changed, [{}]);
		expect(first.errors).toHaveLength(1);
		expect(entry(first.errors[0]).message).toMatch(/^Reading organisations from Xero failed after \d+ organisations \(those went out on the main output, in order; the next run continues after them\)/);
		// Queries 1 and 2 answered (100 + 98 new), the third failed.
		expect(first.main).toHaveLength(198);
		const cursors = cursorsOf(first.staticData);
		expect(cursors).toHaveLength(1);
		expect(cursors[0].cursorMs).toBe(Math.max(...updated(first.main)));

		onRequest = undefined;
		const second = await runSync(xero, changed, [{}], { staticData: first.staticData });
		expect(second.errors).toEqual([]);
		const all = [...ids(first.main, 'ContactID'), ...ids(second.main, 'ContactID')];
		expect(all).toHaveLength(250);
		expect(new Set(all).size).toBe(250);
		// The cursor never passed an undelivered change: everything the second run delivered is newer.
		expect(Math.min(...updated(second.main))).toBeGreaterThan(cursors[0].cursorMs);
		expect(updated(first.main)).toEqual([...updated(first.main)].sort((a, b) => a - b));
	});

	it('when the failure stops the workflow, nothing went out, so the cursor stays and the next run delivers everything', async () => {
		failCall(3);
		const stopped = await runSync(xero, changed, [{}], { onError: 'stopWorkflow' });
		expect(stopped.status).toBe('error');
		expect(cursorsOf(stopped.staticData)).toEqual([]);
		onRequest = undefined;
		const next = await runSync(xero, changed, [{}], { staticData: stopped.staticData });
		expect(new Set(ids(next.main, 'ContactID')).size).toBe(250);
		expect(stats(xero, DEMO_TENANT_ID).rateLimited).toBe(0);
	});
});
