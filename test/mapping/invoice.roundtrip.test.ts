import fc from 'fast-check';
import { crmToXero, mapBatch, xeroToCrm } from '../../nodes/shared/mapping';
import { catalog, xeroInvoice, type CatalogItem } from './support/arbitraries';
import { crmWith } from './support/catalogCrm';
import { clean, comparableLines } from './support/normalise';
import { storeAsVtiger } from './support/vtigerStore';
import { day } from '../../nodes/shared/mapping/vtigerValues';

/**
 * The catalog's products came from Xero, so they are linked to their items (and send their ItemCode back).
 * Xero invoice → CRM Invoice with LineItems (references resolved through mapBatch against an in-memory CRM, stored as
 * vtiger stores) → Xero invoice keeps every mapped field, for every status the CRM may send.
 */

function comparable(invoice: Record<string, unknown>): unknown {
	const rate = invoice.CurrencyRate;
	return clean({
		InvoiceID: invoice.InvoiceID,
		InvoiceNumber: invoice.InvoiceNumber,
		Reference: invoice.Reference,
		Type: invoice.Type,
		ContactID: (invoice.Contact as Record<string, unknown>).ContactID,
		Date: day(invoice.Date),
		DueDate: day(invoice.DueDate),
		CurrencyCode: invoice.CurrencyCode,
		// Xero's rate for the base currency is 1, the same as sending none.
		CurrencyRate: rate === 1 ? undefined : rate,
		Status: invoice.Status,
		LineItems: comparableLines(invoice.LineItems),
	});
}

describe('invoice round trip: Xero invoice → CRM Invoice → Xero invoice', () => {
	it('keeps every mapped field, with line items, currency, dates and status', async () => {
		await fc.assert(
			fc.asyncProperty(
				catalog.chain((items) => fc.tuple(fc.constant(items), xeroInvoice(items))),
				fc.integer({ min: 200, max: 100000 }),
				async ([items, original], sequence) => {
					const crm = crmWith(items, original.Contact as Record<string, unknown>);
					const [toCrm] = await mapBatch(1, (_, resolved) => xeroToCrm('invoice', original, { resolved }), crm);
					expect(toCrm.errors).toEqual([]);
					expect(toCrm.needs).toEqual({ crmIds: [], lookups: [] });
					expect(toCrm.fields.account_id).toBe('11x50');
					const stored = storeAsVtiger('Invoice', toCrm.fields, `7x${sequence}`, sequence, toCrm.lineItems, crm.byId());
					const [back] = await mapBatch(1, (_, resolved) => crmToXero('Invoice', stored, { resolved }), crm);
					expect(back.errors).toEqual([]);
					expect(back.needs).toEqual({ crmIds: [], lookups: [] });
					expect(comparable(back.record)).toEqual(comparable(original));
				},
			),
			{ numRuns: 200 },
		);
	});

	it('resolves a batch in one call per id list and one per module and field', async () => {
		const items: CatalogItem[] = [
			{ code: 'A1', salesAccount: '200', module: 'Products' },
			{ code: 'S1', salesAccount: '', module: 'Services' },
		];
		const invoices = fc.sample(xeroInvoice(items), { numRuns: 20, seed: 7 }).map((invoice) => ({ ...invoice, Contact: { ContactID: 'c-1', Name: 'Acme' } }));
		const crm = crmWith(items, { ContactID: 'c-1', Name: 'Acme' });
		const results = await mapBatch(invoices.length, (index, resolved) => xeroToCrm('invoice', invoices[index], { resolved }), crm);
		expect(results.every((result) => result.errors.length === 0)).toBe(true);
		// Accounts by link field and by name, Products by productcode and product_no, Services by service_no, Currency.
		expect(crm.calls.filter((call) => call.startsWith('find')).length).toBeLessThanOrEqual(6);
		expect(crm.calls.filter((call) => call.startsWith('retrieve'))).toEqual([]);
	});
});
