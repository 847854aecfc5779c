import { normaliseXeroRecord } from '../../../nodes/shared/xero/normalise';
import { elementFailed, elementValidationMessages } from '../../../nodes/shared/xero/validationErrors';
import { readCrmId } from '../../../nodes/XeroSync/helpers/crmId';
import { accountFromFields, contactFromFields, invoiceFromFields, itemFromFields } from '../../../nodes/XeroSync/helpers/fieldPayloads';
import { invoiceSendRules } from '../../../nodes/XeroSync/actions/invoice/sendRules';
import { toXeroPayload } from '../../../nodes/XeroSync/helpers/xeroShape';

describe('payloads from UI fields', () => {
	it('builds a contact with phone and address only when given', () => {
		expect(contactFromFields(' Acme ', { emailAddress: 'a@b.c', phone: '', xeroId: 'not-a-guid' })).toEqual({
			Name: 'Acme',
			EmailAddress: 'a@b.c',
		});
		expect(contactFromFields('Acme', { phone: '123', city: 'Oslo' })).toMatchObject({
			Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '123' }],
			Addresses: [{ AddressType: 'POBOX', City: 'Oslo' }],
		});
	});

	it('builds a multi-line invoice, with numbers as numbers and Xero dates', () => {
		const invoice = invoiceFromFields(
			'accrec',
			'Acme',
			[
				{ description: 'A', quantity: '2', unitAmount: '10.5', accountCode: '200' },
				{ description: 'B', quantity: 1, unitAmount: 3 },
			],
			{ date: '2026-03-01T10:00:00Z', status: 'draft', currencyCode: 'usd' },
		);
		expect(invoice).toEqual({
			Type: 'ACCREC',
			Contact: { Name: 'Acme' },
			Date: '2026-03-01',
			Status: 'DRAFT',
			CurrencyCode: 'USD',
			LineItems: [
				{ Description: 'A', Quantity: 2, UnitAmount: 10.5, AccountCode: '200' },
				{ Description: 'B', Quantity: 1, UnitAmount: 3 },
			],
		});
	});

	it('takes line items from JSON when given, in either shape', () => {
		const invoice = invoiceFromFields('ACCREC', '11111111-1111-1111-1111-111111111111', [{ description: 'ignored' }], {
			lineItemsJson: '[{"Description":"X","Quantity":1},{"description":"Y","unitAmount":"4"}]',
		});
		expect(invoice.Contact).toEqual({ ContactID: '11111111-1111-1111-1111-111111111111' });
		expect(invoice.LineItems).toEqual([{ Description: 'X', Quantity: 1 }, { Description: 'Y', UnitAmount: 4 }]);
		expect(() => invoiceFromFields('ACCREC', 'A', [], { lineItemsJson: '{"a":1}' })).toThrow(/must be an array/);
	});

	it('names the parameter when its JSON text does not parse, instead of the parser\'s bare message', () => {
		const thrown = () => invoiceFromFields('ACCREC', 'A', [], { lineItemsJson: '[{"Description": "x",]' });
		expect(thrown).toThrow(/^Line Items \(JSON\) is not valid JSON \(at character 22\); write an array of line objects$/);
		expect(() => invoiceFromFields('ACCREC', 'A', [], { lineItemsJson: 'x' })).toThrow(/^Line Items \(JSON\) is not valid JSON; write/);
	});

	it('builds items and accounts', () => {
		expect(itemFromFields('W1', { name: 'Widget', salesUnitPrice: '9.99', salesAccountCode: '200', isSold: true })).toEqual({
			Code: 'W1',
			Name: 'Widget',
			IsSold: true,
			SalesDetails: { UnitPrice: 9.99, AccountCode: '200' },
		});
		expect(accountFromFields('Sales', 'revenue', { code: '201' })).toEqual({ Code: '201', Name: 'Sales', Type: 'REVENUE' });
	});
});

describe('payloads from input JSON in Xero shape', () => {
	it('keeps only writable properties and normalises invoice dates, status and numbers', () => {
		const payload = toXeroPayload(invoiceSendRules, {
			crmId: '7x1',
			Type: 'accrec',
			Status: 'authorised',
			Contact: { ContactID: 'abc', Name: 'ignored when the ID is there', Balances: {} },
			Date: '/Date(1772323200000+0000)/',
			DueDate: 'not a date',
			Total: 12,
			LineItems: [{ Description: 'A', Quantity: '3', LineItemID: 'l1', ValidationErrors: [] }],
		});
		expect(payload).toEqual({
			Type: 'ACCREC',
			Status: 'AUTHORISED',
			Contact: { ContactID: 'abc' },
			Date: '2026-03-01',
			LineItems: [{ Description: 'A', Quantity: 3, LineItemID: 'l1' }],
		});
	});
});

describe('readCrmId', () => {
	it('reads crmId first, then id', () => {
		expect(readCrmId({ crmId: '7x1', id: '9x9' })).toBe('7x1');
		expect(readCrmId({ id: 15 })).toBe('15');
		expect(readCrmId({ ContactID: 'x' })).toBeUndefined();
	});
});

describe('normaliseXeroRecord and element errors', () => {
	it('emits ISO dates and numbers, and drops empty noise', () => {
		expect(
			normaliseXeroRecord({
				UpdatedDateUTC: '/Date(1518685950940+0000)/',
				Total: '12.50',
				Name: '12',
				StatusAttributeString: 'OK',
				ValidationErrors: [],
				LineItems: [{ Quantity: '2' }],
			}),
		).toEqual({ UpdatedDateUTC: '2018-02-15T09:12:30.940Z', Total: 12.5, Name: '12', LineItems: [{ Quantity: 2 }] });
	});

	it('flattens element and line validation errors', () => {
		const element = {
			StatusAttributeString: 'ERROR',
			ValidationErrors: [{ Message: 'Contact required' }],
			LineItems: [{ ValidationErrors: [{ Message: 'Account code invalid' }] }],
		};
		expect(elementFailed(element)).toBe(true);
		expect(elementValidationMessages(element)).toEqual(['Contact required', 'Line 1: Account code invalid']);
		expect(elementFailed({ StatusAttributeString: 'OK' })).toBe(false);
	});
});
