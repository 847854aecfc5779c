import { DEMO_IDS } from '../../sandbox/vtiger';
import { createRecord } from '../../sandbox/vtiger/ops/save';
import { callsTo, crmForBlock, failureOf, fromXero, moduleParam, runCrm } from './workflow';

const crm = crmForBlock();

const calls = callsTo(crm);

const harbour = {
	ContactID: '5b3c6a2e-0000-4000-8000-000000000001',
	Name: 'Harbour Supplies Ltd',
	FirstName: 'Ana',
	LastName: 'Kere',
	EmailAddress: 'ana@harbour.example.com',
	Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0100', PhoneAreaCode: '09', PhoneCountryCode: '64' }],
	Addresses: [{ AddressType: 'STREET', AddressLine1: '1 Wharf Road', City: 'Auckland', Country: 'New Zealand' }],
	TaxNumber: '12-345-678',
	DefaultCurrency: 'NZD',
};
const bayside = { ContactID: '5b3c6a2e-0000-4000-8000-000000000002', Name: 'BAYSIDE CLUB', EmailAddress: 'office@bayside.example.com' };

const upsertOrganisations = {
	operation: 'upsert',
	module: moduleParam('Accounts'),
	inputMode: 'xero',
	xeroResource: 'organisation',
};

describe('Xero organisations → CRM Accounts (upsert, auto-mapped)', () => {
	test('creates the new one with its Xero ID and primary contact, links the existing one by name', async () => {
		const accountsBefore = crm.records('Accounts').length;
		const { main, errors } = await runCrm(crm, upsertOrganisations, [harbour, bayside]);
		expect(errors).toHaveLength(0);
		expect(main[0].json).toMatchObject({
			accountname: 'Harbour Supplies Ltd',
			cf_xero_contact_id: harbour.ContactID,
			ship_city: 'Auckland',
		});
		expect(main[1].json).toMatchObject({ id: DEMO_IDS.accounts.bayside, cf_xero_contact_id: bayside.ContactID });
		expect(crm.records('Accounts').length).toBe(accountsBefore + 1);
		const person = crm.records('Contacts').find((c) => c.id === main[0].json.primaryContactId);
		// Xero's EmailAddress is the person's: it lands on the CRM contact, not on the account (docs/mapping.md).
		expect(person).toMatchObject({ firstname: 'Ana', lastname: 'Kere', account_id: main[0].json.id, email: 'ana@harbour.example.com' });
	});

	test('a second run creates nothing and writes nothing', async () => {
		const before = { create: calls('create'), revise: calls('revise') };
		const { main, errors } = await runCrm(crm, upsertOrganisations, [harbour, bayside]);
		expect(errors).toHaveLength(0);
		expect(main).toHaveLength(2);
		expect(calls('create') - before.create).toBe(0);
		expect(calls('revise') - before.revise).toBe(0);
	});

	test('a renamed organisation is found by its Xero ID, not duplicated; a single field can be overridden', async () => {
		const { main, errors } = await runCrm(
			crm,
			{ ...upsertOrganisations, overrides: { override: [{ field: 'industry', value: 'Retail' }] } },
			[{ ...harbour, Name: 'Harbour Supplies (NZ) Ltd' }],
		);
		expect(errors).toHaveLength(0);
		expect(main[0].json).toMatchObject({ accountname: 'Harbour Supplies (NZ) Ltd', industry: 'Retail' });
		expect(crm.records('Accounts').filter((a) => a.cf_xero_contact_id === harbour.ContactID)).toHaveLength(1);
	});

	test('when the primary contact cannot be written, the item fails naming the written account', async () => {
		const engine = crm.engine();
		const account = engine.idOf(createRecord(engine, 'Accounts', { accountname: 'Twin Contacts Ltd', assigned_user_id: '19x1' }, '19x1'));
		for (const firstname of ['Kim', 'Lee']) {
			createRecord(engine, 'Contacts', { firstname, lastname: 'Twin', account_id: account, assigned_user_id: '19x1' }, '19x1');
		}
		const { main, errors } = await runCrm(crm, upsertOrganisations, [
			{ ContactID: 'twin-contacts-id', Name: 'Twin Contacts Ltd', FirstName: 'Kim', LastName: 'Twin' },
		]);
		expect(main).toHaveLength(0);
		const failure = failureOf(errors[0]);
		expect(failure.entry).toMatchObject({ code: 'CONTACT', crmId: account, xeroId: 'twin-contacts-id' });
		expect(failure.message).toMatch(
			new RegExp(`^Accounts record ${account} was written, but its primary contact failed: Contacts record "Kim Twin": 2 records match account_id = "${account}" and lastname = "Twin"`),
		);
		expect(crm.records('Accounts').find((a) => a.id === account)?.cf_xero_contact_id).toBe('twin-contacts-id');
	});

	test('an organisation without a name is refused with the mapping\'s message; the others go through', async () => {
		const { main, errors } = await runCrm(crm, upsertOrganisations, [{ ContactID: 'no-name-id' }, bayside]);
		expect(main).toHaveLength(1);
		expect(failureOf(errors[0]).message).toMatch(/Xero contact no-name-id has no Name/);
	});
});

