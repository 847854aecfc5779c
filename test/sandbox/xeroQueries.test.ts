import { startXeroSandbox } from '../../sandbox/xero';
import { compileWhere } from '../../sandbox/xero/accounting/where';
import { apiClient } from '../../sandbox/xero/testing/apiClient';
import { signedInSandbox, type SignedInSandbox } from './support';

type Rec = Record<string, unknown>;
const q = (text: string) => encodeURIComponent(text);

describe('where expressions', () => {
	const invoice = { Status: 'AUTHORISED', Total: 150.5, Type: 'ACCREC', Date: `/Date(${Date.UTC(2026, 9, 1)}+0000)/`, Contact: { ContactID: 'AB12CD34-0000-4000-8000-000000000001', Name: 'Bayside Club' }, IsDiscounted: false, Reference: null };

	it.each([
		['Status=="AUTHORISED"', true],
		['Status == "authorised"', true],
		['Status!="AUTHORISED"', false],
		['Total>150', true],
		['Total>=150.5 AND Total<=150.5', true],
		['Total<100 OR Type=="ACCREC"', true],
		['Total<100 || Type=="ACCPAY"', false],
		['(Total<100 OR Total>150) && Status=="AUTHORISED"', true],
		['NOT (Status=="DRAFT")', true],
		['Contact.ContactID==Guid("ab12cd34-0000-4000-8000-000000000001")', true],
		['contact.contactid==guid("AB12CD34-0000-4000-8000-000000000001")', true],
		['status=="AUTHORISED" and total>100', true],
		['date>=datetime(2026,10,1)', true],
		['Contact.Name.contains("SIDE")', true],
		['Contact.Name.Contains("side")', true],
		['Contact.Name.StartsWith("bay")', true],
		['Contact.Name.EndsWith("Club")', true],
		['Contact.Name.ToLower()=="bayside club"', true],
		['Date>=DateTime(2026,10,01)', true],
		['Date>DateTime(2026,10,01)', false],
		['Date<DateTime(2026, 10, 2, 0, 0, 0)', true],
		['Date==DateTime.Parse("2026-10-01")', true],
		['IsDiscounted==false', true],
		['IsDiscounted==true', false],
		['Reference==null', true],
		['Reference!=null', false],
		['Missing==null', true],
	])('%s -> %s', (expression, expected) => {
		expect(compileWhere(expression)(invoice)).toBe(expected);
	});

	it('reads literals as Dynamic LINQ does: "" is a quote, a backslash is ordinary, \\" ends the literal', () => {
		const record = { Name: 'Bat "QUOTE" Man', Code: 'A\\B\\' };
		expect(compileWhere('Name=="Bat ""QUOTE"" Man"')(record)).toBe(true);
		expect(compileWhere('Code=="A\\B\\"')(record)).toBe(true);
		expect(() => compileWhere('Name=="Bat \\"QUOTE\\" Man"')).toThrow();
		expect(() => compileWhere('Name==\'ab\'')).toThrow(/Character literal must contain exactly one character/);
	});

	// Issue 11: the sandbox reads where and order as Xero's Dynamic LINQ does, with the record's .NET type.
	it.each([
		['Contact', 'Nmae=="x"', "No property or field 'Nmae' exists in type 'Contact'"],
		['Invoice', 'Contact.Nmae=="x"', "No property or field 'Nmae' exists in type 'Contact'"],
		['Contact', 'IsCustomer=="true"', "Operator '==' incompatible with operand types 'Boolean' and 'String'"],
		['Invoice', 'Total>"100"', "Operator '>' incompatible with operand types 'Decimal' and 'String'"],
		['Invoice', 'Date>="2026-01-01"', "Operator '>=' incompatible with operand types 'DateTime' and 'String'"],
		['Invoice', 'Contact.ContactID=="ab12cd34-0000-4000-8000-000000000001"', "Operator '==' incompatible with operand types 'Guid' and 'String'"],
		['Invoice', 'InvoiceID==Guid("not-a-guid")', 'Guid should contain 32 digits'],
		['Invoice', 'Total.Contains("1")', "No applicable method 'Contains' exists in type 'Decimal'"],
	])('on %s refuses %s', (type, expression, message) => {
		expect(() => compileWhere(expression, type)).toThrow(message);
	});

	it.each([
		['Contact', 'IsCustomer==true AND Name.StartsWith("a") AND ContactStatus=="ACTIVE"'],
		['Invoice', 'Type=="ACCREC" AND Total>100 AND Date>=DateTime(2026,1,1) AND Contact.ContactID==guid("ab12cd34-0000-4000-8000-000000000001")'],
		['Invoice', 'Reference==null OR (AmountDue>=0.5 AND Status!="PAID")'],
	])('on %s accepts %s', (type, expression) => {
		expect(() => compileWhere(expression, type)).not.toThrow();
	});

	it.each(['Status=="AUTHORISED', 'Status== AND', 'Name.Explode("x")', 'Total > > 1', 'DateTime(2026)'])('refuses %s', (expression) => {
		expect(() => compileWhere(expression)({})).toThrow();
	});
});

