import { DAILY_LIMIT_MESSAGE, errorFacts } from '../../../nodes/XeroSync/helpers/errorFacts';
import { missingMandatoryFields } from '../../../nodes/XeroSync/helpers/mandatory';
import { accountSendRules } from '../../../nodes/XeroSync/actions/account/sendRules';
import { currencyProblem, invoiceSendRules, invoiceStatusProblem, needsCurrencyCheck } from '../../../nodes/XeroSync/actions/invoice/sendRules';
import { itemAccountProblems, itemSendRules, needsAccountCheck } from '../../../nodes/XeroSync/actions/item/sendRules';
import { organisationSendRules } from '../../../nodes/XeroSync/actions/organisation/sendRules';

describe('missingMandatoryFields', () => {
	it('requires an organisation name unless the record is an update by ID', () => {
		expect(missingMandatoryFields(organisationSendRules, { Name: ' ' })).toEqual(['the organisation name (Name) is empty']);
		expect(missingMandatoryFields(organisationSendRules, { ContactID: 'x', EmailAddress: 'a@b.c' })).toEqual([]);
	});

	it('requires an item code always', () => {
		expect(missingMandatoryFields(itemSendRules, { ItemID: 'x' })).toEqual(['the item code (Code) is empty']);
		expect(missingMandatoryFields(itemSendRules, { Code: 'W1' })).toEqual([]);
	});

	it('requires invoice contact, type and a described line', () => {
		expect(missingMandatoryFields(invoiceSendRules, { LineItems: [{ Quantity: 1 }] })).toEqual([
			'the invoice has no contact (Contact.ContactID or Contact.Name)',
			'the invoice type (ACCREC or ACCPAY) is empty',
			'the invoice needs at least one line item with a description',
		]);
		expect(
			missingMandatoryFields(invoiceSendRules, { Type: 'ACCREC', Contact: { Name: 'A' }, LineItems: [{ Description: 'x' }] }),
		).toEqual([]);
		expect(missingMandatoryFields(invoiceSendRules, { Type: 'SALES', Contact: { Name: 'A' }, LineItems: [{ Description: 'x' }] })).toEqual([
			'the invoice type "SALES" is not ACCREC (sales) or ACCPAY (bill)',
		]);
		expect(missingMandatoryFields(invoiceSendRules, { InvoiceID: 'x', Reference: 'r' })).toEqual([]);
	});

	it('requires account name, type, and a code except for bank accounts', () => {
		expect(missingMandatoryFields(accountSendRules, { Name: 'Sales', Type: 'REVENUE' })).toEqual([
			'the account code (Code) is empty; only BANK accounts may omit it',
		]);
		expect(missingMandatoryFields(accountSendRules, { Name: 'Cheque', Type: 'BANK' })).toEqual([]);
	});
});

describe('pre-flight checks', () => {
	it('allows DRAFT, SUBMITTED and AUTHORISED and explains PAID and VOIDED', () => {
		for (const status of ['DRAFT', 'submitted', 'AUTHORISED', undefined]) {
			expect(invoiceStatusProblem({ Status: status })).toBeUndefined();
		}
		expect(invoiceStatusProblem({ Status: 'PAID' })).toMatch(/record the payment in Xero/);
		expect(invoiceStatusProblem({ Status: 'VOIDED' })).toMatch(/voiding happens in Xero/);
		expect(invoiceStatusProblem({ Status: 'WHATEVER' })).toMatch(/DRAFT, SUBMITTED or AUTHORISED/);
	});

	it('accepts the base or an enabled currency only', () => {
		const settings = { base: 'NZD', enabled: ['USD', 'AUD'] };
		expect(currencyProblem('nzd', settings)).toBeUndefined();
		expect(currencyProblem('USD', settings)).toBeUndefined();
		expect(currencyProblem(undefined, settings)).toBeUndefined();
		expect(currencyProblem('EUR', settings)).toMatch(/EUR is neither.*\(NZD\).*USD, AUD/);
		expect(needsCurrencyCheck([{}, { CurrencyCode: 'EUR' }])).toBe(true);
		expect(needsCurrencyCheck([{}, { CurrencyCode: '' }])).toBe(false);
	});

	it('requires item account codes to exist and be active', () => {
		const accounts = [
			{ Code: '200', Status: 'ACTIVE', Name: 'Sales' },
			{ Code: '310', Status: 'ARCHIVED', Name: 'Old COGS' },
		];
		expect(itemAccountProblems({ SalesDetails: { AccountCode: '200' } }, accounts)).toEqual([]);
		expect(
			itemAccountProblems({ SalesDetails: { AccountCode: '999' }, PurchaseDetails: { AccountCode: '310' } }, accounts),
		).toEqual([
			'the sales account code "999" does not exist in Xero',
			'the purchase account "310" (Old COGS) is ARCHIVED, not ACTIVE',
		]);
		expect(needsAccountCheck([{ Code: 'x' }])).toBe(false);
		expect(needsAccountCheck([{ Code: 'x', SalesDetails: { AccountCode: '200' } }])).toBe(true);
	});
});

describe('errorFacts', () => {
	it('turns daily-limit exhaustion into a clear message that halts the run', () => {
		const facts = errorFacts(Object.assign(new Error('429 day'), { status: 429, dailyLimit: true }));
		expect(facts).toMatchObject({ code: 'DAILY_LIMIT', haltsRun: true, message: DAILY_LIMIT_MESSAGE });
	});

	it('halts on auth failures, not on other errors, and never echoes a bearer token', () => {
		expect(errorFacts(Object.assign(new Error('x'), { httpCode: '403' }))).toMatchObject({ code: 'HTTP_403', haltsRun: true });
		expect(errorFacts(Object.assign(new Error('boom'), { status: 500 }))).toMatchObject({ code: 'HTTP_500', haltsRun: false });
		expect(errorFacts(new Error('sent Bearer abc.def-ghi')).message).toBe('sent Bearer [hidden]');
		expect(errorFacts(Object.assign(new Error('reset'), { code: 'ECONNRESET' })).code).toBe('ECONNRESET');
	});
});
