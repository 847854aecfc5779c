import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { expectOneOutputPerInput, invoiceJson, runSync, sandboxForEachTest, stats } from './support';

/**
 * Issue 16, items 1 and 2: re-sending records Xero already holds writes nothing that did not change, and costs at
 * most ⌈N/50⌉ + 2 calls plus one lookup per batch. Counted at the sandbox, which sees every call the node makes.
 */
const N = 120;
const BATCHES = Math.ceil(N / 50);
/** ⌈N/50⌉ + 2, plus at most one lookup per batch. */
const CALL_BUDGET = BATCHES + 2 + BATCHES;

const organisation = (n: number, extra: IDataObject = {}): IDataObject => ({
	crmId: `11x${n}`,
	Name: `Org ${n}`,
	EmailAddress: `org${n}@example.com`,
	...extra,
});

const sendOrganisations = (duplicateHandling: string) => ({ resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling });
const sendInvoices = (duplicateHandling: string) => ({ resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling });

const results = (items: INodeExecutionData[]) => items.map((item) => item.json.syncResult);
const count = (items: INodeExecutionData[], result: string) => items.filter((item) => item.json.syncResult === result).length;

describe('Re-sending records Xero already holds', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	async function seedOrganisations(): Promise<INodeExecutionData[]> {
		const items = Array.from({ length: N }, (_, n) => organisation(n));
		const first = await runSync(xero, sendOrganisations('skip'), items);
		expect(first.errors).toEqual([]);
		expect(count(first.main, 'Created')).toBe(N);
		xero.resetStats();
		return first.main;
	}

	it.each(['skip', 'update'])('without Xero IDs under %s: one lookup per batch and no write', async (mode) => {
		await seedOrganisations();
		const again = await runSync(xero, sendOrganisations(mode), Array.from({ length: N }, (_, n) => organisation(n)));
		expect(again.errors).toEqual([]);
		expectOneOutputPerInput(again.main, again.errors, N);
		expect(results(again.main)).toEqual(Array(N).fill(mode === 'skip' ? 'Skipped' : 'Unchanged'));
		const tenant = stats(xero);
		expect(tenant.writes).toBe(0);
		expect(tenant.byPath).toEqual({ 'GET /Contacts': BATCHES });
		expect(tenant.calls).toBeLessThanOrEqual(CALL_BUDGET);
	});

	it.each(['skip', 'update'])('with their Xero IDs under %s: one read by IDs per batch, no lookup by key, no write', async (mode) => {
		const created = await seedOrganisations();
		const withIds = created.map((item, n) => organisation(n, { ContactID: item.json.ContactID }));
		const again = await runSync(xero, sendOrganisations(mode), withIds);
		expect(again.errors).toEqual([]);
		// A record sent with its Xero ID is an explicit update under every duplicate handling.
		expect(results(again.main)).toEqual(Array(N).fill('Unchanged'));
		expect(again.main.map((item) => item.json.ContactID)).toEqual(created.map((item) => item.json.ContactID));
		const tenant = stats(xero);
		expect(tenant.writes).toBe(0);
		expect(tenant.byPath).toEqual({ 'GET /Contacts': BATCHES });
	});

	it.each(['skip', 'update'])('with 10%% changed under %s: only the changed records are written', async (mode) => {
		const created = await seedOrganisations();
		const changed = new Set(Array.from({ length: N / 10 }, (_, k) => k * 10 + 3));
		const edited = (n: number) => (changed.has(n) ? { EmailAddress: `new${n}@example.com` } : {});
		// Under Skip a matched record is left alone, so the edits travel with the Xero ID (the usual CRM → Xero flow).
		const items = Array.from({ length: N }, (_, n) =>
			organisation(n, mode === 'skip' ? { ContactID: created[n].json.ContactID, ...edited(n) } : edited(n)),
		);
		const again = await runSync(xero, sendOrganisations(mode), items);
		expect(again.errors).toEqual([]);
		again.main.forEach((item, n) => expect([n, item.json.syncResult]).toEqual([n, changed.has(n) ? 'Updated' : 'Unchanged']));
		for (const n of changed) expect(again.main[n].json.EmailAddress).toBe(`new${n}@example.com`);
		const tenant = stats(xero);
		// One POST per batch holding a change, carrying only the changed records.
		expect(tenant.byPath['POST /Contacts']).toBe(BATCHES);
		expect(tenant.recordsWritten).toBe(changed.size);
		expect(tenant.calls).toBeLessThanOrEqual(CALL_BUDGET);
	});

	describe('invoices: values Xero normalises are unchanged, a real change is written', () => {
		const items = Array.from({ length: 60 }, (_, n) => invoiceJson(n));

		async function seedInvoices(): Promise<INodeExecutionData[]> {
			const first = await runSync(xero, sendInvoices('skip'), items);
			expect(first.errors).toEqual([]);
			xero.resetStats();
			return first.main;
		}

		/** The same invoices as Xero would store them, written differently. */
		const normalisedAway = (invoice: IDataObject): IDataObject => ({
			...invoice,
			Date: `${String(invoice.Date)}T00:00:00`,
			DueDate: `${String(invoice.DueDate)}T00:00:00`,
			Status: String(invoice.Status).toLowerCase(),
			LineItems: (invoice.LineItems as IDataObject[]).map((line) => ({
				...line,
				// Xero keeps unit amounts to 4 decimals and quantities to 4.
				UnitAmount: Number(line.UnitAmount) + 0.00004,
				Quantity: String(line.Quantity),
			})),
		});

		it.each(['skip', 'update'])('under %s: 0 writes for normalised values', async (mode) => {
			const created = await seedInvoices();
			// Under Skip a matched record is left alone anyway: the comparison shows with the Xero ID.
			const resent = items.map((invoice, n) => normalisedAway(mode === 'skip' ? { ...invoice, InvoiceID: created[n].json.InvoiceID } : invoice));
			const again = await runSync(xero, sendInvoices(mode), resent);
			expect(again.errors).toEqual([]);
			expect(results(again.main)).toEqual(Array(items.length).fill('Unchanged'));
			expect(stats(xero).writes).toBe(0);
		});

		it('a change in one field of one invoice is written, alone', async () => {
			const created = await seedInvoices();
			const edited = items.map(normalisedAway);
			const lines = edited[7].LineItems as IDataObject[];
			edited[7] = { ...edited[7], LineItems: [lines[0], { ...lines[1], UnitAmount: 35.51 }] };
			const again = await runSync(xero, sendInvoices('update'), edited);
			expect(again.errors).toEqual([]);
			expect(count(again.main, 'Updated')).toBe(1);
			expect(again.main[7].json).toMatchObject({ syncResult: 'Updated', InvoiceID: created[7].json.InvoiceID });
			expect(((again.main[7].json.LineItems as IDataObject[])[1] as IDataObject).UnitAmount).toBe(35.51);
			const tenant = stats(xero);
			expect(tenant.byPath['POST /Invoices']).toBe(1);
			expect(tenant.recordsWritten).toBe(1);
		});
	});
});
