import { DEMO_IDS } from '../../sandbox/vtiger';
import { callsTo, crmForBlock, failureOf, fromXero, runCrm } from './workflow';

/**
 * Xero quotes → CRM Quotes (upsert, auto-mapped). Xero Record Type "From the Module" takes a record with a QuoteID
 * as a quote, though Quotes' own default is a draft invoice; the link is cf_xero_quote_id, the draft's stays apart.
 */
const crm = crmForBlock();

const calls = callsTo(crm);

const quote = {
	QuoteID: '9a1c2b3d-0000-4000-8000-000000000001',
	QuoteNumber: 'QU-0042',
	Title: 'Merchandise reorder',
	Status: 'DECLINED',
	Date: '2026-11-10T00:00:00',
	ExpiryDate: '2026-12-10T00:00:00',
	Terms: 'Valid 30 days',
	CurrencyCode: 'USD',
	Contact: { ContactID: '5b3c6a2e-0000-4000-8000-0000000000aa', Name: 'City Agency' },
	LineItems: [{ ItemCode: 'TSHIRT', Description: 'T-shirts, black', Quantity: 12, UnitAmount: 38 }],
};
const upsert = fromXero('upsert', 'Quotes');

describe('Xero quotes → CRM Quotes', () => {
	test('creates the quote with its lines, stage and link, found by its organisation name; a second run writes nothing', async () => {
		const before = crm.records('Quotes').length;
		const { main, errors } = await runCrm(crm, upsert, [quote]);
		expect(errors.map((item) => failureOf(item)?.message)).toEqual([]);
		expect(main[0].json).toMatchObject({
			subject: 'Merchandise reorder',
			quotestage: 'Rejected',
			cf_xero_quote_id: quote.QuoteID,
			cf_xero_quote_status: 'DECLINED',
			cf_xero_invoice_id: '',
			account_id: DEMO_IDS.accounts.cityAgency,
			validtill: '2026-12-10',
			terms_conditions: 'Valid 30 days',
		});
		expect(crm.records('Quotes').length).toBe(before + 1);
		const stored = crm.records('Quotes').find((row) => row.id === main[0].json.id) ?? {};
		expect((stored.LineItems as Array<Record<string, unknown>>).map((line) => [line.productid, Number(line.quantity), Number(line.listprice), line.comment])).toEqual([
			[DEMO_IDS.products.tshirt, 12, 38, 'T-shirts, black'],
		]);

		const writes = calls('create') + calls('revise');
		const again = await runCrm(crm, upsert, [quote]);
		expect(again.errors).toHaveLength(0);
		expect(again.main[0].json.id).toBe(main[0].json.id);
		expect(calls('create') + calls('revise')).toBe(writes);
	});

	test('a Xero quote the CRM sent first is found by its quote number and linked', async () => {
		const own = crm.records('Quotes').find((row) => row.id === DEMO_IDS.quotes.cityAgency) ?? {};
		const { main, errors } = await runCrm(crm, upsert, [
			{ ...quote, QuoteID: '9a1c2b3d-0000-4000-8000-000000000002', QuoteNumber: String(own.quote_no), Title: String(own.subject), Status: 'SENT' },
		]);
		expect(errors).toHaveLength(0);
		expect(main[0].json).toMatchObject({ id: DEMO_IDS.quotes.cityAgency, cf_xero_quote_id: '9a1c2b3d-0000-4000-8000-000000000002', quotestage: 'Delivered' });
	});
});
