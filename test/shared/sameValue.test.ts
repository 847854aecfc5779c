import { changedFields, sameValue } from '../../nodes/shared/sameValue';
import { XERO_STORAGE } from '../../nodes/XeroSync/helpers/xeroStorage';

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
});