describe('Xero invoice → CRM Invoice (create, auto-mapped)', () => {
	test('line items find their products by item code and the account by its Xero ID', async () => {
		const invoice = {
			InvoiceID: '9e0f0000-0000-4000-8000-00000000000a',
			InvoiceNumber: 'INV-0042',
			Type: 'ACCREC',
			Status: 'AUTHORISED',
			Contact: {
				ContactID: harbour.ContactID,
				Name: 'Harbour Supplies (NZ) Ltd',
				Addresses: [
					{ AddressType: 'POBOX', AddressLine1: 'PO Box 42', City: 'Auckland' },
					{ AddressType: 'STREET', AddressLine1: '1 Wharf Road', City: 'Auckland' },
				],
			},
			Date: '2026-11-01T00:00:00',
			DueDate: '2026-11-30T00:00:00',
			CurrencyCode: 'NZD',
			LineItems: [
				{ ItemCode: 'GB1-White', Description: 'Golf balls', Quantity: 20, UnitAmount: 5 },
			],
		};
		const withoutAddress = { ...invoice, InvoiceID: 'no-address', InvoiceNumber: 'INV-0043', Contact: { ContactID: harbour.ContactID } };
		const { main, errors } = await runCrm(
			crm,
			fromXero('upsert', 'Invoice', { xeroResource: 'invoice' }),
			[invoice, withoutAddress],
		);
		// vtiger requires both streets: an invoice whose contact carries no address takes the organisation's (its
		// shipping street stands in for the billing one it lacks).
		expect(errors.map((e) => failureOf(e).message)).toEqual([]);
		expect(main[1].json).toMatchObject({ bill_street: '1 Wharf Road', ship_street: '1 Wharf Road' });
		const accountId = crm.records('Accounts').find((a) => a.cf_xero_contact_id === harbour.ContactID)?.id;
		expect(main[0].json).toMatchObject({
			account_id: accountId,
			cf_xero_invoice_id: invoice.InvoiceID,
			invoicestatus: 'Approved',
			currency_id: DEMO_IDS.currencies.nzd,
		});
		expect((main[0].json.LineItems as Array<Record<string, unknown>>)[0]).toMatchObject({
			productid: DEMO_IDS.products.golfBalls,
			quantity: 20,
			listprice: 5,
		});

		const revisesBefore = calls('revise');
		const again = await runCrm(
			crm,
			fromXero('upsert', 'Invoice', { xeroResource: 'invoice' }),
			[invoice],
		);
		expect(again.errors).toHaveLength(0);
		expect(again.main[0].json.id).toBe(main[0].json.id);
		// Same header and same lines (compared with the retrieved record): nothing is written.
		expect(calls('revise') - revisesBefore).toBe(0);
		expect((again.main[0].json.LineItems as unknown[]).length).toBe(1);
		expect(crm.records('Invoice').filter((r) => r.cf_xero_invoice_id === invoice.InvoiceID)).toHaveLength(1);
	});
});

describe('Xero items and accounts (upsert, auto-mapped)', () => {
	const consulting = {
		ItemID: 'a7c10000-0000-4000-8000-000000000001',
		Code: 'CONSULT-HR',
		Name: 'Consulting hour',
		Description: 'One hour of consulting',
		SalesDetails: { UnitPrice: 150, AccountCode: '200' },
		PurchaseDetails: {},
	};

	test('an item becomes a Services record when the module says so; a second run writes nothing', async () => {
		const params = fromXero('upsert', 'Services', { xeroResource: 'item' });
		const { main, errors } = await runCrm(crm, params, [consulting]);
		expect(errors.map((e) => failureOf(e).message)).toEqual([]);
		expect(main[0].json).toMatchObject({
			id: expect.stringMatching(/^26x\d+$/),
			servicename: 'Consulting hour',
			unit_price: 150,
			cf_xero_item_id: consulting.ItemID,
			cf_xero_sales_account: '200',
		});
		const before = { create: calls('create'), revise: calls('revise') };
		const again = await runCrm(crm, params, [consulting]);
		expect(again.main[0].json.id).toBe(main[0].json.id);
		expect([calls('create') - before.create, calls('revise') - before.revise]).toEqual([0, 0]);
	});

	test('an item becomes an active product (vtiger stores a checkbox left out of a create as off, transcript 35)', async () => {
		const item = { ...consulting, ItemID: 'a7c10000-0000-4000-8000-000000000035', Code: 'ACTIVE-35', Name: 'Active from Xero' };
		const params = fromXero('upsert', 'Products', { xeroResource: 'item' });
		const { main, errors } = await runCrm(crm, params, [item]);
		expect(errors.map((e) => failureOf(e).message)).toEqual([]);
		const stored = crm.records('Products').find((r) => r.id === main[0].json.id);
		expect(stored?.discontinued).toBe('1');
	});

	test('a product the user creates as inactive stays inactive', async () => {
		const fields = { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };
		const { main } = await runCrm(crm, { operation: 'create', module: moduleParam('Products'), inputMode: 'fields', fields }, [
			{ productname: 'Inactive on purpose', discontinued: false },
			{ productname: 'Active by default' },
		]);
		const stored = (i: number) => crm.records('Products').find((r) => r.id === main[i].json.id);
		expect([stored(0)?.discontinued, stored(1)?.discontinued]).toEqual(['0', '1']);
	});

	test('a Xero account lands in the module chosen to hold accounts, matched by its code when it has no link yet', async () => {
		const sales = { AccountID: 'acc-0000-sales', Code: '200', Name: 'Sales', Type: 'REVENUE', TaxType: 'OUTPUT2', Class: 'REVENUE', Status: 'ACTIVE' };
		const before = crm.records('XeroAccounts').length;
		const { main, errors } = await runCrm(
			crm,
			fromXero('upsert', 'XeroAccounts', { xeroResource: 'account', xeroIdField: 'xero_account_id' }),
			[sales],
		);
		expect(errors.map((e) => failureOf(e).message)).toEqual([]);
		expect(main[0].json).toMatchObject({ id: DEMO_IDS.xeroAccounts.sales, xero_account_code: '200', xero_account_id: 'acc-0000-sales' });
		expect(crm.records('XeroAccounts')).toHaveLength(before);
	});
});
