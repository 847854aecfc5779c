import { XERO_RESOURCES } from '../../../nodes/shared/xero/resources';
import { decide, lookupKeysFor, withSuffix } from '../../../nodes/XeroSync/send/duplicates';
import type { IDataObject } from 'n8n-workflow';
import type { XeroResourceSpec } from '../../../nodes/shared/xero/resources';
import { findMatch, lookupWhere, needsLookupBeforeWrite, targetKeys } from '../../../nodes/XeroSync/send/match';

const sameTarget = (spec: XeroResourceSpec, a: IDataObject, b: IDataObject, crmA?: string, crmB?: string) =>
	targetKeys(spec, a, crmA).some((key) => targetKeys(spec, b, crmB).includes(key));

const contacts = XERO_RESOURCES.organisation;
const invoices = XERO_RESOURCES.invoice;
const items = XERO_RESOURCES.item;

const existingContacts = [
	{ ContactID: '11111111-1111-1111-1111-111111111111', Name: 'Acme Ltd', ContactNumber: 'C-1' },
	{ ContactID: '22222222-2222-2222-2222-222222222222', Name: 'Beta (7x9)', ContactNumber: 'C-2' },
];

describe('findMatch', () => {
	it('prefers the Xero ID, then the record carrying this CRM id, then the name; never a Contact Number alone', () => {
		expect(findMatch(contacts, { ContactID: existingContacts[1].ContactID, Name: 'Acme Ltd' }, existingContacts)).toMatchObject({
			by: 'id',
			existing: existingContacts[1],
		});
		expect(findMatch(contacts, { ContactNumber: 'C-2', Name: 'Acme Ltd' }, existingContacts, 'c-2')).toMatchObject({
			by: 'crmId',
			existing: existingContacts[1],
		});
		expect(findMatch(contacts, { ContactNumber: 'c-2', Name: 'Gamma' }, existingContacts)).toBeUndefined();
		expect(findMatch(contacts, { Name: ' acme ltd ' }, existingContacts)).toMatchObject({ by: 'name' });
		expect(findMatch(contacts, { Name: 'Gamma' }, existingContacts)).toBeUndefined();
	});

	it('never matches items or invoices by name; sales numbers within their type, bills by supplier and number', () => {
		expect(findMatch(items, { Name: 'Widget' }, [{ ItemID: 'x', Code: 'W1', Name: 'Widget' }])).toBeUndefined();
		const bill = { InvoiceID: 'b', InvoiceNumber: 'INV-1', Type: 'ACCPAY', Contact: { ContactID: 'c-a', Name: 'Supplier A' } };
		expect(findMatch(invoices, { InvoiceNumber: 'INV-1', Type: 'ACCREC', Contact: { Name: 'Supplier A' } }, [bill])).toBeUndefined();
		expect(findMatch(invoices, { InvoiceNumber: 'INV-1', Type: 'ACCPAY', Contact: { Name: 'supplier a' } }, [bill])).toMatchObject({ by: 'number' });
		expect(findMatch(invoices, { InvoiceNumber: 'INV-1', Type: 'ACCPAY', Contact: { ContactID: 'C-A' } }, [bill])).toMatchObject({ by: 'number' });
		expect(findMatch(invoices, { InvoiceNumber: 'INV-1', Type: 'ACCPAY', Contact: { Name: 'Supplier B' } }, [bill])).toBeUndefined();
		expect(findMatch(invoices, { InvoiceNumber: 'INV-1', Type: 'ACCPAY' }, [bill])).toBeUndefined();
		const sale = { InvoiceID: 's', InvoiceNumber: 'INV-2', Type: 'ACCREC', Contact: { Name: 'Customer A' } };
		expect(findMatch(invoices, { InvoiceNumber: 'inv-2', Type: 'ACCREC', Contact: { Name: 'Customer B' } }, [sale])).toMatchObject({ by: 'number' });
	});

	it('recognises a Xero record carrying the CRM id in a Reference, as a whole word only', () => {
		const sale = { InvoiceID: 's', InvoiceNumber: 'INV-2', Type: 'ACCREC', Reference: 'QUO7 7x12 fitting' };
		expect(findMatch(invoices, { InvoiceNumber: 'NEW', Type: 'ACCREC' }, [sale], '7x12')).toMatchObject({ by: 'crmId' });
		expect(findMatch(invoices, { InvoiceNumber: 'NEW', Type: 'ACCREC' }, [sale], '7x1')).toBeUndefined();
	});

	it('recognises two input records aimed at the same Xero record', () => {
		expect(sameTarget(items, { Code: 'a' }, { Code: 'A' })).toBe(true);
		expect(sameTarget(items, { Code: 'a' }, { Code: 'b' })).toBe(false);
		expect(sameTarget(contacts, { Name: 'X', ContactNumber: '1' }, { Name: 'x' })).toBe(true);
		expect(sameTarget(contacts, { Name: 'X', ContactNumber: '1' }, { Name: 'Y', ContactNumber: '1' })).toBe(false);
		expect(sameTarget(contacts, { Name: 'X', ContactNumber: '11x1' }, { Name: 'Y', ContactNumber: '11x1' }, '11x1', '11X1')).toBe(true);
		expect(sameTarget(contacts, { Name: 'X' }, { Name: 'Y' }, '11x1', '11x1')).toBe(false);
		const bill = (Name: string) => ({ Type: 'ACCPAY', InvoiceNumber: 'B-1', Contact: { Name } });
		expect(sameTarget(invoices, bill('Supplier A'), bill('supplier a'))).toBe(true);
		expect(sameTarget(invoices, bill('Supplier A'), bill('Supplier B'))).toBe(false);
		expect(sameTarget(invoices, { Type: 'ACCREC', InvoiceNumber: 'S-1' }, { Type: 'ACCPAY', InvoiceNumber: 'S-1', Contact: { Name: 'A' } })).toBe(false);
	});
});

