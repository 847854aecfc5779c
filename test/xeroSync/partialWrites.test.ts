import type { XeroSandbox } from '../../sandbox/xero';
import { entry, invoiceJson, runSync, startSandbox, stored } from './support';

/**
 * A batch is written in more than one call (PUT for creates, POST for updates; one call per account). When a later
 * call fails, what the earlier calls wrote is in Xero and must be reported as written: an item fails only when its
 * own write failed. Reporting a created record as "not sent" makes the next run (under Add Suffix) create a copy.
 */
describe('Send reports each write as soon as it returns', () => {
	let xero: XeroSandbox;
	afterEach(() => xero.close());

	it('keeps the creates of a batch whose update call fails', async () => {
		xero = await startSandbox({ data: 'empty' });
		const first = await runSync(xero, { resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling: 'skip' }, [invoiceJson(0)]);
		const existingId = first.main[0].json.InvoiceID;

		xero.injectFault({ kind: 'rate-limit-day', count: 1, method: 'POST', path: '/Invoices' });
		const items = [invoiceJson(1), invoiceJson(2), invoiceJson(0, { InvoiceID: existingId, Reference: 'changed' })];
		const run = await runSync(xero, { resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling: 'addSuffix' }, items);

		expect(run.main.map((item) => [item.pairedItem, item.json.syncResult, item.json.InvoiceNumber])).toEqual([
			[{ item: 0 }, 'Created', 'CRM-INV-00001'],
			[{ item: 1 }, 'Created', 'CRM-INV-00002'],
		]);
		expect(run.errors.map((item) => [item.pairedItem, entry(item).code])).toEqual([[{ item: 2 }, 'DAILY_LIMIT']]);
		expect(stored(xero, 'invoices')).toHaveLength(3);
	});

	it('keeps the accounts created before a later account call fails', async () => {
		// Two calls a day: the first batch's lookup, then the first account; the second account meets the limit.
		xero = await startSandbox({ data: 'empty', dailyLimit: 2 });
		const account = (n: number) => ({ crmId: `42x${n}`, Code: `9${n}0`, Name: `Partial account ${n}`, Type: 'EXPENSE' });
		const run = await runSync(xero, { resource: 'account', operation: 'send', inputMode: 'json', duplicateHandling: 'skip' }, [account(1), account(2), account(3)]);

		expect(run.main.map((item) => [item.pairedItem, item.json.syncResult, item.json.Code])).toEqual([[{ item: 0 }, 'Created', '910']]);
		expect(run.errors.map((item) => [item.pairedItem, entry(item).code])).toEqual([
			[{ item: 1 }, 'DAILY_LIMIT'],
			[{ item: 2 }, 'DAILY_LIMIT'],
		]);
		expect(stored(xero, 'accounts').filter((a) => String(a.Name).startsWith('Partial account'))).toHaveLength(1);
	});
});
