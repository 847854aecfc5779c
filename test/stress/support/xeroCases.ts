import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { absent, any, bad, ok, record, type Case } from './cases';
import { anyText, hugeText, injectionText, oddDate, plainText, unicodeText, wrongType } from './junk';

/**
 * Records in Xero's shape for Xero Sync's Send ("input item's JSON"). The sandbox's demo organisation has base
 * currency NZD with USD enabled, accounts 200 (Sales) and 310 (Cost of Goods Sold) active and 499 archived.
 */
const blank = fc.constantFrom(undefined, '', '   ', null);
const oddText = fc.oneof(unicodeText, injectionText, hugeText);
const shortWord = fc
	.array(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('')), { minLength: 2, maxLength: 8 })
	.map((chars) => chars.join(''));
const email = shortWord.map((word) => `${word.toLowerCase()}@example.com`);
const money = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100);
const isoDay = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const crmId = (prefix: number) => fc.nat(99_999).map((n) => `${prefix}x${n + 100}`);

export const organisationCase: fc.Arbitrary<Case> = record({
	crmId: fc.oneof({ weight: 5, arbitrary: ok(crmId(11)) }, { weight: 1, arbitrary: absent }),
	Name: fc.oneof(
		{ weight: 10, arbitrary: ok(plainText) },
		{ weight: 2, arbitrary: bad('no name', /organi[sz]ation name|\bName\b/, blank) },
		{ weight: 2, arbitrary: any('odd name', oddText) },
		{ weight: 1, arbitrary: any('name of the wrong type', wrongType) },
	),
	EmailAddress: fc.oneof({ weight: 4, arbitrary: absent }, { weight: 3, arbitrary: ok(email) }, { weight: 1, arbitrary: any('odd email', anyText) }),
	ContactNumber: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: any('odd contact number', fc.oneof(anyText, wrongType)) }),
	DefaultCurrency: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: ok(fc.constant('NZD')) }, { weight: 1, arbitrary: any('unknown currency', fc.constantFrom('XXX', 'EUR', 'nzd', '€')) }),
	Addresses: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: any('addresses of the wrong type', fc.oneof(wrongType, anyText)) }),
	Phones: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: any('phones of the wrong type', fc.oneof(wrongType, fc.constant([{ PhoneType: 'NOPE', PhoneNumber: 5 }]))) }),
	TaxNumber: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: any('odd tax number', oddText) }),
});

const goodLine = fc.record({
	Description: plainText,
	Quantity: fc.integer({ min: 1, max: 100 }),
	UnitAmount: money,
	AccountCode: fc.constant('200'),
});
const oddLine = fc.record(
	{
		Description: fc.oneof(plainText, oddText),
		Quantity: fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.double(), wrongType, anyText),
		UnitAmount: fc.oneof(money, fc.integer({ min: -1e9, max: -1 }), fc.double(), wrongType),
		AccountCode: fc.oneof(fc.constantFrom('200', '999', '499', ''), anyText),
		DiscountRate: fc.oneof(fc.integer({ min: -50, max: 500 }), wrongType),
		ItemCode: fc.oneof(fc.constantFrom('BOOK', 'NOPE-ITEM'), anyText),
	},
	{ requiredKeys: ['Description'] },
);

export const invoiceCase: fc.Arbitrary<Case> = record(
	{
		crmId: fc.oneof({ weight: 5, arbitrary: ok(crmId(7)) }, { weight: 1, arbitrary: absent }),
		Type: fc.oneof(
			{ weight: 12, arbitrary: ok(fc.constantFrom('ACCREC', 'ACCPAY')) },
			{ weight: 1, arbitrary: bad('no type', /invoice type/i, blank) },
			// The node upper-cases the type, as Xero's own API does, so "accrec" is a sales invoice.
			{ weight: 1, arbitrary: ok(fc.constantFrom('accrec', 'accpay', 'Accrec')) },
			{ weight: 1, arbitrary: bad('unknown type', /not ACCREC/, fc.constantFrom('INVOICE', 'BILL', 'ACC REC')) },
		),
		Contact: fc.oneof(
			{ weight: 12, arbitrary: ok(plainText.map((Name) => ({ Name }))) },
			{ weight: 1, arbitrary: bad('no contact', /no contact/i, fc.constantFrom(undefined, {}, { Name: '' }, { Name: '  ' })) },
			// A plain text Contact is the contact's name (documented in the README's Xero Sync Send section).
			{ weight: 1, arbitrary: ok(plainText) },
			{ weight: 1, arbitrary: bad('contact of the wrong type', /no contact/i, fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]))) },
			{ weight: 1, arbitrary: any('odd contact name', oddText.map((Name) => ({ Name }))) },
		),
		LineItems: fc.oneof(
			{ weight: 12, arbitrary: ok(fc.array(goodLine, { minLength: 1, maxLength: 3 })) },
			{ weight: 1, arbitrary: bad('no described line', /line item with a description/i, fc.constantFrom(undefined, [], [{ Quantity: 1, UnitAmount: 5 }], [{ Description: '' }], 'one line')) },
			{ weight: 2, arbitrary: any('negative quantities, odd amounts, codes and discounts', fc.array(oddLine, { minLength: 1, maxLength: 3 })) },
		),
		Status: fc.oneof(
			{ weight: 8, arbitrary: ok(fc.constant('DRAFT')) },
			{ weight: 2, arbitrary: absent },
			{ weight: 1, arbitrary: bad('PAID', /record the payment in Xero/, fc.constant('PAID')) },
			{ weight: 1, arbitrary: bad('VOIDED', /voiding happens in Xero/, fc.constant('VOIDED')) },
			{ weight: 1, arbitrary: bad('unknown status', /not one Xero accepts|cannot be sent/, fc.constantFrom('SENT', 'Approved', 'DELETED', 'ARCHIVED')) },
			{ weight: 1, arbitrary: any('lower-case or submitted status', fc.constantFrom('draft', 'SUBMITTED', 'authorised')) },
		),
		CurrencyCode: fc.oneof(
			{ weight: 8, arbitrary: absent },
			{ weight: 2, arbitrary: ok(fc.constantFrom('NZD', 'USD')) },
			{ weight: 1, arbitrary: bad('currency not enabled', /neither the organisation's base currency/, fc.constantFrom('EUR', 'XXX', 'GBP', 'ZZZ', 'eur')) },
			{ weight: 1, arbitrary: any('currency of the wrong type', fc.oneof(wrongType, oddText)) },
		),
		Date: fc.oneof({ weight: 4, arbitrary: ok(isoDay) }, { weight: 2, arbitrary: absent }, { weight: 1, arbitrary: any('odd date', oddDate) }),
		DueDate: fc.oneof({ weight: 4, arbitrary: ok(isoDay) }, { weight: 2, arbitrary: absent }, { weight: 1, arbitrary: any('odd due date', oddDate) }),
		InvoiceNumber: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: any('odd invoice number, looked up in a batch', fc.oneof(oddText, wrongType)) }),
		Reference: fc.oneof({ weight: 4, arbitrary: absent }, { weight: 1, arbitrary: any('odd reference', oddText) }),
	},
);

