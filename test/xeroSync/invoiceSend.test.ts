import type { XeroSandbox } from '../../sandbox/xero';
import { entry, expectOneOutputPerInput, invoiceJson, runSync, sandboxForEachTest, SEND_SALES_INVOICE_FIELDS, sendJson, stats, stored } from './support';

const send = sendJson('invoice', { duplicateHandling: 'skip' });

const invoicesIn = (xero: XeroSandbox) => stored(xero, 'invoices');

describe('Send invoice to Xero', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	it('sends 120 invoices in 3 write calls, every item once on the success output', async () => {
		const items = Array.from({ length: 120 }, (_, i) => invoiceJson(i));
		const run = await runSync(xero, send(), items);
		expect(run.errors).toEqual([]);
		expectOneOutputPerInput(run.main, run.errors, 120);
		const tenant = stats(xero);
		expect(tenant.byPath['PUT /Invoices']).toBe(3);
		expect(tenant.writes).toBe(3);
		// Plus the first batch's lookup (two where-calls for 50 numbers): it tells a first send from a re-send.
		expect(tenant.calls).toBeLessThanOrEqual(Math.ceil(120 / 50) + 2);
		const first = run.main.find((item) => (item.pairedItem as { item: number }).item === 0)?.json ?? {};
		expect(first).toMatchObject({ crmId: '7x1000', syncResult: 'Created', InvoiceNumber: 'CRM-INV-00000', Type: 'ACCREC' });
		expect(String(first.Date)).toMatch(/^2026-11-01T00:00:00/);
		expect(typeof first.Total).toBe('number');
		expect((first.LineItems as unknown[]).length).toBe(2);
	});

	it('sends a partial batch: the rejected invoice goes to the error output, the rest succeed', async () => {
		const items = Array.from({ length: 5 }, (_, i) => invoiceJson(i));
		items[2] = invoiceJson(2, { LineItems: [{ Description: 'Refund', Quantity: 1, UnitAmount: -50, AccountCode: '200' }] });
		const run = await runSync(xero, send(), items);
		expectOneOutputPerInput(run.main, run.errors, 5);
		expect(run.main).toHaveLength(4);
		expect(run.errors).toHaveLength(1);
		const failed = run.errors[0];
		expect(failed.pairedItem).toEqual({ item: 2 });
		expect(entry(failed)).toMatchObject({
			app: 'Xero',
			result: 'Failed',
			action: 'Send Invoice',
			flow: 'CRM → Xero',
			crmId: '7x1002',
			code: 'VALIDATION',
		});
		expect(String(entry(failed).message)).toMatch(/^Invoice "CRM-INV-00002": Xero rejected it: .*total/i);
		expect(stats(xero).writes).toBe(1);
		expect(invoicesIn(xero)).toHaveLength(4);
	});

	it('handles duplicates: Skip links, Update overwrites, Fail reports, Add Suffix creates once', async () => {
		const items = Array.from({ length: 3 }, (_, i) => invoiceJson(i));
		const created = await runSync(xero, send(), items);
		const ids = created.main.map((item) => item.json.InvoiceID);

		xero.resetStats();
		const skipped = await runSync(xero, send(), items.map((i) => ({ ...i, Reference: 'changed' })));
		expectOneOutputPerInput(skipped.main, skipped.errors, 3);
		expect(skipped.main.map((i) => i.json.syncResult)).toEqual(['Skipped', 'Skipped', 'Skipped']);
		expect(skipped.main.map((i) => i.json.InvoiceID).sort()).toEqual([...ids].sort());
		expect(skipped.main.every((i) => i.json.Reference !== 'changed')).toBe(true);
		// one lookup for the batch, no write (the old engine: a refused PUT, then the lookup)
		expect(stats(xero).calls).toBe(1);
		expect(stats(xero).writes).toBe(0);

		const updated = await runSync(xero, send({ duplicateHandling: 'update' }), items.map((i) => ({ ...i, Reference: 'changed' })));
		expect(updated.main.map((i) => i.json.syncResult)).toEqual(['Updated', 'Updated', 'Updated']);
		expect(updated.main.every((i) => i.json.Reference === 'changed')).toBe(true);

		const failed = await runSync(xero, send({ duplicateHandling: 'fail' }), items);
		expectOneOutputPerInput(failed.main, failed.errors, 3);
		expect(failed.errors.map((i) => entry(i).code)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
		expect(ids).toContain(entry(failed.errors[0]).xeroId);
		expect(String(entry(failed.errors[0]).message)).toMatch(/already exists in Xero.*Update Existing/);

		const suffixed = await runSync(xero, send({ duplicateHandling: 'addSuffix' }), [items[0]]);
		expect(suffixed.main[0].json).toMatchObject({ syncResult: 'Created', InvoiceNumber: 'CRM-INV-00000-7x1000' });
		const again = await runSync(xero, send({ duplicateHandling: 'addSuffix' }), [items[0]]);
		// Its own suffixed copy, already as sent: nothing written.
		expect(again.main[0].json).toMatchObject({ syncResult: 'Unchanged', InvoiceID: suffixed.main[0].json.InvoiceID });
		expect(invoicesIn(xero)).toHaveLength(4);
	});

	it('sends UI fields with a list of line items', async () => {
		const run = await runSync(
			xero,
			{
				...SEND_SALES_INVOICE_FIELDS,
				contact: '={{ $json.customer }}',
				lineItemsUi: {
					lineItem: [
						{ description: 'Design', quantity: 3, unitAmount: 120, accountCode: '200' },
						{ description: 'Hosting', quantity: 1, unitAmount: 40, accountCode: '200' },
					],
				},
				additionalFields: { invoiceNumber: '={{ $json.number }}', status: 'AUTHORISED', date: '2026-11-02', dueDate: '2026-12-02' },
			},
			[{ crmId: '7x55', customer: 'Field Customer', number: 'F-1' }],
		);
		expect(run.errors).toEqual([]);
		expect(run.main[0].json).toMatchObject({
			crmId: '7x55',
			InvoiceNumber: 'F-1',
			Status: 'AUTHORISED',
			Contact: expect.objectContaining({ Name: 'Field Customer' }),
			SubTotal: 400,
		});
		expect(run.main[0].json.LineItems).toHaveLength(2);
	});
});
