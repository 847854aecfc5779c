import { changedFields, sameValue } from '../../nodes/shared/sameValue';
import { XERO_STORAGE } from '../../nodes/shared/xero/storage';
import { vtigerStorage } from '../../nodes/CrmRecord/helpers/unchanged';

describe('sameValue: equal as the receiving system stores it', () => {
	it('rounds declared numeric fields to the places the system keeps, and reads their numbers from text', () => {
		expect(sameValue(10.00004, 10, XERO_STORAGE, 'UnitAmount')).toBe(true);
		expect(sameValue('10.5', 10.5, XERO_STORAGE, 'UnitAmount')).toBe(true);
		expect(sameValue(10.0001, 10, XERO_STORAGE, 'UnitAmount')).toBe(false);
		expect(sameValue(1.005, 1.01, XERO_STORAGE, 'LineAmount')).toBe(true);
	});

	it('keeps a number sent for a text field a different value from text that only reads as that number', () => {
		expect(sameValue(123, '0123', XERO_STORAGE, 'ContactNumber')).toBe(false);
		expect(sameValue(1000, '1e3', XERO_STORAGE, 'AccountNumber')).toBe(false);
		expect(sameValue(123, '123', XERO_STORAGE, 'ContactNumber')).toBe(true);
		expect(sameValue('0123', 123, XERO_STORAGE, 'Code')).toBe(false);
	});

	it('compares dates by day, codes without case, and only the fields sent', () => {
		expect(sameValue('2026-12-05T00:00:00', '2026-12-05', XERO_STORAGE, 'Date')).toBe(true);
		expect(sameValue('authorised', 'AUTHORISED', XERO_STORAGE, 'Status')).toBe(true);
		expect(sameValue('Acme', 'ACME', XERO_STORAGE, 'Name')).toBe(false);
		expect(changedFields({ Name: 'Acme', EmailAddress: 'a@b.c' }, { Name: 'Acme', EmailAddress: 'x@b.c', Phones: [] }, XERO_STORAGE)).toEqual([
			'EmailAddress',
		]);
	});

	it("is the CRM's notion too, with vtiger's storage: 8 decimals, empty numbers as 0, flags as 1/0, dates by day", () => {
		const vtiger = vtigerStorage(
			new Map([
				['annual_revenue', 'currency'],
				['employees', 'integer'],
				['emailoptout', 'boolean'],
				['closingdate', 'date'],
				['accountname', 'string'],
			]),
		);
		expect(sameValue(1250000.5, '1250000.50000000', vtiger, 'annual_revenue')).toBe(true);
		expect(sameValue('', '0.00000000', vtiger, 'annual_revenue')).toBe(true);
		expect(sameValue('', '5.00000000', vtiger, 'annual_revenue')).toBe(false);
		expect(sameValue(12.4, '12', vtiger, 'employees')).toBe(true);
		expect(sameValue(false, '0', vtiger, 'emailoptout')).toBe(true);
		expect(sameValue('1', true, vtiger, 'emailoptout')).toBe(true);
		expect(sameValue(true, '0', vtiger, 'emailoptout')).toBe(false);
		expect(sameValue('2026-12-05T09:00:00', '2026-12-05', vtiger, 'closingdate')).toBe(true);
		expect(sameValue('ACME', 'Acme', vtiger, 'accountname')).toBe(false);
		// Xero keeps no empty-as-zero rule: an empty amount is not 0 there.
		expect(sameValue('', 0, XERO_STORAGE, 'UnitAmount')).toBe(false);
	});
});
