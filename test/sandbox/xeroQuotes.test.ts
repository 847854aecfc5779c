import { contactIdByName, signedInSandbox } from './support';

type Rec = Record<string, unknown>;

describe('Xero sandbox: quotes', () => {
	let abcId: string;
	const sandbox = signedInSandbox({ data: 'demo', validate: true }, { ready: (started) => (abcId = contactIdByName(started, 'ABC Furniture')) });

	const line = { Description: 'Consulting', Quantity: 2, UnitAmount: 100, AccountCode: '200' };

	it('creates quotes, numbering them, pricing lines like invoices, and reads one back', async () => {
		const created = await sandbox.api.put<{ Quotes: Rec[] }>('/Quotes', { Quotes: [{ Contact: { ContactID: abcId }, Date: '2026-11-01', ExpiryDate: '2026-11-30', LineItems: [line] }] });
		expect(created.status).toBe(200);
		const quote = created.json.Quotes[0];
		expect(quote).toMatchObject({ Status: 'DRAFT', LineAmountTypes: 'EXCLUSIVE', SubTotal: 200, DateString: '2026-11-01T00:00:00' });
		expect(quote.QuoteNumber).toMatch(/^QU-\d{4}$/);
		const one = await sandbox.api.get<{ Quotes: Rec[] }>(`/Quotes/${String(quote.QuoteID)}`);
		expect(one.status).toBe(200);
		expect(one.json.Quotes[0].QuoteNumber).toBe(quote.QuoteNumber);
	});

	it('refuses a quote without Contact or Date, and a taken number, per element', async () => {
		await sandbox.api.put('/Quotes', { Quotes: [{ QuoteNumber: 'Q-TAKEN', Contact: { ContactID: abcId }, Date: '2026-11-02', LineItems: [line] }] });
		const result = await sandbox.api.put<{ Quotes: Rec[] }>('/Quotes?summarizeErrors=false', {
			Quotes: [
				{ LineItems: [line], Date: '2026-11-02' },
				{ Contact: { ContactID: abcId }, LineItems: [line] },
				{ QuoteNumber: 'q-taken', Contact: { ContactID: abcId }, Date: '2026-11-02', LineItems: [line] },
				{ QuoteNumber: 'Q-OK', Contact: { ContactID: abcId }, Date: '2026-11-02', LineItems: [line] },
			],
		});
		expect(result.status).toBe(200);
		const messages = result.json.Quotes.map((quote) => ((quote.ValidationErrors as Rec[] | undefined) ?? []).map((error) => error.Message).join(' '));
		expect(messages[0]).toMatch(/Contact must be specified/);
		expect(messages[1]).toMatch(/Date is required/);
		expect(messages[2]).toMatch(/must be unique/);
		expect(result.json.Quotes[3].StatusAttributeString).toBe('OK');
		const summarized = await sandbox.api.put<Rec>('/Quotes', { Quotes: [{ Contact: { ContactID: abcId }, LineItems: [line] }] });
		expect(summarized.status).toBe(400);
	});

	it('updates by QuoteNumber on POST and filters lists by the yaml parameters', async () => {
		const updated = await sandbox.api.post<{ Quotes: Rec[] }>('/Quotes', { Quotes: [{ QuoteNumber: 'Q-OK', Status: 'SENT' }] });
		expect(updated.status).toBe(200);
		expect(updated.json.Quotes[0]).toMatchObject({ QuoteNumber: 'Q-OK', Status: 'SENT' });
		const sent = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes?Status=SENT');
		expect(sent.json.Quotes.map((quote) => quote.QuoteNumber)).toEqual(['Q-OK']);
		const byNumber = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes?QuoteNumber=Q-TAKEN');
		expect(byNumber.json.Quotes).toHaveLength(1);
		const dated = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes?DateFrom=2026-11-02&DateTo=2026-11-02');
		expect(dated.json.Quotes).toHaveLength(2);
		const byContact = await sandbox.api.get<{ Quotes: Rec[] }>(`/Quotes?ContactID=${abcId}&page=1`);
		expect(byContact.json.Quotes).toHaveLength(3);
	});

	it('orders by the order parameter and reads changes since If-Modified-Since', async () => {
		const ordered = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes?QuoteNumber=Q-OK&order=UpdatedDateUTC%20DESC');
		expect(ordered.status).toBe(200);
		const all = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes?order=QuoteNumber%20DESC');
		const numbers = all.json.Quotes.map((quote) => String(quote.QuoteNumber));
		expect(numbers).toEqual([...numbers].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1)));
		const future = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes', { 'If-Modified-Since': 'Thu, 01 Jan 2099 00:00:00 GMT' });
		expect(future.json.Quotes).toHaveLength(0);
	});

	it('refuses DRAFT → DECLINED and ACCEPTED → DECLINED, as Xero does (XeroAPI/xero-mcp-server#309), and allows SENT → DECLINED', async () => {
		const made = await sandbox.api.put<{ Quotes: Rec[] }>('/Quotes', {
			Quotes: [
				{ QuoteNumber: 'T-DRAFT', Contact: { ContactID: abcId }, Date: '2026-11-03', LineItems: [line] },
				{ QuoteNumber: 'T-ACC', Contact: { ContactID: abcId }, Date: '2026-11-03', LineItems: [line], Status: 'ACCEPTED' },
				{ QuoteNumber: 'T-SENT', Contact: { ContactID: abcId }, Date: '2026-11-03', LineItems: [line], Status: 'SENT' },
			],
		});
		expect(made.status).toBe(200);
		const declined = await sandbox.api.post<{ Quotes: Rec[] }>('/Quotes?summarizeErrors=false', {
			Quotes: ['T-DRAFT', 'T-ACC', 'T-SENT'].map((QuoteNumber) => ({ QuoteNumber, Status: 'DECLINED' })),
		});
		const messages = declined.json.Quotes.map((quote) => ((quote.ValidationErrors as Rec[] | undefined) ?? []).map((error) => error.Message).join(' '));
		expect(messages[0]).toBe('A DRAFT quote cannot be declined; mark it SENT first.');
		expect(messages[1]).toBe('An ACCEPTED quote cannot be declined; mark it SENT first.');
		expect(declined.json.Quotes[2]).toMatchObject({ Status: 'DECLINED', StatusAttributeString: 'OK' });
	});

	it('pages at a fixed 100', async () => {
		const many = Array.from({ length: 101 }, (_v, i) => ({ Contact: { ContactID: abcId }, Date: '2026-12-01', QuoteNumber: `P-${i}`, LineItems: [line] }));
		expect((await sandbox.api.put('/Quotes', { Quotes: many })).status).toBe(200);
		const first = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes?DateFrom=2026-12-01&page=1');
		const second = await sandbox.api.get<{ Quotes: Rec[] }>('/Quotes?DateFrom=2026-12-01&page=2');
		expect(first.json.Quotes).toHaveLength(100);
		expect(second.json.Quotes).toHaveLength(1);
	});
});
