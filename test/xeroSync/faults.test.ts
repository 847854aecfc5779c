import type { XeroSandbox } from '../../sandbox/xero';
import { expectOneOutputPerInput, invoiceJson, runSync, startSandbox, stats, stored, entry } from './support';

const send = { resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling: 'skip' };

describe('Send under faults', () => {
	let xero: XeroSandbox;
	afterEach(() => xero.close());

	it('rides out a 429 storm and a 503 without losing or duplicating a record', async () => {
		xero = await startSandbox({ data: 'empty' });
		xero.injectFault({ kind: 'rate-limit-minute', count: 4, path: '/Invoices' });
		xero.injectFault({ kind: 'rate-limit-concurrent', count: 2, path: '/Invoices' });
		xero.injectFault({ kind: 'offline', count: 2, path: '/Invoices' });
		const items = Array.from({ length: 150 }, (_, i) => invoiceJson(i));
		const run = await runSync(xero, send, items);
		expect(run.errors).toEqual([]);
		expectOneOutputPerInput(run.main, run.errors, 150);
		expect(stored(xero, 'invoices')).toHaveLength(150);
		expect(stats(xero).rateLimited).toBeGreaterThanOrEqual(6);
	});

	it('retries a write whose connection reset after Xero committed it, without a duplicate', async () => {
		xero = await startSandbox({ data: 'empty' });
		xero.injectFault({ kind: 'reset-after-commit', count: 1, method: 'PUT', path: '/Invoices' });
		const items = Array.from({ length: 20 }, (_, i) => invoiceJson(i));
		const run = await runSync(xero, send, items);
		expect(run.errors).toEqual([]);
		expect(run.main.map((i) => i.json.syncResult)).toEqual(Array(20).fill('Created'));
		expect(stored(xero, 'invoices')).toHaveLength(20);
		expect(xero.faults().fired['reset-after-commit']).toBe(1);
		expect(stats(xero).idempotentReplays).toBeGreaterThanOrEqual(1);
	});

	it('sends every unsent record to the error output when the daily limit runs out', async () => {
		xero = await startSandbox({ data: 'empty', dailyLimit: 2 });
		const items = Array.from({ length: 300 }, (_, i) => invoiceJson(i));
		const run = await runSync(xero, { ...send, options: { batchSize: 50 } }, items);
		expectOneOutputPerInput(run.main, run.errors, 300);
		expect(run.main.length).toBe(stored(xero, 'invoices').length);
		expect(run.main.length).toBeLessThanOrEqual(100);
		expect(run.errors.length).toBeGreaterThanOrEqual(200);
		for (const failed of run.errors) {
			expect(entry(failed).code).toBe('DAILY_LIMIT');
			expect(String(entry(failed).message)).toMatch(/daily API limit.*not sent/);
		}
		// after the limit was hit, no further write was attempted
		expect(stats(xero).writes).toBeLessThanOrEqual(3 + 5);
	});
});
