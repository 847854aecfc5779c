import fc from 'fast-check';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { apiClient, type ApiClient } from '../../sandbox/xero/testing/apiClient';

type Rec = Record<string, unknown>;

const text = fc.oneof(
	{ arbitrary: fc.string({ maxLength: 40 }), weight: 8 },
	{ arbitrary: fc.string({ minLength: 250, maxLength: 5000 }), weight: 1 },
	{ arbitrary: fc.constantFrom('', ' ', '"; DROP TABLE', '<script>', '🎉 Ünïcödé', 'null', '../../etc'), weight: 3 },
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const amount = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -5, max: 1000 }));
const date = fc.oneof(fc.constantFrom('2026-11-01', '2026-02-30', '31/12/2026', '/Date(1790812800000+0000)/', 'yesterday', '0000-00-00', '2026-11-01T10:00:00'), fc.string({ maxLength: 12 }));
const line = fc.record(
	{ Description: maybe(text), Quantity: maybe(amount), UnitAmount: maybe(amount), AccountCode: maybe(fc.constantFrom('200', '999', '090', '499', '310', '')), ItemCode: maybe(fc.constantFrom('BOOK', 'NOPE', 'DESK')), TaxType: maybe(fc.constantFrom('OUTPUT2', 'NONE', 'BOGUS')), DiscountRate: maybe(fc.integer({ min: -10, max: 120 })) },
	{ requiredKeys: [] },
);
const invoice = fc.record(
	{
		Type: maybe(fc.constantFrom('ACCREC', 'ACCPAY', 'ACCRECCREDIT')),
		Contact: maybe(fc.oneof(fc.record({ Name: text }), fc.record({ ContactID: fc.uuid() }), fc.constant({}))),
		Status: maybe(fc.constantFrom('DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED')),
		CurrencyCode: maybe(fc.constantFrom('NZD', 'USD', 'GBP', 'JPY')),
		LineAmountTypes: maybe(fc.constantFrom('Exclusive', 'Inclusive', 'NoTax')),
		InvoiceNumber: maybe(text),
		Reference: maybe(text),
		Date: maybe(date),
		DueDate: maybe(date),
		LineItems: maybe(fc.array(line, { maxLength: 4 })),
	},
	{ requiredKeys: [] },
);
const contact = fc.record({ Name: maybe(text), EmailAddress: maybe(fc.oneof(fc.emailAddress(), text)), ContactNumber: maybe(text), DefaultCurrency: maybe(fc.constantFrom('NZD', 'AUD', 'EUR')) }, { requiredKeys: [] });
const item = fc.record({ Code: text, Name: maybe(text), SalesDetails: maybe(fc.record({ UnitPrice: maybe(amount), AccountCode: maybe(fc.constantFrom('200', '999', '090')) }, { requiredKeys: [] })) }, { requiredKeys: ['Code'] });

/**
 * Generated bad input never crashes the sandbox: every answer is Xero's 200 or 400, and every response body still
 * matches the yaml. Requests that break the yaml are refused, which is what Xero's contract asks of a client.
 */
describe('Xero sandbox under generated input', () => {
	let xero: XeroSandbox;
	let api: ApiClient;

	beforeAll(async () => {
		xero = await startXeroSandbox({ data: 'demo', validate: true, minuteLimit: 1e6, dailyLimit: 1e6 });
		api = apiClient({ baseUrl: xero.url, accessToken: (await xero.clientCredentialsToken()).access_token });
	});
	afterAll(async () => {
		await xero.close();
	});

	async function run(path: string, key: string, arbitrary: fc.Arbitrary<Rec>, runs: number): Promise<void> {
		await fc.assert(
			fc.asyncProperty(fc.array(arbitrary, { minLength: 1, maxLength: 5 }), fc.boolean(), async (elements, summarize) => {
				const before = xero.validation().specs['xero_accounting.yaml'];
				// generated bodies may break the yaml (a 300-character InvoiceNumber); those are refused, not failures
				xero.expectRequestViolations(1);
				const answer = await api.put<Rec>(`${path}?summarizeErrors=${summarize}`, { [key]: elements });
				const after = xero.validation().specs['xero_accounting.yaml'];
				xero.expectRequestViolations(0);
				const refused = after.expectedRequestRejections > before.expectedRequestRejections;
				// the yaml's maxLength limits (Contact Name 255, InvoiceNumber 255, Item Code 30 …) are what most break it
				if (refused) expect(answer.json).toMatchObject({ ErrorNumber: 14, Type: 'PostDataInvalidException' });
				expect([200, 400]).toContain(answer.status);
				expect(after.responseFailures).toBe(before.responseFailures);
				if (answer.status === 400) expect(['ValidationException', 'PostDataInvalidException', 'NoDataProcessedException']).toContain(answer.json.Type);
				if (answer.status === 200) expect((answer.json[key] as Rec[]).length).toBe(elements.length);
			}),
			{ numRuns: runs },
		);
	}

	it('invoices', () => run('/Invoices', 'Invoices', invoice as fc.Arbitrary<Rec>, 150));
	it('contacts', () => run('/Contacts', 'Contacts', contact as fc.Arbitrary<Rec>, 150));
	it('items', () => run('/Items', 'Items', item as fc.Arbitrary<Rec>, 150));

	it('never holds two contacts with one name or two sales invoices with one number', () => {
		const state = xero.state()[xero.tenants[0].tenantId] as Record<string, Rec[]>;
		const names = state.contacts.map((entry) => String(entry.Name).trim().toLowerCase());
		expect(new Set(names).size).toBe(names.length);
		const numbers = state.invoices.filter((entry) => entry.Type === 'ACCREC' && entry.Status !== 'DELETED').map((entry) => String(entry.InvoiceNumber).toLowerCase());
		expect(new Set(numbers).size).toBe(numbers.length);
	});
});
