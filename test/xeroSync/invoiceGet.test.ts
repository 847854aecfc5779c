import type { IDataObject } from 'n8n-workflow';
import { entry, invoiceJson, runSync, sandboxForBlock, sendAll, stats } from './support';

const changed = (options: IDataObject = {}) => ({
	resource: 'invoice',
	operation: 'get',
	getMode: 'changedSince',
	options: { pageSize: 100, ...options },
});

describe('Get invoices from Xero', () => {
	const invoices = Array.from({ length: 250 }, (_, i) => invoiceJson(i));
	const xero = sandboxForBlock({ data: 'empty' }, { ready: (xero) => sendAll(xero, 'invoice', invoices) });

	const readAll = (pageSize: number) =>
		runSync(xero, { resource: 'invoice', operation: 'get', getMode: 'many', returnAll: true, options: { pageSize } }, [{}]);

	it('reads 250 invoices in 3 pages of 100, without an empty-page call', async () => {
		xero.resetStats();
		const run = await readAll(100);
		expect(run.main).toHaveLength(250);
		expect(stats(xero).calls).toBe(3);
		expect(new Set(run.main.map((i) => i.json.InvoiceID)).size).toBe(250);
		expect(String(run.main[0].json.Date)).toMatch(/^2026-11-01T/);
	});

	it('reads exactly two full pages in two calls', async () => {
		xero.resetStats();
		const run = await readAll(125);
		expect(run.main).toHaveLength(250);
		expect(stats(xero).calls).toBe(2);
	});

	it('honours a limit in one call, filters, and raw output', async () => {
		xero.resetStats();
		const limited = await runSync(xero, { resource: 'invoice', operation: 'get', getMode: 'many', returnAll: false, limit: 7 }, [{}]);
		expect(limited.main).toHaveLength(7);
		expect(stats(xero).calls).toBe(1);
		const filtered = await runSync(
			xero,
			{
				resource: 'invoice',
				operation: 'get',
				getMode: 'many',
				returnAll: true,
				filters: { searchTerm: 'CRM-INV-0000', status: ['DRAFT'] },
				options: { rawOutput: true },
			},
			[{}],
		);
		expect(filtered.main.map((i) => i.json.InvoiceNumber).sort()).toEqual(
			Array.from({ length: 10 }, (_, i) => `CRM-INV-0000${i}`),
		);
		expect(String(filtered.main[0].json.Date)).toMatch(/^\/Date\(/);
		const one = await runSync(xero, { resource: 'invoice', operation: 'get', getMode: 'one', recordId: 'CRM-INV-00042' }, [{}]);
		expect(one.main[0].json).toMatchObject({ InvoiceNumber: 'CRM-INV-00042' });
	});

	it('delivers changes since the last run once each, and a failed run does not move the cursor', async () => {
		const first = await runSync(xero, changed(), [{}]);
		expect(first.main).toHaveLength(250);
		const cursorAfterFirst = first.staticData;

		const quiet = await runSync(xero, changed(), [{}], { staticData: cursorAfterFirst });
		expect(quiet.main).toHaveLength(0);

		xero.advanceClock(60_000);
		const update = await runSync(
			xero,
			{ resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling: 'update' },
			[invoiceJson(3, { Reference: 'edited' }), invoiceJson(300)],
		);
		expect(update.main.map((i) => i.json.syncResult)).toEqual(['Updated', 'Created']);

		xero.injectFault({ kind: 'server-error', count: 50, method: 'GET', path: '/Invoices' });
		const failed = await runSync(xero, changed(), [{}], { staticData: quiet.staticData });
		xero.clearFaults();
		expect(failed.main).toHaveLength(0);
		expect(entry(failed.errors[0])).toMatchObject({ action: 'Get Invoices', result: 'Failed' });
		expect(failed.staticData).toEqual(quiet.staticData);

		const next = await runSync(xero, changed(), [{}], { staticData: failed.staticData });
		expect(next.main.map((i) => i.json.InvoiceNumber).sort()).toEqual(['CRM-INV-00003', 'CRM-INV-00300']);
		const after = await runSync(xero, changed(), [{}], { staticData: next.staticData });
		expect(after.main).toHaveLength(0);
	});
});