const salesDetails = fc.oneof(
	{ weight: 4, arbitrary: absent },
	{ weight: 3, arbitrary: ok(money.map((UnitPrice) => ({ UnitPrice, AccountCode: '200' }))) },
	{ weight: 1, arbitrary: bad('sales account that does not exist', /does not exist in Xero/, fc.constant({ UnitPrice: 1, AccountCode: '999' })) },
	{ weight: 1, arbitrary: bad('archived sales account', /ARCHIVED/, fc.constant({ UnitPrice: 1, AccountCode: '499' })) },
	{ weight: 1, arbitrary: any('odd price', fc.oneof(wrongType, fc.record({ UnitPrice: fc.oneof(wrongType, fc.double(), anyText) }))) },
);

export const itemCase: fc.Arbitrary<Case> = record({
	crmId: fc.oneof({ weight: 5, arbitrary: ok(crmId(14)) }, { weight: 1, arbitrary: absent }),
	Code: fc.oneof(
		{ weight: 10, arbitrary: ok(shortWord) },
		{ weight: 2, arbitrary: bad('no code', /item code/i, blank) },
		{ weight: 2, arbitrary: any('odd code, looked up in a batch', fc.oneof(oddText, wrongType)) },
	),
	Name: fc.oneof({ weight: 6, arbitrary: ok(plainText.map((text) => text.slice(0, 40))) }, { weight: 2, arbitrary: absent }, { weight: 2, arbitrary: any('odd name', oddText) }),
	Description: fc.oneof({ weight: 4, arbitrary: absent }, { weight: 1, arbitrary: any('odd description', oddText) }),
	SalesDetails: salesDetails,
	PurchaseDetails: fc.oneof(
		{ weight: 5, arbitrary: absent },
		{ weight: 2, arbitrary: ok(money.map((UnitPrice) => ({ UnitPrice, AccountCode: '310' }))) },
		{ weight: 1, arbitrary: bad('purchase account that does not exist', /does not exist in Xero/, fc.constant({ AccountCode: 'NOPE' })) },
	),
	IsSold: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: any('flag of the wrong type', wrongType) }),
});

/** Accounts are written one call each (Xero has no batch endpoint), so good ones are rarer to keep the run short. */
export const accountCase: fc.Arbitrary<Case> = record({
	Code: fc.oneof(
		{ weight: 4, arbitrary: ok(shortWord.map((word) => word.slice(0, 4))) },
		{ weight: 3, arbitrary: bad('no code', /account code/i, blank) },
		{ weight: 1, arbitrary: any('odd code', fc.oneof(oddText, wrongType)) },
	),
	Name: fc.oneof(
		{ weight: 6, arbitrary: ok(plainText.map((text) => text.slice(0, 60))) },
		{ weight: 3, arbitrary: bad('no name', /account name/i, blank) },
		{ weight: 1, arbitrary: any('odd name', oddText) },
	),
	Type: fc.oneof(
		{ weight: 6, arbitrary: ok(fc.constantFrom('REVENUE', 'EXPENSE', 'OVERHEADS', 'DIRECTCOSTS', 'SALES')) },
		{ weight: 3, arbitrary: bad('no type', /account type/i, blank) },
		{ weight: 1, arbitrary: any('unknown type', fc.oneof(anyText, wrongType)) },
	),
	Description: fc.oneof({ weight: 4, arbitrary: absent }, { weight: 1, arbitrary: any('odd description', oddText) }),
	TaxType: fc.oneof({ weight: 6, arbitrary: absent }, { weight: 1, arbitrary: any('unknown tax type', anyText) }),
});

/**
 * Names, codes and numbers that must be unique in Xero get the record's index, so two generated records never
 * collide by chance (a real collision is a duplicate, tested elsewhere) and each stays within Xero's field limits.
 */
export function uniquify(cases: Case[], fields: string[], maxLength: number): Case[] {
	return cases.map((c, i) => {
		const json: IDataObject = { ...c.json };
		for (const field of fields) {
			const value = json[field];
			if (typeof value === 'string' && value.trim() !== '' && value.length < 1000) {
				const suffix = `-${i.toString(36)}`;
				json[field] = `${value.slice(0, Math.max(1, maxLength - suffix.length))}${suffix}`;
			}
		}
		return { ...c, json };
	});
}
