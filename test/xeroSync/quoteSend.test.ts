import { entry, expectOneOutputPerInput, quoteJson, runSync, sandboxForEachTest, sendJson, stats, stored } from './support';

const send = sendJson('quote', { duplicateHandling: 'update' });

describe('Send quote to Xero', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	it('creates quotes with line items in one write, and a second run creates nothing and writes nothing', async () => {
		const items = Array.from({ length: 4 }, (_, i) => quoteJson(i));
		const run = await runSync(xero, send(), items);
		expect(run.errors).toEqual([]);
		expect(run.main.map((item) => item.json.syncResult)).toEqual(['Created', 'Created', 'Created', 'Created']);
		expect(run.main[0].json).toMatchObject({ crmId: '4x2000', QuoteNumber: 'QUO1', Status: 'DRAFT', SubTotal: 340, Title: 'Fit-out 0' });
		expect(String(run.main[0].json.Date)).toMatch(/^2026-11-01T/);
		expect(run.main[0].json.LineItems).toHaveLength(2);
		expect(stats(xero).byPath['PUT /Quotes']).toBe(1);
		expect(stored(xero, 'quotes')).toHaveLength(4);

		// By number (the CRM has not stored the QuoteIDs yet): looked up one number at a time, since getQuotes takes
		// no where; all unchanged.
		xero.resetStats();
		const again = await runSync(xero, send(), items);
		expect(again.main.map((item) => item.json.syncResult)).toEqual(['Unchanged', 'Unchanged', 'Unchanged', 'Unchanged']);
		expect(stats(xero).writes).toBe(0);
		expect(stats(xero).byPath['GET /Quotes']).toBe(4);

		// By QuoteID (linked): each read at its own path, still unchanged.
		xero.resetStats();
		const linked = items.map((item, i) => ({ ...item, QuoteID: run.main[i].json.QuoteID, QuoteNumber: undefined }));
		const third = await runSync(xero, send(), linked);
		expect(third.main.map((item) => item.json.syncResult)).toEqual(['Unchanged', 'Unchanged', 'Unchanged', 'Unchanged']);
		expect(stats(xero).writes).toBe(0);
		expect(stored(xero, 'quotes')).toHaveLength(4);
	});

	it('sends a partial batch: the refused quote goes to the error output with Xero\'s reason, the others are written', async () => {
		const first = await runSync(xero, send(), [quoteJson(0)]);
		const quoteId = String(first.main[0].json.QuoteID);
		const items = [
			quoteJson(1),
			// Xero refuses declining a draft: mark it SENT first.
			{ ...quoteJson(0), QuoteID: quoteId, Status: 'DECLINED' },
			quoteJson(2, { Status: 'SENT' }),
		];
		const run = await runSync(xero, send(), items);
		expectOneOutputPerInput(run.main, run.errors, 3);
		expect(run.main.map((item) => item.json.syncResult).sort()).toEqual(['Created', 'Created']);
		expect(run.errors).toHaveLength(1);
		expect(run.errors[0].pairedItem).toEqual({ item: 1 });
		expect(entry(run.errors[0])).toMatchObject({ action: 'Send Quote', flow: 'CRM → Xero', crmId: '4x2000', code: 'VALIDATION', xeroId: quoteId });
		expect(String(entry(run.errors[0]).message)).toMatch(/Xero rejected it: A DRAFT quote cannot be declined; mark it SENT first/);

		// The allowed way: SENT, then DECLINED.
		const sent = await runSync(xero, send(), [{ ...quoteJson(0), QuoteID: quoteId, Status: 'SENT' }]);
		expect(sent.main[0].json).toMatchObject({ syncResult: 'Updated', Status: 'SENT' });
		const declined = await runSync(xero, send(), [{ ...quoteJson(0), QuoteID: quoteId, Status: 'DECLINED' }]);
		expect(declined.main[0].json).toMatchObject({ syncResult: 'Updated', Status: 'DECLINED' });
	});

	it('checks before sending: no Date, DELETED, and duplicates in the input', async () => {
		const run = await runSync(xero, send(), [
			quoteJson(0, { Date: undefined }),
			quoteJson(1, { Status: 'DELETED' }),
			quoteJson(2),
			quoteJson(2, { crmId: '4x9999' }),
		]);
		expectOneOutputPerInput(run.main, run.errors, 4);
		const byItem = new Map(run.errors.map((item) => [(item.pairedItem as { item: number }).item, entry(item)]));
		expect(String(byItem.get(0)?.message)).toMatch(/no Date/);
		expect(byItem.get(1)).toMatchObject({ code: 'QUOTE_STATUS' });
		expect(String(byItem.get(1)?.message)).toMatch(/delete it in Xero/);
		expect(byItem.has(3)).toBe(true);
		expect(stored(xero, 'quotes')).toHaveLength(1);
	});

	it('handles a taken quote number by the chosen duplicate handling', async () => {
		await runSync(xero, send(), [quoteJson(0)]);
		const skip = await runSync(xero, send({ duplicateHandling: 'skip' }), [quoteJson(0, { Title: 'changed' })]);
		expect(skip.main[0].json).toMatchObject({ syncResult: 'Skipped', Title: 'Fit-out 0' });
		const fail = await runSync(xero, send({ duplicateHandling: 'fail' }), [quoteJson(0, { Title: 'changed' })]);
		expect(entry(fail.errors[0])).toMatchObject({ code: 'DUPLICATE' });
		const update = await runSync(xero, send(), [quoteJson(0, { Title: 'changed' })]);
		expect(update.main[0].json).toMatchObject({ syncResult: 'Updated', Title: 'changed' });
		const suffix = await runSync(xero, send({ duplicateHandling: 'addSuffix' }), [quoteJson(0)]);
		expect(suffix.main[0].json).toMatchObject({ syncResult: 'Created', QuoteNumber: 'QUO1-4x2000' });
		expect(stored(xero, 'quotes')).toHaveLength(2);
	});

	it('previews without writing, and sends UI fields', async () => {
		await runSync(xero, send(), [quoteJson(0)]);
		xero.resetStats();
		const preview = await runSync(xero, send({ options: { preview: true } }), [quoteJson(0, { Title: 'new title' }), quoteJson(5)]);
		expect(preview.errors).toEqual([]);
		expect(stats(xero).writes).toBe(0);
		expect(preview.main.every((item) => item.json.syncResult === 'Preview')).toBe(true);
		expect(preview.main[0].json).toMatchObject({ action: 'update', changes: { Title: { old: 'Fit-out 0', new: 'new title' } } });
		expect(Object.keys(preview.main[0].json.changes as object)).toEqual(['Title']);
		expect(preview.main[1].json).toMatchObject({ action: 'create' });
		expect(stored(xero, 'quotes')).toHaveLength(1);

		const fields = await runSync(
			xero,
			{
				resource: 'quote',
				operation: 'send',
				inputMode: 'fields',
				contact: '={{ $json.customer }}',
				quoteDate: '2026-11-05',
				lineItemsUi: { lineItem: [{ description: 'Design', quantity: 3, unitAmount: 120, accountCode: '200' }] },
				additionalFields: { quoteNumber: 'F-Q1', status: 'SENT', expiryDate: '2026-12-05', title: 'Design work' },
			},
			[{ crmId: '4x55', customer: 'Field Customer' }],
		);
		expect(fields.errors).toEqual([]);
		expect(fields.main[0].json).toMatchObject({ QuoteNumber: 'F-Q1', Status: 'SENT', Title: 'Design work', SubTotal: 360 });
		expect(String(fields.main[0].json.ExpiryDate)).toMatch(/^2026-12-05/);
	});
});
