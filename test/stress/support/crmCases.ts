import fc from 'fast-check';
import { DEMO_IDS } from '../../../sandbox/vtiger';
import { absent, any, bad, ok, record, type Case } from './cases';
import { anyText, hugeText, injectionText, oddDate, plainText, unicodeText, wrongType } from './junk';

const MISSING_ACCOUNT = '11x999999';
const MISSING_PRODUCT = '14x999999';
const blank = fc.constantFrom(undefined, '', '   ', null, '\t\n');
const oddText = fc.oneof(unicodeText, injectionText, hugeText);
const email = plainText.map((text) => `${text.replace(/[^a-z0-9]/gi, '').slice(0, 20) || 'x'}@example.com`);
const money = fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100);
const isoDay = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const demoAccount = fc.constantFrom(...Object.values(DEMO_IDS.accounts));
const demoProduct = fc.constantFrom(...Object.values(DEMO_IDS.products), DEMO_IDS.services.devDay);
const mandatory = (field: RegExp) => bad('mandatory value missing', field, blank);
const REFERENCE = /does not exist|not found|no \w+ record|missing|refer/i;
const WRONG_MODULE = /module|refer|not an? /i;

/** Unicode and injection-looking names that VTQL can carry: no quote, no backslash, within URL limits. */
const quotableText = fc.oneof(unicodeText, injectionText).filter((text) => !/['\\]/.test(text) && !/[\uD800-\uDFFF]/.test(text));

/** Names whose lookup is itself hostile: quotes and backslashes (VTQL literals), lone surrogates, past URL limits. */
export const hostileName = fc.oneof(
	injectionText.filter((text) => /['\\]/.test(text)),
	fc.tuple(plainText, fc.constantFrom("'", "''", '\\', "\\'", "O'", "'s")).map(([text, mark]) => `${text.slice(0, 10)}${mark}${text.slice(10)}`),
	hugeText,
	fc.constantFrom('\uD83D', 'a\uDC00b'),
);

/** Accounts for Upsert matched on accountname (the name is mandatory and the match key). */
export const crmAccountCase = (odd: fc.Arbitrary<unknown> = quotableText, oddWeight = 2): fc.Arbitrary<Case> => record({
	accountname: fc.oneof(
		{ weight: 12, arbitrary: ok(plainText) },
		{ weight: 3, arbitrary: mandatory(/accountname|Account Name|organi[sz]ation name/i) },
		{ weight: oddWeight, arbitrary: any('odd name', odd) },
		{ weight: 1, arbitrary: any('name of the wrong type', wrongType) },
	),
	email1: fc.oneof({ weight: 4, arbitrary: absent }, { weight: 3, arbitrary: ok(email) }, { weight: 1, arbitrary: any('odd email', anyText) }),
	website: fc.oneof({ weight: 4, arbitrary: absent }, { weight: 3, arbitrary: ok(plainText) }, { weight: 1, arbitrary: any('odd website', oddText) }),
	employees: fc.oneof(
		{ weight: 5, arbitrary: absent },
		{ weight: 2, arbitrary: ok(fc.nat(100_000)) },
		{ weight: 1, arbitrary: any('negative or wrong type', fc.oneof(fc.integer({ min: -1e9, max: -1 }), wrongType, anyText)) },
	),
	annual_revenue: fc.oneof(
		{ weight: 5, arbitrary: absent },
		{ weight: 2, arbitrary: ok(money) },
		{ weight: 1, arbitrary: any('odd amount', fc.oneof(fc.double(), wrongType, fc.constantFrom('1,000.50', 'abc', '-0', '1e400'))) },
	),
	account_id: fc.oneof(
		{ weight: 8, arbitrary: absent },
		{ weight: 1, arbitrary: ok(demoAccount) },
		{ weight: 1, arbitrary: bad('member of a missing account', REFERENCE, fc.constant(MISSING_ACCOUNT)) },
		{ weight: 1, arbitrary: bad('member of a product', WRONG_MODULE, demoProduct) },
		{ weight: 1, arbitrary: any('reference that is not an id', fc.oneof(anyText, wrongType)) },
	),
	description: fc.oneof({ weight: 3, arbitrary: absent }, { weight: 2, arbitrary: ok(plainText) }, { weight: 2, arbitrary: any('odd text', oddText) }),
	cf_not_a_field: fc.oneof({ weight: 3, arbitrary: absent }, { weight: 1, arbitrary: ok(fc.oneof(anyText, wrongType)) }),
});

const line = fc.record({ productid: demoProduct, quantity: fc.integer({ min: 1, max: 50 }), listprice: money });
const goodLines = fc.array(line, { minLength: 1, maxLength: 3 });
const oddLines = fc.array(
	fc.record(
		{
			productid: fc.oneof(demoProduct, anyText),
			quantity: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.double(), wrongType, anyText),
			listprice: fc.oneof(money, fc.double(), wrongType, anyText),
			discount_percent: fc.oneof(fc.integer({ min: -50, max: 500 }), wrongType),
			comment: anyText,
		},
		{ requiredKeys: ['productid'] },
	),
	{ minLength: 1, maxLength: 3 },
);

/** Invoices for Create: vtiger wants subject, organisation, both streets and at least one product line. */
export const crmInvoiceCase: fc.Arbitrary<Case> = record(
	{
		subject: fc.oneof({ weight: 10, arbitrary: ok(plainText) }, { weight: 1, arbitrary: mandatory(/subject/i) }, { weight: 1, arbitrary: any('odd subject', oddText) }),
		account_id: fc.oneof(
			{ weight: 10, arbitrary: ok(demoAccount) },
			{ weight: 1, arbitrary: mandatory(/account_id|Organi[sz]ation/i) },
			{ weight: 1, arbitrary: bad('missing organisation', REFERENCE, fc.constant(MISSING_ACCOUNT)) },
			{ weight: 1, arbitrary: bad('organisation is a product', WRONG_MODULE, demoProduct) },
		),
		bill_street: fc.oneof({ weight: 10, arbitrary: ok(plainText) }, { weight: 1, arbitrary: mandatory(/bill_street|Billing Address/i) }),
		ship_street: fc.oneof({ weight: 10, arbitrary: ok(plainText) }, { weight: 1, arbitrary: any('odd street', oddText) }, { weight: 1, arbitrary: mandatory(/ship_street|Shipping Address/i) }),
		LineItems: fc.oneof(
			{ weight: 10, arbitrary: ok(goodLines) },
			{ weight: 1, arbitrary: bad('no line items', /line item/i, fc.constantFrom([], undefined)) },
			{ weight: 1, arbitrary: bad('line without product', /line item \d+ has no product/i, fc.constant([{ quantity: 1, listprice: 5 }])) },
			{ weight: 1, arbitrary: bad('line with a missing product', REFERENCE, fc.constant([{ productid: MISSING_PRODUCT, quantity: 1, listprice: 5 }])) },
			{ weight: 2, arbitrary: any('negative quantities, odd prices and discounts', oddLines) },
		),
		invoicedate: fc.oneof({ weight: 4, arbitrary: absent }, { weight: 4, arbitrary: ok(isoDay) }, { weight: 2, arbitrary: any('odd date', oddDate) }),
		duedate: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 2, arbitrary: ok(isoDay) }, { weight: 2, arbitrary: any('odd date', oddDate) }),
		currency_id: fc.oneof(
			{ weight: 6, arbitrary: absent },
			{ weight: 2, arbitrary: ok(fc.constantFrom('21x1', '21x2')) },
			{ weight: 1, arbitrary: any('unknown currency', fc.constantFrom('21x99', 'EUR', 'XXX', '')) },
		),
		invoicestatus: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 2, arbitrary: ok(fc.constantFrom('Created', 'Approved')) }, { weight: 1, arbitrary: any('unknown status', anyText) }),
	},
	// vtiger's describe makes the first line's product mandatory on the record itself.
	(json) => (Array.isArray(json.LineItems) && json.LineItems[0]?.productid && json.productid === undefined ? { ...json, productid: json.LineItems[0].productid } : json),
);
