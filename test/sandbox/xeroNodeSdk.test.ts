import { Account, AccountType, Invoice, LineAmountTypes, XeroClient } from 'xero-node';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';

/**
 * The official SDK against the sandbox: if Xero's own generated client can create, read and update through it,
 * the sandbox speaks Xero's wire format, not just our idea of it.
 */
describe('xero-node AccountingApi round trip', () => {
	let sandbox: XeroSandbox;
	let xero: XeroClient;
	let tenantId: string;

	beforeAll(async () => {
		sandbox = await startXeroSandbox({ data: 'demo', validate: true });
		const tokens = await sandbox.authorize();
		xero = new XeroClient({
			clientId: sandbox.clients.web.clientId,
			clientSecret: sandbox.clients.web.clientSecret,
			redirectUris: ['http://127.0.0.1/oauth2-callback'],
			scopes: tokens.scope.split(' '),
		});
		xero.setTokenSet({ ...tokens });
		xero.accountingApi.basePath = `${sandbox.url}/api.xro/2.0`;
		tenantId = sandbox.tenants[0].tenantId;
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it('creates, reads and updates a contact', async () => {
		const created = await xero.accountingApi.createContacts(tenantId, { contacts: [{ name: 'SDK Contact Ltd', emailAddress: 'sdk@example.com' }] });
		const contact = created.body.contacts?.[0];
		expect(contact?.contactID).toMatch(/^[0-9a-f-]{36}$/);
		expect(contact?.updatedDateUTC).toBeInstanceOf(Date);
		const fetched = await xero.accountingApi.getContact(tenantId, String(contact?.contactID));
		expect(fetched.body.contacts?.[0].name).toBe('SDK Contact Ltd');
		const updated = await xero.accountingApi.updateContact(tenantId, String(contact?.contactID), { contacts: [{ name: 'SDK Contact Limited' }] });
		expect(updated.body.contacts?.[0].name).toBe('SDK Contact Limited');
		const listed = await xero.accountingApi.getContacts(tenantId, undefined, 'Name.StartsWith("SDK")', undefined, undefined, 1, undefined, undefined, undefined, 10);
		expect(listed.body.contacts?.map((entry) => entry.name)).toEqual(['SDK Contact Limited']);
		expect(listed.body.pagination).toMatchObject({ page: 1, pageSize: 10, itemCount: 1 });
	});

	it('creates, reads and updates an item', async () => {
		const created = await xero.accountingApi.createItems(tenantId, { items: [{ code: 'SDK-ITEM', name: 'SDK item', salesDetails: { unitPrice: 12.5, accountCode: '200', taxType: 'OUTPUT2' } }] });
		const item = created.body.items?.[0];
		expect(item?.itemID).toBeDefined();
		const fetched = await xero.accountingApi.getItem(tenantId, String(item?.itemID));
		expect(fetched.body.items?.[0].salesDetails?.unitPrice).toBe(12.5);
		const updated = await xero.accountingApi.updateItem(tenantId, String(item?.itemID), { items: [{ code: 'SDK-ITEM', name: 'SDK item v2' }] });
		expect(updated.body.items?.[0].name).toBe('SDK item v2');
	});

	it('creates, reads and updates an account', async () => {
		const account: Account = { code: '477', name: 'SDK Expenses', type: AccountType.EXPENSE, taxType: 'INPUT2' };
		const created = await xero.accountingApi.createAccount(tenantId, account);
		const stored = created.body.accounts?.[0];
		expect(String(stored?._class)).toBe('EXPENSE');
		const fetched = await xero.accountingApi.getAccount(tenantId, String(stored?.accountID));
		expect(fetched.body.accounts?.[0].code).toBe('477');
		const updated = await xero.accountingApi.updateAccount(tenantId, String(stored?.accountID), { accounts: [{ code: '477', name: 'SDK Costs', type: AccountType.EXPENSE }] });
		expect(updated.body.accounts?.[0].name).toBe('SDK Costs');
	});

	it('creates, reads and updates an invoice', async () => {
		const contacts = await xero.accountingApi.getContacts(tenantId, undefined, 'Name=="Bayside Club"');
		const invoice: Invoice = {
			type: Invoice.TypeEnum.ACCREC,
			contact: { contactID: contacts.body.contacts?.[0].contactID },
			date: '2026-11-10',
			dueDate: '2026-12-10',
			lineAmountTypes: LineAmountTypes.Exclusive,
			lineItems: [
				{ description: 'Golf balls', quantity: 10, itemCode: 'GB1-White' },
				{ description: 'Lessons', quantity: 2, unitAmount: 80, accountCode: '200' },
			],
			reference: 'SDK-REF',
		};
		// allowBackorders is newer than the yaml (README); the SDK sends it when given
		const created = await xero.accountingApi.createInvoices(tenantId, { invoices: [invoice] }, false, 4, 'sdk-invoice-1', false);
		const stored = created.body.invoices?.[0];
		expect(stored?.total).toBe(247.25);
		// xero-node turns the "/Date(…)/" string into a Date
		expect(stored?.date as unknown).toEqual(new Date('2026-11-10T00:00:00.000Z'));
		const fetched = await xero.accountingApi.getInvoice(tenantId, String(stored?.invoiceID));
		expect(fetched.body.invoices?.[0].lineItems).toHaveLength(2);
		expect(fetched.body.invoices?.[0].updatedDateUTC).toBeInstanceOf(Date);
		const updated = await xero.accountingApi.updateInvoice(tenantId, String(stored?.invoiceID), { invoices: [{ status: Invoice.StatusEnum.AUTHORISED }] });
		expect(String(updated.body.invoices?.[0].status)).toBe('AUTHORISED');
		const page = await xero.accountingApi.getInvoices(tenantId, undefined, undefined, undefined, [String(stored?.invoiceID)], undefined, undefined, ['AUTHORISED'], 1);
		expect(page.body.invoices?.map((entry) => entry.reference)).toEqual(['SDK-REF']);
	});

	it('reports a per-element error in a batch with summarizeErrors=false', async () => {
		const result = await xero.accountingApi.createContacts(tenantId, { contacts: [{ name: 'SDK Batch Good' }, { name: 'ABC Furniture' }] }, false);
		const [good, bad] = result.body.contacts ?? [];
		expect(good.statusAttributeString).toBe('OK');
		expect(good.contactID).toBeDefined();
		expect(bad.statusAttributeString).toBe('ERROR');
		expect(bad.hasValidationErrors).toBe(true);
		expect(bad.validationErrors?.[0].message).toBe('The Contact Name already exists. Please enter a different Contact Name.');
	});

	it('surfaces a summarized batch failure as the SDK error with Xero\'s body', async () => {
		// xero-node rejects with the error serialised as a JSON string
		const failure = await xero.accountingApi.createInvoices(tenantId, { invoices: [{ type: Invoice.TypeEnum.ACCREC, lineItems: [{ description: 'no contact' }] }] }).then(
			() => undefined,
			(error: unknown) => JSON.parse(String(error)) as { response: { statusCode: number; body: { Type: string; Elements: Array<{ ValidationErrors: Array<{ Message: string }> }> } } },
		);
		expect(failure?.response.statusCode).toBe(400);
		expect(failure?.response.body.Type).toBe('ValidationException');
		expect(failure?.response.body.Elements[0].ValidationErrors).toEqual([{ Message: 'A Contact must be specified for this type of transaction' }]);
	});
});
