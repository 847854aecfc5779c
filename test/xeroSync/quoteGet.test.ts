import { entry, quoteJson, runSync, sandboxForBlock, sendAll, stats } from './support';

const get = (extra: Record<string, unknown> = {}) => ({ resource: 'quote', operation: 'get', ...extra });

describe('Get quotes from Xero', () => {
	// 230 quotes: three of getQuotes' fixed pages of 100; every fifth SENT, dated across two days.
	const quotes = Array.from({ length: 230 }, (_, i) => quoteJson(i, { Status: i % 5 === 0 ? 'SENT' : 'DRAFT', Date: i < 200 ? '2026-11-01' : '2026-11-02' }));
	const xero = sandboxForBlock({ data: 'empty' }, { ready: (xero) => sendAll(xero, 'quote', quotes) });

	it('reads every quote in pages of 100, asking no pageSize and no where', async () => {
		xero.resetStats();
		const run = await runSync(xero, get({ getMode: 'many', returnAll: true }), [{}]);
		expect(run.main).toHaveLength(230);
		// getQuotes answers no page count, so the pages after the first are read ahead (PAGES_IN_FLIGHT) up to the short one.
		expect(stats(xero).byPath['GET /Quotes']).toBeLessThanOrEqual(3 + 4);
		expect(new Set(run.main.map((item) => item.json.QuoteID)).size).toBe(230);
		expect(run.main[0].json.LineItems).toHaveLength(2);
		expect(String(run.main[0].json.Date)).toMatch(/^2026-11-0\dT/);
	});

	it('filters by status, contact and date with getQuotes\' own parameters, and honours a limit', async () => {
		const sent = await runSync(xero, get({ getMode: 'many', returnAll: true, filters: { status: 'SENT' } }), [{}]);
		expect(sent.main).toHaveLength(46);
		expect(sent.main.every((item) => item.json.Status === 'SENT')).toBe(true);

		const contactId = String((sent.main[0].json.Contact as { ContactID: string }).ContactID);
		const contact = String((sent.main[0].json.Contact as { Name: string }).Name);
		const ofContact = await runSync(xero, get({ getMode: 'many', returnAll: true, filters: { contactId } }), [{}]);
		expect(ofContact.main.length).toBeGreaterThan(70);
		expect(ofContact.main.every((item) => (item.json.Contact as { Name: string }).Name === contact)).toBe(true);

		const dated = await runSync(xero, get({ getMode: 'many', returnAll: true, filters: { dateFrom: '2026-11-02', dateTo: '2026-11-02' } }), [{}]);
		expect(dated.main).toHaveLength(30);

		xero.resetStats();
		const limited = await runSync(xero, get({ getMode: 'many', returnAll: false, limit: 7 }), [{}]);
		expect(limited.main).toHaveLength(7);
		expect(stats(xero).calls).toBe(1);
	});

	it('gets one quote by QuoteID or by quote number, and says which one is missing', async () => {
		const byNumber = await runSync(xero, get({ getMode: 'one', recordId: 'QUO42' }), [{}]);
		expect(byNumber.main[0].json).toMatchObject({ QuoteNumber: 'QUO42', Title: 'Fit-out 41' });
		const byId = await runSync(xero, get({ getMode: 'one', recordId: String(byNumber.main[0].json.QuoteID) }), [{}]);
		expect(byId.main[0].json).toMatchObject({ QuoteNumber: 'QUO42' });
		const missing = await runSync(xero, get({ getMode: 'one', recordId: 'QUO-NOPE' }), [{}]);
		expect(entry(missing.errors[0])).toMatchObject({ code: 'NOT_FOUND', action: 'Get Quotes' });
		expect(String(entry(missing.errors[0]).message)).toMatch(/No quote with QuoteID or Quote Number "QUO-NOPE"/);
	});

	it('delivers changes since the last run once each, with If-Modified-Since and no pageSize', async () => {
		const first = await runSync(xero, get({ getMode: 'changedSince' }), [{}]);
		expect(first.main).toHaveLength(230);
		const quiet = await runSync(xero, get({ getMode: 'changedSince' }), [{}], { staticData: first.staticData });
		expect(quiet.main).toHaveLength(0);

		xero.advanceClock(60_000);
		const update = await runSync(xero, { resource: 'quote', operation: 'send', inputMode: 'json', duplicateHandling: 'update' }, [quoteJson(3, { Status: 'SENT' })]);
		expect(update.main[0].json).toMatchObject({ syncResult: 'Updated' });
		const changed = await runSync(xero, get({ getMode: 'changedSince' }), [{}], { staticData: quiet.staticData });
		expect(changed.main.map((item) => item.json.QuoteNumber)).toEqual(['QUO4']);
	});

	it('refuses several statuses at once, naming the fix', async () => {
		const run = await runSync(xero, get({ getMode: 'many', returnAll: true, filters: { status: ['SENT', 'DRAFT'] } }), [{}]);
		expect(entry(run.errors[0])).toMatchObject({ code: 'BAD_FILTER' });
		expect(String(entry(run.errors[0]).message)).toMatch(/one status at a time.*SENT, DRAFT/);
	});
});
