import fc from 'fast-check';

/**
 * Xero records as Xero returns them, within Xero's documented limits. Strings include any Unicode (graphemes), so
 * umlauts, CJK and emoji all travel. Exclusions, each a property of the CRM side rather than a shortcut:
 * - no line breaks inside one-line fields: vtiger's street is the only multi-line field and Xero lines are split on them;
 * - phone numbers do not start with "+" or "(", which the CRM's single phone string uses for country and area codes;
 * - quantities have at most 3 decimals and currency amounts 2 (vtiger's column precision / currency decimals).
 */

const noLineBreak = (value: string): boolean => !/[\r\n\u2028\u2029\u0085]/.test(value);

export const line = (maxLength = 40): fc.Arbitrary<string> =>
	fc.string({ unit: 'grapheme', maxLength }).filter(noLineBreak);

export const nonBlank = (maxLength = 40): fc.Arbitrary<string> =>
	fc.string({ unit: 'grapheme', minLength: 1, maxLength }).filter((value) => noLineBreak(value) && value.trim() !== '');

export const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** A decimal with `places` decimals, as a JS number (what Xero's JSON holds). */
export const decimal = (min: number, max: number, places: number): fc.Arbitrary<number> =>
	fc.integer({ min: Math.round(min * 10 ** places), max: Math.round(max * 10 ** places) }).map((n) => n / 10 ** places);

const digits = (min: number, max: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

export const phoneNumber: fc.Arbitrary<string> = fc.stringMatching(/^[0-9][0-9 \-]{0,12}[0-9]$/);

export const phone = (type: string): fc.Arbitrary<Record<string, unknown>> =>
	fc.record(
		{
			PhoneType: fc.constant(type),
			PhoneNumber: fc.oneof(fc.constant(''), phoneNumber),
			PhoneAreaCode: fc.oneof(fc.constant(''), digits(1, 4)),
			PhoneCountryCode: fc.oneof(fc.constant(''), digits(1, 3)),
		},
		{ requiredKeys: ['PhoneType'] },
	);

export const address = (type: string): fc.Arbitrary<Record<string, unknown>> =>
	fc.record(
		{
			AddressType: fc.constant(type),
			AddressLine1: line(),
			AddressLine2: line(),
			AddressLine3: line(),
			AddressLine4: line(),
			City: line(),
			Region: line(),
			PostalCode: line(10),
			Country: fc.stringMatching(/^[A-Za-z]{0,20}$/),
		},
		{ requiredKeys: ['AddressType'] },
	);

export const currencyCode = fc.constantFrom('USD', 'NZD', 'EUR', 'GBP', 'AUD');

export const email = fc.oneof(fc.constant(''), fc.emailAddress());

/** Contact with a primary person: both names, or neither (a first name alone cannot become a CRM Contact). */
export const xeroContact: fc.Arbitrary<Record<string, unknown>> = fc
	.record({
		ContactID: fc.uuid(),
		ContactNumber: optional(fc.integer({ min: 2, max: 99999 }).map((n) => `11x${n}`)),
		Name: nonBlank(60),
		person: fc.option(fc.record({ FirstName: line(), LastName: nonBlank() }), { nil: undefined }),
		EmailAddress: email,
		TaxNumber: optional(fc.stringMatching(/^[0-9A-Z\-]{0,15}$/)),
		DefaultCurrency: optional(currencyCode),
		orgPhones: fc.tuple(phone('DEFAULT'), phone('FAX'), phone('OFFICE')).chain((all) => fc.shuffledSubarray(all)),
		personPhones: fc.tuple(phone('DDI'), phone('MOBILE')).chain((all) => fc.shuffledSubarray(all)),
		Addresses: fc.tuple(address('POBOX'), address('STREET')).chain((all) => fc.shuffledSubarray(all)),
	})
	// DDI and MOBILE are the person's numbers (CRM Contacts phone/mobile); without a person the CRM has no place for them.
	.map(({ person, orgPhones, personPhones, ...contact }) => ({ ...contact, ...person, Phones: person ? [...orgPhones, ...personPhones] : orgPhones }));

export const accountCode = fc.constantFrom('200', '260', '310', '400', '090', 'SALES');

export const xeroItem: fc.Arbitrary<Record<string, unknown>> = fc.record(
	{
		ItemID: fc.uuid(),
		// Xero's limits count UTF-16 units (.NET string length), which an emoji uses two of.
		Code: nonBlank(30).filter((code) => code.length <= 30),
		Name: nonBlank(50).filter((name) => name.length <= 50),
		Description: line(200),
		SalesDetails: fc.record({ UnitPrice: decimal(0, 1000000, 2), AccountCode: fc.oneof(fc.constant(''), accountCode) }, { requiredKeys: [] }),
		PurchaseDetails: fc.record({ UnitPrice: decimal(0, 1000000, 2), AccountCode: fc.oneof(fc.constant(''), accountCode) }, { requiredKeys: [] }),
	},
	{ requiredKeys: ['ItemID', 'Code', 'Name'] },
);

export const xeroAccount: fc.Arbitrary<Record<string, unknown>> = fc.record({
	AccountID: fc.uuid(),
	Code: fc.stringMatching(/^[0-9A-Z]{1,10}$/),
	Name: nonBlank(150),
	Type: fc.constantFrom('BANK', 'CURRENT', 'CURRLIAB', 'DIRECTCOSTS', 'EQUITY', 'EXPENSE', 'FIXED', 'OVERHEADS', 'REVENUE', 'SALES'),
	TaxType: fc.constantFrom('', 'OUTPUT2', 'INPUT2', 'NONE', 'EXEMPTOUTPUT'),
	Class: fc.constantFrom('ASSET', 'EQUITY', 'EXPENSE', 'LIABILITY', 'REVENUE'),
	Status: fc.constantFrom('ACTIVE', 'ARCHIVED'),
	Description: line(200),
});

const dayArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((date) =>
	date.toISOString().slice(0, 10),
);

/** Xero dates in the forms a node may hand over: raw "/Date(ms+0000)/", ISO timestamps, or plain days. */
export const xeroDate: fc.Arbitrary<{ day: string; wire: string }> = fc
	.tuple(dayArb, fc.constantFrom('raw', 'iso', 'day'))
	.map(([day, form]) => ({
		day,
		wire: form === 'raw' ? `/Date(${Date.parse(`${day}T00:00:00Z`)}+0000)/` : form === 'iso' ? `${day}T00:00:00` : day,
	}));

/** A catalog of Xero items that exist in the CRM too, each with one sales account (the CRM keeps one per product). */
export interface CatalogItem {
	code: string;
	salesAccount: string;
	module: 'Products' | 'Services';
}

export const catalog: fc.Arbitrary<CatalogItem[]> = fc.uniqueArray(
	fc.record({ code: fc.stringMatching(/^[A-Z0-9\-]{1,12}$/), salesAccount: fc.oneof(fc.constant(''), accountCode), module: fc.constantFrom('Products' as const, 'Services' as const) }),
	{ minLength: 1, maxLength: 4, selector: (item) => item.code },
);

export function xeroInvoice(items: CatalogItem[]): fc.Arbitrary<Record<string, unknown>> {
	const lineItem = fc
		.record({
			item: fc.constantFrom(...items),
			Description: nonBlank(80),
			Quantity: decimal(0.001, 10000, 3),
			UnitAmount: decimal(-1000, 100000, 4),
			discount: fc.oneof(
				fc.constant({}),
				decimal(0.01, 100, 2).map((rate) => ({ DiscountRate: rate })),
				decimal(0.01, 1000, 2).map((amount) => ({ DiscountAmount: amount })),
			),
		})
		.map(({ item, discount, ...rest }) => ({ ...rest, ...discount, ItemCode: item.code, AccountCode: item.salesAccount || undefined }));
	return fc
		.record({
			InvoiceID: fc.uuid(),
			InvoiceNumber: fc.stringMatching(/^INV-[0-9]{1,6}$/),
			Reference: line(),
			ContactID: fc.uuid(),
			date: xeroDate,
			dueDate: optional(xeroDate),
			CurrencyCode: currencyCode,
			CurrencyRate: optional(decimal(0.001, 1000, 3)),
			Status: fc.constantFrom('DRAFT', 'SUBMITTED', 'AUTHORISED'),
			LineItems: fc.array(lineItem, { minLength: 1, maxLength: 5 }),
		})
		.map(({ ContactID, date, dueDate, ...invoice }) => ({
			...invoice,
			Type: 'ACCREC',
			Contact: { ContactID, Name: `Contact ${ContactID.slice(0, 8)}` },
			Date: date.wire,
			DueDate: dueDate?.wire,
		}));
}
