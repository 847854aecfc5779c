import { crmToXero, foundFromRows, groupLookups, lookupKey, mapBatch, referencesFor, RESOLVED_KEY, unresolvedMessage, xeroResourceOf, xeroToCrm } from '../../nodes/shared/mapping';
import { MemoryCrm, PREFIXES } from './support/memoryCrm';

describe('mapping API', () => {
	it('routes each CRM module to its Xero resource', () => {
		const modules = ['Accounts', 'Contacts', 'Products', 'Services', 'Invoice', 'Quotes', 'SalesOrder', 'XeroAccounts'];
		expect(modules.map((module) => xeroResourceOf(module))).toEqual(['organisation', 'organisation', 'item', 'item', 'invoice', 'invoice', 'invoice', 'account']);
		expect(xeroResourceOf('Vendors')).toBe('organisation');
		expect(xeroResourceOf('Leads')).toBeUndefined();
		expect(xeroResourceOf('Ledger', { accountModule: 'Ledger' })).toBe('account');
		expect(crmToXero('Ledger', { ledger: 'x' }, { accountModule: 'Ledger' }).resource).toBe('account');
	});

	it('says which modules and resources it maps when asked for another', () => {
		expect(() => crmToXero('Leads', {})).toThrow('No mapping from CRM module "Leads" to Xero. Mapped modules: Accounts, Contacts, Vendors, Products, Services, Invoice, Quotes, SalesOrder, XeroAccounts.');
		expect(() => xeroToCrm('payment' as never, {})).toThrow('No mapping from Xero resource "payment" to the CRM.');
	});

	it('groups lookups into one query per module and field and answers them case-insensitively', () => {
		const lookups = [
			{ module: 'Accounts', field: 'accountname', value: 'Acme' },
			{ module: 'Accounts', field: 'accountname', value: 'Zeta' },
			{ module: 'Accounts', field: 'accountname', value: 'Acme' },
			{ module: 'Products', field: 'productcode', value: 'A1' },
		];
		expect(groupLookups(lookups)).toEqual([
			{ module: 'Accounts', field: 'accountname', values: ['Acme', 'Zeta'] },
			{ module: 'Products', field: 'productcode', values: ['A1'] },
		]);
		const found = foundFromRows(lookups.slice(0, 2), [{ id: '11x2', accountname: 'ACME ' }]);
		expect(found).toEqual({ 'Accounts.accountname=Acme': { id: '11x2', accountname: 'ACME ' }, 'Accounts.accountname=Zeta': null });
	});

	it('resolves a contact → account → primary person chain over rounds, batched', async () => {
		const crm = new MemoryCrm(
			[
				{ id: '11x2', accountname: 'Acme', cf_xero_contact_id: 'c-1' },
				{ id: '12x3', firstname: 'Ann', lastname: 'Lee', account_id: '11x2' },
				{ id: '12x4', firstname: 'Bo', lastname: 'Ng', account_id: '11x2' },
			],
			PREFIXES,
		);
		const contacts = [crm.records[1], crm.records[2], { id: '12x5', lastname: 'Orphan', account_id: '11x404' }];
		const results = await mapBatch(contacts.length, (index, resolved) => crmToXero('Contacts', contacts[index], { resolved }), crm);
		expect(crm.calls).toEqual(['retrieve 11x2,11x404']);
		expect(results.map((result) => result.record.ContactID)).toEqual(['c-1', 'c-1', undefined]);
		expect(results[2].errors).toEqual(['CRM contact 12x5: its organisation 11x404 does not exist in the CRM.']);
		expect(results.every((result) => result.needs.crmIds.length === 0 && result.needs.lookups.length === 0)).toBe(true);
	});

	it('explains needs left open', () => {
		const key = lookupKey({ module: 'Products', field: 'productcode', value: 'A1' });
		expect(key).toBe('Products.productcode=A1');
		expect(unresolvedMessage({ crmIds: ['14x9'], lookups: [{ module: 'Products', field: 'productcode', value: 'A1' }] })).toBe(
			'Could not resolve CRM record 14x9, Products with productcode = "A1".',
		);
		expect(unresolvedMessage({ crmIds: [], lookups: [] })).toBe('');
	});
});

describe('references carried on the record ($resolved)', () => {
	it('lets a node without CRM access map an invoice that a CRM node resolved upstream, with only its own references', async () => {
		const crm = new MemoryCrm(
			[
				{ id: '11x2', accountname: 'Acme', cf_xero_contact_id: 'c-1' },
				{ id: '11x3', accountname: 'Zeta', cf_xero_contact_id: 'c-3' },
				{ id: '14x10', productname: 'Widget', productcode: 'W1', cf_xero_sales_account: '200' },
				{ id: '21x1', currency_code: 'USD' },
			],
			PREFIXES,
		);
		const line = { productid: '14x10', quantity: '1.000', listprice: '5.00000000' };
		const invoices = [
			{ id: '7x20', invoice_no: 'INV1', subject: 'A', account_id: '11x2', currency_id: '21x1', invoicestatus: 'Created', LineItems: [line] },
			{ id: '7x21', invoice_no: 'INV2', subject: 'B', account_id: '11x3', invoicestatus: 'Created', LineItems: [line] },
		];
		const references = await referencesFor(invoices, (record, resolved) => crmToXero('Invoice', record, { resolved }), crm);
		expect(Object.keys(references[1].records ?? {}).sort()).toEqual(['11x3', '14x10']);
		const mapped = invoices.map((invoice, index) => crmToXero('Invoice', { ...invoice, [RESOLVED_KEY]: references[index] }));
		expect(mapped.map((result) => result.errors)).toEqual([[], []]);
		expect(mapped.map((result) => result.needs)).toEqual([
			{ crmIds: [], lookups: [] },
			{ crmIds: [], lookups: [] },
		]);
		expect(mapped.map((result) => (result.record.Contact as Record<string, unknown>).ContactID)).toEqual(['c-1', 'c-3']);
		expect(mapped[0].record.CurrencyCode).toBe('USD');
	});
});
