import type { IDataObject } from 'n8n-workflow';
import { DEMO_IDS } from '../../sandbox/vtiger';
import { editRecord } from './plant';
import { runSync, stats } from '../xeroSync/support';
import { crmRecords, crmWrites, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * examples/crm-quotes-to-xero-quotes.json and examples/xero-quotes-to-crm-quotes.json (issue 17 item 3): a CRM quote
 * becomes a Xero quote with its lines and stage as status, linked both ways (cf_xero_quote_id, QuoteNumber = quote_no);
 * a Xero quote becomes a CRM quote; second runs write nothing; the quote's draft-invoice link is left alone.
 */
const TO_XERO = 'crm-quotes-to-xero-quotes.json';
const TO_CRM = 'xero-quotes-to-crm-quotes.json';
const SEND = 'Send quote to Xero';
const UPSERT = 'Upsert quotes in CRM';

describe('flow: CRM quotes ↔ Xero quotes', () => {
	const sandboxes = sandboxesForEachTest();

	const crmQuote = () => crmRecords(sandboxes.crm, 'Quotes').find((row) => row.id === DEMO_IDS.quotes.cityAgency) ?? {};

	it('sends the CRM quote as a Xero quote, linked both ways; a second run writes nothing; a stage change follows', async () => {
		const workflow = loadExample(TO_XERO);
		const first = await runFlow(sandboxes, workflow);
		expect(first.errors(SEND).map((item) => item.json.message)).toEqual([]);
		expect(first.logged()).toEqual([]);
		const quotes = xeroStored(sandboxes.xero, 'quotes');
		expect(quotes).toHaveLength(1);
		const quote = crmQuote();
		const xero = quotes[0];
		expect(quote).toMatchObject({ cf_xero_quote_id: xero.QuoteID, cf_xero_quote_status: 'SENT', cf_xero_invoice_id: '' });
		expect(xero).toMatchObject({ QuoteNumber: quote.quote_no, Title: 'Agency merchandise', Status: 'SENT', CurrencyCode: 'USD', SubTotal: 1260 });
		expect((xero.LineItems as IDataObject[]).map((line) => [line.Description, line.Quantity, line.UnitAmount, line.AccountCode])).toEqual([
			['T-Shirt Large Black', 20, 38, '200'],
			[expect.any(String), 1, 500, '200'],
		]);

		const xeroWrites = stats(sandboxes.xero).writes;
		const before = crmWrites(sandboxes.crm);
		sandboxes.crm.clock.advance(60);
		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.logged()).toEqual([]);
		expect(second.main(SEND).map((item) => item.json.syncResult)).toEqual(['Unchanged']);
		expect(xeroStored(sandboxes.xero, 'quotes')).toHaveLength(1);
		expect(stats(sandboxes.xero).writes).toBe(xeroWrites);
		expect(crmWrites(sandboxes.crm) - before).toBe(0);

		// Accepted in the CRM: the Xero quote follows, and the CRM keeps the new status.
		sandboxes.crm.clock.advance(60);
		editRecord(sandboxes.crm, DEMO_IDS.quotes.cityAgency, { quotestage: 'Accepted' });
		const third = await runFlow(sandboxes, workflow, second.staticData);
		expect(third.logged()).toEqual([]);
		expect(third.main(SEND).map((item) => item.json.syncResult)).toEqual(['Updated']);
		expect(xeroStored(sandboxes.xero, 'quotes')[0]).toMatchObject({ Status: 'ACCEPTED' });
		expect(crmQuote()).toMatchObject({ cf_xero_quote_status: 'ACCEPTED' });
	});

	it('the draft-invoice example still runs on the same quote, and the two links stay apart', async () => {
		await runFlow(sandboxes, loadExample(TO_XERO));
		const drafts = await runFlow(sandboxes, loadExample('quotes-to-xero-draft-invoices.json'));
		expect(drafts.logged()).toEqual([]);
		const quote = crmQuote();
		expect(quote.cf_xero_invoice_id).toBeTruthy();
		expect(quote.cf_xero_quote_id).toBe(xeroStored(sandboxes.xero, 'quotes')[0].QuoteID);
		expect(xeroStored(sandboxes.xero, 'invoices').some((invoice) => invoice.InvoiceID === quote.cf_xero_invoice_id)).toBe(true);
	});

	it('brings Xero quotes into the CRM, the CRM\'s own one matched by its link, new ones created with their lines (and a missing organisation); a second run writes nothing', async () => {
		const toXero = await runFlow(sandboxes, loadExample(TO_XERO));
		const sent = xeroStored(sandboxes.xero, 'quotes')[0];
		const contactId = String(sent.ContactID);
		const made = await runSync(
			sandboxes.xero,
			{ resource: 'quote', operation: 'send', inputMode: 'json' },
			[
				{
					Contact: { ContactID: contactId },
					QuoteNumber: 'QU-7001',
					Title: 'Second batch',
					Date: '2026-11-20',
					ExpiryDate: '2026-12-20',
					Status: 'ACCEPTED',
					CurrencyCode: 'USD',
					LineItems: [{ Description: 'Hoodies, embroidered', Quantity: 5, UnitAmount: 55, AccountCode: '200' }],
				},
				// A contact the CRM does not have: the upsert creates the organisation first.
				{
					Contact: { Name: 'Brand New Prospect Ltd' },
					QuoteNumber: 'QU-7002',
					Title: 'First order',
					Date: '2026-11-21',
					LineItems: [{ Description: 'Caps', Quantity: 10, UnitAmount: 12, AccountCode: '200' }],
				},
			],
		);
		expect(made.errors).toEqual([]);
		const quotesBefore = crmRecords(sandboxes.crm, 'Quotes').length;

		const workflow = loadExample(TO_CRM);
		const first = await runFlow(sandboxes, workflow);
		expect(first.errors(UPSERT).map((item) => item.json.message)).toEqual([]);
		expect(first.logged()).toEqual([]);
		const quotes = crmRecords(sandboxes.crm, 'Quotes');
		expect(quotes).toHaveLength(quotesBefore + 2);
		expect(quotes.filter((row) => row.cf_xero_quote_id === sent.QuoteID).map((row) => row.id)).toEqual([DEMO_IDS.quotes.cityAgency]);
		const created = quotes.find((row) => row.cf_xero_quote_id === made.main[0].json.QuoteID) ?? {};
		expect(created).toMatchObject({
			subject: 'Second batch',
			quotestage: 'Accepted',
			cf_xero_quote_status: 'ACCEPTED',
			validtill: '2026-12-20',
			account_id: crmQuote().account_id,
		});
		const prospect = crmRecords(sandboxes.crm, 'Accounts').find((row) => row.accountname === 'Brand New Prospect Ltd') ?? {};
		expect(quotes.find((row) => row.cf_xero_quote_id === made.main[1].json.QuoteID)).toMatchObject({
			subject: 'First order',
			quotestage: 'Created',
			account_id: prospect.id,
		});
		expect((created.LineItems as IDataObject[]).map((line) => [Number(line.quantity), Number(line.listprice), line.comment])).toEqual([[5, 55, 'Hoodies, embroidered']]);

		const before = crmWrites(sandboxes.crm);
		sandboxes.xero.advanceClock(60_000);
		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.logged()).toEqual([]);
		expect(crmRecords(sandboxes.crm, 'Quotes')).toHaveLength(quotesBefore + 2);
		expect(crmWrites(sandboxes.crm) - before).toBe(0);

		// No ping-pong: what Xero → CRM wrote goes back to Xero as Unchanged, and the created quote is found by its link.
		const xeroWrites = stats(sandboxes.xero).writes;
		sandboxes.crm.clock.advance(60);
		const back = await runFlow(sandboxes, loadExample(TO_XERO), toXero.staticData);
		expect(back.logged()).toEqual([]);
		expect(back.main(SEND).map((item) => item.json.syncResult)).toEqual(['Unchanged', 'Unchanged', 'Unchanged']);
		expect(stats(sandboxes.xero).writes).toBe(xeroWrites);
		expect(xeroStored(sandboxes.xero, 'quotes')).toHaveLength(3);
	});
});
