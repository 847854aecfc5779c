import fc from 'fast-check';
import { crmToXero, mapBatch, quoteStageOf, xeroResourceOf, xeroToCrm, type CrmRecord } from '../../nodes/shared/mapping';
import { catalog, line, xeroInvoice, type CatalogItem } from './support/arbitraries';
import { crmWith, CURRENCIES } from './support/catalogCrm';
import { MemoryCrm, PREFIXES } from './support/memoryCrm';
import { clean, comparableLines } from './support/normalise';
import { storeAsVtiger } from './support/vtigerStore';
import { day } from '../../nodes/shared/mapping/vtigerValues';

/**
 * Xero quote → CRM Quotes with LineItems (references resolved against an in-memory CRM, stored as vtiger stores) →
 * Xero quote keeps every mapped field, for every status; and a CRM quote sent first comes back as the same CRM quote.
 */

/** A Xero quote: an invoice's lines, contact, currency and dates, with a quote's own fields. */
function xeroQuote(items: CatalogItem[]): fc.Arbitrary<Record<string, unknown>> {
	return fc
		.record({
			invoice: xeroInvoice(items),
			Title: line(120),
			Summary: line(60),
			Terms: line(60),
			Status: fc.constantFrom('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'INVOICED'),
		})
		.map(({ invoice, ...own }) => {
			const { InvoiceID, InvoiceNumber, DueDate, Type: _type, Reference, ...rest } = invoice;
			return { ...rest, ...own, QuoteID: InvoiceID, QuoteNumber: String(InvoiceNumber).replace('INV', 'QU'), Reference, ExpiryDate: DueDate, LineAmountTypes: 'EXCLUSIVE' };
		});
}

function comparable(quote: Record<string, unknown>): unknown {
		return clean({
		QuoteID: quote.QuoteID,
		ContactID: (quote.Contact as Record<string, unknown>).ContactID,
		Title: String(quote.Title ?? '').trim().slice(0, 100) || undefined,
		Summary: String(quote.Summary ?? '').trim() || undefined,
		Terms: String(quote.Terms ?? '').trim() || undefined,
		ExpiryDate: day(quote.ExpiryDate),
		CurrencyCode: quote.CurrencyCode,
		// A linked quote keeps Xero's rate (vtiger holds 3 decimals of it), so only the code comes back.
		CurrencyRate: undefined,
		Status: quote.Status,
		LineItems: comparableLines(quote.LineItems),
	});
}

describe('quote round trip: Xero quote → CRM Quotes → Xero quote', () => {
	it('keeps every mapped field, with line items, currency, expiry and status; the linked quote keeps its number and date', async () => {
		await fc.assert(
			fc.asyncProperty(
				catalog.chain((items) => fc.tuple(fc.constant(items), xeroQuote(items))),
				fc.integer({ min: 200, max: 100000 }),
				async ([items, original], sequence) => {
					const crm = crmWith(items, original.Contact as Record<string, unknown>);
					const [toCrm] = await mapBatch(1, (_, resolved) => xeroToCrm('quote', original, { resolved }), crm);
					expect(toCrm.errors).toEqual([]);
					expect(toCrm.module).toBe('Quotes');
					expect(toCrm.fields).toMatchObject({ account_id: '11x50', cf_xero_quote_id: original.QuoteID, cf_xero_quote_status: original.Status });
					// The draft-invoice link of the same CRM quote is not touched.
					expect(toCrm.fields).not.toHaveProperty('cf_xero_invoice_id');
					expect(toCrm.match).toEqual([
						{ field: 'cf_xero_quote_id', value: original.QuoteID },
						{ field: 'quote_no', value: original.QuoteNumber },
					]);
					const stored = storeAsVtiger('Quotes', toCrm.fields, `4x${sequence}`, sequence, toCrm.lineItems, crm.byId());
					const [back] = await mapBatch(1, (_, resolved) => crmToXero('Quotes', stored, { resolved }, 'quote'), crm);
					expect(back.errors).toEqual([]);
					expect(back.resource).toBe('quote');
					expect(back.record).not.toHaveProperty('QuoteNumber');
					expect(back.record).not.toHaveProperty('Date');
					expect(comparable(back.record)).toEqual(comparable(original));
				},
			),
			{ numRuns: 150 },
		);
	});
});

describe('quote: CRM quote sent first', () => {
	const product = { id: '14x1', productname: 'Desk', productcode: 'DESK', cf_xero_item_id: 'item-1', cf_xero_sales_account: '200' };
	const account = { id: '11x5', accountname: 'ABC Furniture', cf_xero_contact_id: 'c0ffee00-0000-4000-8000-000000000001', bill_street: '1 Main St', ship_street: '1 Main St' };
	const resolved = { records: { '14x1': product, '11x5': account } };
	const crmQuote: CrmRecord = {
		id: '4x131',
		quote_no: 'QUO1',
		subject: 'Office fit-out',
		quotestage: 'Delivered',
		validtill: '2026-12-31',
		account_id: '11x5',
		createdtime: '2026-11-21 11:50:48',
		conversion_rate: '1.000',
		terms_conditions: 'Net 30',
		cf_xero_invoice_id: 'draft-invoice-id',
		LineItems: [{ productid: '14x1', quantity: '2.000', listprice: '100.50000000', comment: 'Oak desks', discount_percent: '0.000' }],
	};

	it('becomes a Xero quote numbered like the CRM, dated the day it was made, with its stage as status', () => {
		const result = crmToXero('Quotes', crmQuote, { resolved }, 'quote');
		expect(result.errors).toEqual([]);
		expect(result).toMatchObject({ resource: 'quote', crmId: '4x131' });
		expect(result.record).toEqual({
			QuoteNumber: 'QUO1',
			Title: 'Office fit-out',
			Terms: 'Net 30',
			Contact: { ContactID: account.cf_xero_contact_id },
			Date: '2026-11-21',
			ExpiryDate: '2026-12-31',
			Status: 'SENT',
			LineItems: [{ ItemCode: 'DESK', Description: 'Oak desks', Quantity: 2, UnitAmount: 100.5, AccountCode: '200' }],
		});
		// The same CRM quote still maps to its draft invoice for Send invoice (examples/quotes-to-xero-draft-invoices.json).
		expect(crmToXero('Quotes', crmQuote, { resolved })).toMatchObject({ resource: 'invoice', record: { InvoiceID: 'draft-invoice-id', Type: 'ACCREC' } });
		expect(xeroResourceOf('Quotes')).toBe('invoice');
	});

	it('comes back from Xero as the same CRM quote (found by quote_no), and keeps INVOICED while the stage is untouched', async () => {
		const sent = crmToXero('Quotes', crmQuote, { resolved }, 'quote').record;
		const inXero = { ...sent, QuoteID: 'q-1', Status: 'INVOICED', Contact: { ContactID: account.cf_xero_contact_id, Name: 'ABC Furniture' } };
		const crm = new MemoryCrm([account, product, ...CURRENCIES], PREFIXES);
		const [toCrm] = await mapBatch(1, (_, r) => xeroToCrm('quote', inXero, { resolved: r }), crm);
		expect(toCrm.errors).toEqual([]);
		expect(toCrm.match).toContainEqual({ field: 'quote_no', value: 'QUO1' });
		expect(toCrm.fields).toMatchObject({ subject: 'Office fit-out', quotestage: 'Accepted', validtill: '2026-12-31', account_id: '11x5', cf_xero_quote_status: 'INVOICED' });
		expect(toCrm.lineItems).toEqual([{ productid: '14x1', quantity: 2, listprice: 100.5, comment: 'Oak desks' }]);
		const linked = { ...crmQuote, quotestage: 'Accepted', cf_xero_quote_id: 'q-1', cf_xero_quote_status: 'INVOICED' };
		expect(crmToXero('Quotes', linked, { resolved }, 'quote').record).toMatchObject({ QuoteID: 'q-1', Status: 'INVOICED' });
		// A stage changed in the CRM wins over the status Xero last reported.
		expect(crmToXero('Quotes', { ...linked, quotestage: 'Rejected' }, { resolved }, 'quote').record).toMatchObject({ Status: 'DECLINED' });
	});

	it('maps every stage both ways, and says what is missing', () => {
		expect(['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'INVOICED', 'DELETED'].map(quoteStageOf)).toEqual(['Created', 'Delivered', 'Accepted', 'Rejected', 'Accepted', 'Rejected']);
		const noAccount = crmToXero('Quotes', { ...crmQuote, account_id: '' }, { resolved }, 'quote');
		expect(noAccount.errors.join(' ')).toMatch(/CRM quote QUO1 has no organisation/);
		const odd = crmToXero('Quotes', { ...crmQuote, quotestage: 'On Hold' }, { resolved }, 'quote');
		expect(odd.record).not.toHaveProperty('Status');
		expect(odd.warnings.join(' ')).toMatch(/"On Hold" has no Xero status/);
	});
});
