import type { IDataObject } from 'n8n-workflow';
import { entry, invoiceJson, runSync, sandboxForEachTest, stored } from './support';

/**
 * Batches of one execution run concurrently, each looking up before it writes. Two input items aimed at the same
 * Xero record in different batches were both looked up before either was written, so both were created. Duplicate
 * input is found across the whole execution, before any batch starts.
 */
describe('Send finds duplicate input across the whole execution, not one batch', () => {
	const xero = sandboxForEachTest({ data: 'empty', latencyMs: 30 });

	const send = (resource: string, items: IDataObject[], duplicateHandling = 'skip') =>
		runSync(xero, { resource, operation: 'send', inputMode: 'json', duplicateHandling, options: { batchSize: 1 } }, items);

	it('two bills of one supplier with one number, in different batches: one is created, the other is refused', async () => {
		const bill = (crmId: string) =>
			invoiceJson(0, { crmId, Type: 'ACCPAY', InvoiceNumber: 'SUP-77', Contact: { Name: 'Supplier A' }, LineItems: [{ Description: 'Paper', UnitAmount: 5, AccountCode: '310' }] });
		const run = await send('invoice', [bill('7x1'), bill('7x2')]);
		expect(run.main.map((item) => [item.pairedItem, item.json.syncResult])).toEqual([[{ item: 0 }, 'Created']]);
		expect(run.errors.map((item) => [item.pairedItem, entry(item).code])).toEqual([[{ item: 1 }, 'DUPLICATE_INPUT']]);
		expect(String(entry(run.errors[0]).message)).toMatch(/input item 1 of this run sends the same invoice/);
		expect(stored(xero, 'invoices')).toHaveLength(1);
	});

	it('one CRM record twice (its ContactNumber is not unique in Xero), in different batches: one contact', async () => {
		const run = await send('organisation', [
			{ crmId: '11x1', ContactNumber: '11x1', Name: 'Twice Sent Ltd' },
			{ crmId: '11x1', ContactNumber: '11x1', Name: 'Twice Sent Limited' },
		]);
		expect(run.main.map((item) => item.json.syncResult)).toEqual(['Created']);
		expect(run.errors.map((item) => entry(item).code)).toEqual(['DUPLICATE_INPUT']);
		expect(stored(xero, 'contacts').filter((contact) => contact.ContactNumber === '11x1')).toHaveLength(1);
	});

	it('the same name in different batches under Update Existing: the later item does not overwrite the first', async () => {
		const run = await send('organisation', [{ Name: 'Same Name Ltd', Website: 'https://first.example' }, { Name: 'same name ltd', Website: 'https://second.example' }], 'update');
		expect(run.main.map((item) => item.json.syncResult)).toEqual(['Created']);
		expect(run.errors.map((item) => entry(item).code)).toEqual(['DUPLICATE_INPUT']);
		expect(stored(xero, 'contacts').map((contact) => contact.Website)).toEqual(['https://first.example']);
	});
});