describe('lookupWhere', () => {
	it('builds one OR clause for the whole batch with quoted values, and nothing when there is nothing to match', () => {
		expect(lookupWhere(contacts, [{ numbers: ['C-1'], names: ['Say "hi"'] }, { numbers: ['C-1'], names: [] }])).toBe(
			'(ContactNumber=="C-1") OR (Name=="Say ""hi""")', // Dynamic LINQ doubles the quote (issue 11)
		);
		expect(lookupWhere(items, [{ numbers: ['W1'], names: ['ignored'] }])).toBe('Code=="W1"');
		expect(lookupWhere(items, [{ numbers: [], names: [] }])).toBeUndefined();
	});
});

describe('decide (duplicate handling)', () => {
	it('creates unmatched records in every mode', () => {
		for (const mode of ['skip', 'addSuffix', 'update', 'fail'] as const) {
			expect(decide(contacts, { Name: 'New Co' }, existingContacts, mode, '3x1').kind).toBe('create');
		}
	});

	it('treats a record carrying its Xero ID as an explicit update, never a duplicate', () => {
		const record = { ContactID: existingContacts[0].ContactID, Name: 'Acme Ltd' };
		expect(decide(contacts, record, existingContacts, 'fail', undefined)).toEqual({
			kind: 'update',
			payload: record,
			matchedBy: 'id',
		});
	});

	it('skips to the existing record, updates it with its ID, or fails with advice', () => {
		expect(decide(contacts, { Name: 'Acme Ltd' }, existingContacts, 'skip', undefined)).toEqual({
			kind: 'skip',
			existing: existingContacts[0],
		});
		expect(decide(contacts, { Name: 'Acme Ltd', EmailAddress: 'a@b.c' }, existingContacts, 'update', undefined)).toEqual({
			kind: 'update',
			payload: { Name: 'Acme Ltd', EmailAddress: 'a@b.c', ContactID: existingContacts[0].ContactID },
			matchedBy: 'name',
		});
		const failed = decide(contacts, { Name: 'Acme Ltd' }, existingContacts, 'fail', undefined);
		expect(failed).toMatchObject({ kind: 'fail', xeroId: existingContacts[0].ContactID });
		expect(failed.kind === 'fail' && failed.message).toMatch(/named "Acme Ltd" already exists.*Update Existing/);
	});

	it('adds a suffix from the CRM id, and updates its own earlier suffixed record on a re-run', () => {
		expect(decide(contacts, { Name: 'Acme Ltd' }, existingContacts, 'addSuffix', '11x42')).toEqual({
			kind: 'create',
			payload: { Name: 'Acme Ltd (11x42)' },
		});
		expect(decide(contacts, { Name: 'Beta' }, [...existingContacts, { ContactID: 'z', Name: 'Beta' }], 'addSuffix', '7x9')).toEqual({
			kind: 'update',
			payload: { Name: 'Beta (7x9)', ContactID: existingContacts[1].ContactID },
			matchedBy: 'name',
		});
		expect(decide(contacts, { Name: 'Acme Ltd' }, existingContacts, 'addSuffix', undefined)).toMatchObject({ kind: 'fail' });
	});

	it('suffixes only what Xero keeps unique: a Contact Number holding the CRM id stays as it is', () => {
		expect(withSuffix(contacts, { Name: 'Acme', ContactNumber: '11x1' }, '11x1')).toEqual({ Name: 'Acme (11x1)', ContactNumber: '11x1' });
		expect(withSuffix(invoices, { InvoiceNumber: 'B-1', Reference: '7x1' }, '7x1')).toEqual({ InvoiceNumber: 'B-1-7x1', Reference: '7x1' });
	});

	it('keeps suffixed item codes within Xero\'s 30 characters', () => {
		const code = withSuffix(items, { Code: 'A'.repeat(30) }, '14x123456').Code as string;
		expect(code).toHaveLength(30);
		expect(code.endsWith('-14x123456')).toBe(true);
	});

	it('looks up the suffixed values too under Add Suffix, and nothing for records with an ID', () => {
		expect(lookupKeysFor(items, { Code: 'W1' }, 'addSuffix', '14x1')).toEqual({ numbers: ['W1', 'W1-14x1'], names: [] });
		expect(lookupKeysFor(items, { Code: 'W1', ItemID: 'x' }, 'skip', undefined)).toEqual({ numbers: [], names: [] });
	});
});

describe('needsLookupBeforeWrite', () => {
	it('looks up first only for keys Xero does not keep unique', () => {
		expect(needsLookupBeforeWrite(contacts, { Name: 'A' })).toBe(false);
		expect(needsLookupBeforeWrite(contacts, { Name: 'A', ContactNumber: 'C-9' })).toBe(true);
		expect(needsLookupBeforeWrite(contacts, { ContactID: 'x', ContactNumber: 'C-9' })).toBe(false);
		expect(needsLookupBeforeWrite(invoices, { Type: 'ACCREC', InvoiceNumber: 'INV-1' })).toBe(false);
		expect(needsLookupBeforeWrite(invoices, { Type: 'ACCPAY', InvoiceNumber: 'SUP-1', Contact: { Name: 'Supplier A' } })).toBe(true);
		expect(needsLookupBeforeWrite(items, { Code: 'W1' })).toBe(false);
	});
});
