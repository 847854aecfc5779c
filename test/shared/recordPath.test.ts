import { recordPath, xeroIdProblem } from '../../nodes/shared/xero/recordPath';

describe('IDs placed in a path (issue 11, defect 6)', () => {
	it('accepts a GUID and encodes it', () => {
		expect(recordPath('/Accounts', 'AccountID', ' 0f4c3a35-5d4e-4b5a-9c1e-2b7d8a9e6f10 ')).toBe('/Accounts/0f4c3a35-5d4e-4b5a-9c1e-2b7d8a9e6f10');
	});

	it.each(['../Contacts', '0f4c3a35-5d4e-4b5a-9c1e-2b7d8a9e6f10/../../Contacts', '%2e%2e', 'x?where=1', ''])('refuses %j', (id) => {
		expect(() => recordPath('/Accounts', 'AccountID', id)).toThrow(/AccountID/);
	});

	it('shortens what it quotes', () => {
		expect(String(xeroIdProblem('ContactID', 'x'.repeat(10_000))).length).toBeLessThan(300);
		expect(xeroIdProblem('ContactID', { a: 1 })).toMatch(/a object is not a Xero ID/);
	});
});
