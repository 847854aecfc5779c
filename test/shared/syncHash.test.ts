import { sameValue } from '../../nodes/shared/sameValue';
import { projectLike, syncHash } from '../../nodes/shared/syncHash';
import { decideSync } from '../../nodes/shared/conflictPolicy';
import { XERO_STORAGE } from '../../nodes/shared/xero/storage';
import { vtigerStorage } from '../../nodes/CrmRecord/helpers/unchanged';

const hash = (values: Record<string, unknown>) => syncHash(values, XERO_STORAGE);

describe('syncHash: the remembered state of a linked record', () => {
	const pairs: Array<[string, unknown, unknown]> = [
		['UnitAmount', 10.00004, 10],
		['UnitAmount', '10.5', 10.5],
		['LineAmount', 1.005, 1.01],
		['ContactNumber', 123, '123'],
		['Date', '2026-12-05T00:00:00', '2026-12-05'],
		['Status', 'authorised', 'AUTHORISED'],
		['Name', '  Acme ', 'Acme'],
		['EmailAddress', '', undefined],
		['Phones', [], undefined],
		['IsCustomer', true, 'true'],
	];

	it.each(pairs)('hashes %s values sameValue calls equal the same (%p, %p)', (field, a, b) => {
		expect(sameValue(a, b, XERO_STORAGE, field)).toBe(true);
		expect(hash({ [field]: a })).toBe(hash({ [field]: b }));
	});

	it('changes with a real change', () => {
		expect(hash({ Name: 'Acme' })).not.toBe(hash({ Name: 'ACME' }));
		expect(hash({ UnitAmount: 10 })).not.toBe(hash({ UnitAmount: 10.0001 }));
		expect(hash({ ContactNumber: 123 })).not.toBe(hash({ ContactNumber: '0123' }));
		expect(hash({ Date: '2026-12-05' })).not.toBe(hash({ Date: '2026-12-06' }));
		expect(hash({ Name: 'Acme', EmailAddress: 'a@b.c' })).not.toBe(hash({ Name: 'Acme' }));
		expect(hash({ Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '1' }] })).not.toBe(hash({ Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '2' }] }));
	});

	it('does not depend on the order of fields, of keyed array elements, or the case of their type', () => {
		const a = {
			Name: 'Acme',
			EmailAddress: 'a@b.c',
			Phones: [
				{ PhoneType: 'DEFAULT', PhoneNumber: '1' },
				{ PhoneType: 'MOBILE', PhoneNumber: '2' },
			],
			Contact: { ContactID: 'ABC' },
		};
		const b = {
			Contact: { ContactID: 'abc' },
			Phones: [
				{ PhoneNumber: '2', PhoneType: 'mobile' },
				{ PhoneType: 'DEFAULT', PhoneNumber: '1' },
				{ PhoneType: 'FAX' },
			],
			EmailAddress: 'a@b.c',
			Name: 'Acme',
		};
		expect(hash(a)).toBe(hash(b));
	});

	it("cuts the other side's record to the payload's fields before hashing it", () => {
		const payload = { Name: 'Acme', Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '1' }], Contact: { Name: 'Bob' } };
		const xero = {
			ContactID: 'X1',
			Name: 'Acme',
			UpdatedDateUTC: '/Date(1)/',
			Phones: [
				{ PhoneType: 'DEFAULT', PhoneNumber: '1', PhoneAreaCode: '' },
				{ PhoneType: 'MOBILE', PhoneNumber: '9' },
			],
			Contact: { ContactID: 'C1', Name: 'BOB' },
		};
		expect(hash(projectLike(xero, payload, XERO_STORAGE))).toBe(hash(payload));
		expect(hash(projectLike({ ...xero, Name: 'Acme Ltd' }, payload, XERO_STORAGE))).not.toBe(hash(payload));
	});

	it('keeps an element of a keyed array whole: a part the payload left out still counts', () => {
		const payload = { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0101' }] };
		const xero = { Phones: [{ PhoneType: 'DEFAULT', PhoneCountryCode: '64', PhoneNumber: '555 0101' }] };
		expect(hash(projectLike(xero, payload, XERO_STORAGE))).not.toBe(hash(payload));
		expect(hash(projectLike(xero, { Phones: xero.Phones }, XERO_STORAGE))).toBe(hash({ Phones: xero.Phones }));
	});

	it("follows vtiger's storage rules too (empty number is 0, flags 1/0)", () => {
		const vtiger = vtigerStorage(new Map([['annual_revenue', 'currency'], ['emailoptout', 'boolean']]));
		expect(syncHash({ annual_revenue: '', emailoptout: '1' }, vtiger)).toBe(syncHash({ annual_revenue: '0.00000000', emailoptout: true }, vtiger));
		expect(syncHash({ annual_revenue: '5' }, vtiger)).not.toBe(syncHash({ annual_revenue: '0' }, vtiger));
	});
});

describe('decideSync: which edit a flow keeps', () => {
	const stored = 'S';
	const base = { source: 'crm' as const, storedHash: stored };
	it('keeps today\'s behaviour with the default policy or without a stored hash', () => {
		expect(decideSync({ ...base, policy: 'sourceAlways', sourceHash: 'A', targetHash: 'B' }).action).toBe('write');
		expect(decideSync({ ...base, policy: 'fail', storedHash: '', sourceHash: 'A', targetHash: 'B' }).action).toBe('write');
	});
	it('writes only what changed on the source, and never over an edit made only on the target', () => {
		expect(decideSync({ ...base, policy: 'fail', sourceHash: 'S', targetHash: 'S' }).action).toBe('unchanged');
		expect(decideSync({ ...base, policy: 'fail', sourceHash: 'A', targetHash: 'S' }).action).toBe('write');
		const skip = decideSync({ ...base, policy: 'crmWins', sourceHash: 'S', targetHash: 'B' });
		expect(skip.action).toBe('skip');
		expect(skip.reason).toMatch(/Xero has the newer edit/);
		expect(decideSync({ ...base, policy: 'fail', sourceHash: 'A', targetHash: 'A' }).action).toBe('unchanged');
	});
	it('settles an edit on both sides by the policy', () => {
		const both = { ...base, sourceHash: 'A', targetHash: 'B' };
		expect(decideSync({ ...both, policy: 'xeroWins' }).action).toBe('skip');
		expect(decideSync({ ...both, policy: 'crmWins' }).action).toBe('write');
		expect(decideSync({ ...both, source: 'xero', policy: 'crmWins' }).action).toBe('skip');
		expect(decideSync({ ...both, source: 'xero', policy: 'xeroWins' }).action).toBe('write');
		expect(decideSync({ ...both, policy: 'fail' }).action).toBe('conflict');
		const newer = { ...both, policy: 'newest' as const, sourceModified: '2026-12-05 10:00:00' };
		expect(decideSync({ ...newer, targetModified: '/Date(1796468400000+0000)/' }).action).toBe('skip'); // 11:00 UTC in Xero's JSON date
		expect(decideSync({ ...newer, targetModified: '2026-12-05T09:00:00Z' }).action).toBe('write');
		expect(decideSync({ ...newer, targetModified: '2026-12-05T11:00:00Z' }).action).toBe('skip');
		expect(decideSync({ ...both, policy: 'newest' }).action).toBe('conflict');
	});
});