describe('Xero sandbox: list queries', () => {
	/** 230 contacts, 50 to a call, so that pages of 100 come to three. */
	async function putContacts({ api }: SignedInSandbox): Promise<void> {
		const contacts = Array.from({ length: 230 }, (_, index) => ({ Name: `Customer ${String(index).padStart(3, '0')}`, ContactNumber: `C${index}`, EmailAddress: `c${index}@example.com` }));
		for (let start = 0; start < contacts.length; start += 50) {
			expect((await api.put('/Contacts', { Contacts: contacts.slice(start, start + 50) })).status).toBe(200);
		}
	}
	const sandbox = signedInSandbox({ data: 'empty', validate: true }, { ready: putContacts });

	it('pages contacts with page/pageSize and a pagination element', async () => {
		const first = await sandbox.api.get<{ Contacts: Rec[]; pagination: Rec }>('/Contacts?page=1&pageSize=100');
		expect(first.json.Contacts).toHaveLength(100);
		expect(first.json.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 3, itemCount: 230 });
		const last = await sandbox.api.get<{ Contacts: Rec[]; pagination: Rec }>('/Contacts?page=3&pageSize=100');
		expect(last.json.Contacts).toHaveLength(30);
		expect(last.json.Contacts[29].Name).toBe('Customer 229');
		const beyond = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts?page=4&pageSize=100');
		expect(beyond.json.Contacts).toHaveLength(0);
		const capped = await sandbox.api.get<{ pagination: Rec }>('/Contacts?page=1&pageSize=5000');
		expect(capped.json.pagination.pageSize).toBe(1000);
		const all = await sandbox.api.get<{ Contacts: Rec[]; pagination?: Rec }>('/Contacts');
		expect(all.json.Contacts).toHaveLength(230);
		expect(all.json.pagination).toBeUndefined();
	});

	it('filters by IDs, searchTerm, where and order', async () => {
		const page = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts?page=1&pageSize=3');
		const ids = page.json.Contacts.map((contact) => String(contact.ContactID));
		const byIds = await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?IDs=${ids.slice(0, 2).join(',')}`);
		expect(byIds.json.Contacts.map((contact) => contact.ContactID)).toEqual(ids.slice(0, 2));
		const search = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts?searchTerm=c12@');
		expect(search.json.Contacts.map((contact) => contact.Name)).toEqual(['Customer 012']);
		const where = await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?where=${q('Name.StartsWith("Customer 22") AND ContactNumber!="C220"')}&order=${q('Name DESC')}`);
		expect(where.json.Contacts.map((contact) => contact.Name)).toEqual(['Customer 229', 'Customer 228', 'Customer 227', 'Customer 226', 'Customer 225', 'Customer 224', 'Customer 223', 'Customer 222', 'Customer 221']);
	});

	it('refuses a query string over 2,048 characters with 404, as Xero does', async () => {
		const at = (length: number) => `/Contacts?where=${q('Name=="')}${'a'.repeat(length - `where=${q('Name=="')}`.length - q('"').length)}${q('"')}`;
		expect(at(2048).length - '/Contacts?'.length).toBe(2048);
		expect((await sandbox.api.get(at(2048))).status).toBe(200);
		const refused = await sandbox.api.get(at(2049));
		expect(refused.status).toBe(404);
	});

	it('refuses a long OR-chain on a high-volume organisation with HighVolumeException', async () => {
		const high = await startXeroSandbox({ data: 'empty', highVolumeThreshold: 100 });
		try {
			const tokens = await high.authorize();
			const client = apiClient({ baseUrl: high.url, accessToken: tokens.access_token, tenantId: high.tenants[0].tenantId });
			const ors = (n: number) => Array.from({ length: n }, (_v, i) => `ContactNumber=="C${i}"`).join(' OR ');
			expect((await client.get(`/Contacts?where=${q(ors(6))}`)).status).toBe(200);
			high.seed({ contacts: 101 });
			expect((await client.get(`/Contacts?where=${q(ors(5))}`)).status).toBe(200);
			const refused = await client.get<Rec>(`/Contacts?where=${q(ors(6))}`);
			expect(refused.status).toBe(400);
			expect(refused.json).toMatchObject({ ErrorNumber: 51, Type: 'HighVolumeException' });
			expect(String(refused.json.Message)).toMatch(/not filtering Contacts efficiently/);
			// OR inside a literal is not an OR.
			expect((await client.get(`/Contacts?where=${q('Name=="a OR b || c or d or e or f or g"')}`)).status).toBe(200);
		} finally {
			await high.close();
		}
	});

	it('refuses an unknown or malformed order, and a where naming an unknown property, with 400', async () => {
		for (const order of ['Nmae', 'Name SIDEWAYS', 'Name DESC extra', 'Addresses', '1Name']) {
			const answer = await sandbox.api.get<Rec>(`/Contacts?order=${q(order)}`);
			expect([order, answer.status]).toEqual([order, 400]);
			expect(answer.json).toMatchObject({ ErrorNumber: 16, Type: 'QueryParseException' });
		}
		expect((await sandbox.api.get(`/Contacts?order=${q('UpdatedDateUTC DESC, name asc')}`)).status).toBe(200);
		const unknown = await sandbox.api.get<Rec>(`/Contacts?where=${q('Nmae=="x"')}`);
		expect(unknown.status).toBe(400);
		expect(unknown.json.Message).toBe("No property or field 'Nmae' exists in type 'Contact'");
	});

	it('answers a where it cannot parse with a QueryParseException', async () => {
		const bad = await sandbox.api.get<Rec>(`/Contacts?where=${q('Name=="unterminated')}`);
		expect(bad.status).toBe(400);
		expect(bad.json).toMatchObject({ ErrorNumber: 16, Type: 'QueryParseException' });
	});

	it('hides archived contacts unless includeArchived=true', async () => {
		const target = (await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?where=${q('Name=="Customer 100"')}`)).json.Contacts[0];
		await sandbox.api.post(`/Contacts/${String(target.ContactID)}`, { Contacts: [{ ContactStatus: 'ARCHIVED' }] });
		expect((await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?where=${q('Name=="Customer 100"')}`)).json.Contacts).toHaveLength(0);
		expect((await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?includeArchived=true&where=${q('Name=="Customer 100"')}`)).json.Contacts).toHaveLength(1);
	});

	it('returns records changed at or after If-Modified-Since, in ISO and HTTP-date form', async () => {
		const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
		await pause();
		const since = new Date();
		await pause();
		const changed = (await sandbox.api.get<{ Contacts: Rec[] }>(`/Contacts?where=${q('Name=="Customer 007"')}`)).json.Contacts[0];
		const updated = await sandbox.api.post<{ Contacts: Rec[] }>(`/Contacts/${String(changed.ContactID)}`, { Contacts: [{ EmailAddress: 'new7@example.com' }] });
		const iso = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts', { 'If-Modified-Since': since.toISOString() });
		expect(iso.json.Contacts.map((contact) => contact.Name)).toEqual(['Customer 007']);
		const stamp = Number(/\d+/.exec(String(updated.json.Contacts[0].UpdatedDateUTC))?.[0]);
		const exact = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts', { 'If-Modified-Since': new Date(stamp).toISOString() });
		expect(exact.json.Contacts).toHaveLength(1);
		const after = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts', { 'If-Modified-Since': new Date(stamp + 1).toISOString() });
		expect(after.json.Contacts).toHaveLength(0);
		// an HTTP date has second precision, so the change made within that second is included
		const httpDate = await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts', { 'If-Modified-Since': new Date(Math.floor(stamp / 1000) * 1000).toUTCString() });
		expect(httpDate.json.Contacts.map((contact) => contact.Name)).toContain('Customer 007');
	});

	describe('invoices', () => {
		let contactIds: string[];

		beforeAll(async () => {
			const contacts = (await sandbox.api.get<{ Contacts: Rec[] }>('/Contacts?page=1&pageSize=2')).json.Contacts;
			contactIds = contacts.map((contact) => String(contact.ContactID));
			const invoices = Array.from({ length: 12 }, (_, index) => ({
				Type: index % 4 === 3 ? 'ACCPAY' : 'ACCREC',
				Contact: { ContactID: contactIds[index % 2] },
				Status: index % 3 === 0 ? 'AUTHORISED' : 'DRAFT',
				Reference: `REF-${index}`,
				Date: `2026-10-${String(index + 1).padStart(2, '0')}`,
				DueDate: '2026-11-30',
				LineItems: [{ Description: `Line ${index}`, Quantity: 1, UnitAmount: 10 * (index + 1), AccountCode: '200' }],
			}));
			expect((await sandbox.api.put('/Invoices', { Invoices: invoices })).status).toBe(200);
		});

		it('leaves line items out of unpaged lists and includes them when paged or fetched by id', async () => {
			const unpaged = await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices');
			expect(unpaged.json.Invoices).toHaveLength(12);
			expect(unpaged.json.Invoices[0].LineItems).toBeUndefined();
			const paged = await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices?page=1');
			expect((paged.json.Invoices[0].LineItems as Rec[]).length).toBe(1);
			const one = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(paged.json.Invoices[0].InvoiceID)}`);
			expect((one.json.Invoices[0].LineItems as Rec[]).length).toBe(1);
		});

		it('filters by Statuses, ContactIDs, InvoiceNumbers, searchTerm, and where on dates and the contact', async () => {
			const authorised = await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices?Statuses=AUTHORISED');
			expect(authorised.json.Invoices).toHaveLength(4);
			const byContact = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices?ContactIDs=${contactIds[1]}&Statuses=DRAFT,AUTHORISED`);
			expect(byContact.json.Invoices).toHaveLength(6);
			const numbers = authorised.json.Invoices.filter((invoice) => invoice.Type === 'ACCREC').map((invoice) => String(invoice.InvoiceNumber));
			const byNumber = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices?InvoiceNumbers=${numbers.join(',')}`);
			expect(byNumber.json.Invoices.map((invoice) => invoice.InvoiceNumber)).toEqual(numbers);
			const search = await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices?searchTerm=ref-1');
			expect(search.json.Invoices.map((invoice) => invoice.Reference)).toEqual(['REF-1', 'REF-10', 'REF-11']);
			const where = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices?where=${q(`Type=="ACCREC" AND Date>=DateTime(2026,10,10) AND Contact.ContactID==Guid("${contactIds[0]}")`)}&order=${q('Date DESC')}`);
			expect(where.json.Invoices.map((invoice) => invoice.Reference)).toEqual(['REF-10']);
			const ordered = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices?order=${q('Total DESC')}&page=1&pageSize=3`);
			expect(ordered.json.Invoices.map((invoice) => invoice.Total)).toEqual([138, 126.5, 115]);
		});

		it('hides DELETED invoices unless asked for', async () => {
			const draft = (await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices?Statuses=DRAFT&page=1')).json.Invoices[0];
			await sandbox.api.post(`/Invoices/${String(draft.InvoiceID)}`, { Invoices: [{ Status: 'DELETED' }] });
			expect((await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices')).json.Invoices).toHaveLength(11);
			expect((await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices?Statuses=DELETED')).json.Invoices).toHaveLength(1);
			expect((await sandbox.api.get<{ Invoices: Rec[] }>('/Invoices?includeArchived=true')).json.Invoices).toHaveLength(12);
		});
	});

	it('filters accounts, tax rates and currencies with where', async () => {
		const banks = await sandbox.api.get<{ Accounts: Rec[] }>(`/Accounts?where=${q('Status=="ACTIVE" AND Type=="BANK"')}`);
		expect(banks.json.Accounts.map((account) => account.Code)).toEqual(['090', '091']);
		const rates = await sandbox.api.get<{ TaxRates: Rec[] }>(`/TaxRates?where=${q('EffectiveRate>0')}`);
		expect(rates.json.TaxRates.map((rate) => rate.TaxType)).toEqual(['OUTPUT2', 'INPUT2']);
		const currencies = await sandbox.api.get<{ Currencies: Rec[] }>(`/Currencies?where=${q('Code=="USD"')}`);
		expect(currencies.json.Currencies).toEqual([{ Code: 'USD', Description: 'United States Dollar' }]);
		const org = await sandbox.api.get<{ Organisations: Rec[] }>('/Organisation');
		expect(org.json.Organisations[0]).toMatchObject({ Name: 'Demo Company (NZ)', BaseCurrency: 'NZD', CountryCode: 'NZ', OrganisationStatus: 'ACTIVE' });
	});
});
