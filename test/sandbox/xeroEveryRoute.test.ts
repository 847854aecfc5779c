import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { ACCOUNTING_ROUTES } from '../../sandbox/xero/accounting/routes';
import { apiClient, type ApiClient } from '../../sandbox/xero/testing/apiClient';

type Rec = Record<string, unknown>;

/**
 * Every accounting route, for both demo organisations, answers with a body that matches the yaml: a response the
 * yaml rejects would show as a validation failure in this run's report and in the counter compared below.
 */
describe('Xero sandbox: every route against the yaml', () => {
	let xero: XeroSandbox;

	beforeAll(async () => {
		xero = await startXeroSandbox({ data: 'demo', validate: true });
	});
	afterAll(async () => {
		await xero.close();
	});

	async function exercise(api: ApiClient, tenantId: string): Promise<void> {
		const state = () => xero.state()[tenantId] as Record<string, Rec[]>;
		const ok = (answer: { status: number; text: string }, path: string) => {
			if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
		};
		for (const path of ['/Organisation', '/Contacts', '/Contacts?page=1&summaryOnly=true', '/Invoices', '/Invoices?page=1&unitdp=4', '/Items?unitdp=4', '/Accounts', '/Currencies', '/TaxRates', '/Payments', '/Payments?page=1&pageSize=1']) {
			ok(await api.get(path), path);
		}
		const contact = state().contacts[0];
		ok(await api.get(`/Contacts/${String(contact.ContactID)}`), 'getContact');
		ok(await api.get(`/Contacts/${String(contact.ContactNumber)}`), 'getContactByContactNumber');
		const created = await api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: `Route Contact ${tenantId.slice(0, 4)}` }] });
		ok(created, 'createContacts');
		ok(await api.post('/Contacts', { Contacts: [{ ContactID: created.json.Contacts[0].ContactID, FirstName: 'Ann' }] }), 'updateOrCreateContacts');
		ok(await api.post(`/Contacts/${String(created.json.Contacts[0].ContactID)}`, { Contacts: [{ LastName: 'Lee' }] }), 'updateContact');

		const account = state().accounts.find((entry) => entry.Code === '200');
		const item = state().items[0];
		ok(await api.get(`/Items/${String(item.ItemID)}`), 'getItem');
		ok(await api.post(`/Items/${String(item.ItemID)}`, { Items: [{ Code: item.Code, Description: 'Route check' }] }), 'updateItem');
		const newItem = await api.put<{ Items: Rec[] }>('/Items', { Items: [{ Code: 'ROUTE-1', PurchaseDetails: { UnitPrice: 3, AccountCode: '310' } }] });
		ok(newItem, 'createItems');
		ok(await api.post('/Items', { Items: [{ Code: 'ROUTE-1', Name: 'Route item' }] }), 'updateOrCreateItems');
		ok(await api.delete(`/Items/${String(newItem.json.Items[0].ItemID)}`), 'deleteItem');

		const invoice = await api.put<{ Invoices: Rec[] }>('/Invoices', {
			Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contact.ContactID }, Status: 'AUTHORISED', DueDate: '2026-12-31', LineItems: [{ ItemCode: item.Code, Quantity: 2, AccountCode: account?.Code }] }],
		});
		ok(invoice, 'createInvoices');
		const invoiceId = String(invoice.json.Invoices[0].InvoiceID);
		ok(await api.get(`/Invoices/${invoiceId}?unitdp=4`), 'getInvoice');
		ok(await api.get(`/Invoices/${invoiceId}`, { accept: 'application/pdf' }), 'getInvoiceAsPdf');
		ok(await api.get(`/Invoices/${invoiceId}/OnlineInvoice`), 'getOnlineInvoice');
		ok(await api.post(`/Invoices/${invoiceId}`, { Invoices: [{ Reference: 'route' }] }), 'updateInvoice');
		ok(await api.post('/Invoices?summarizeErrors=false', { Invoices: [{ InvoiceID: invoiceId, Reference: 'route 2' }, { Type: 'ACCPAY', Contact: { ContactID: contact.ContactID }, LineItems: [{ Description: 'bill', UnitAmount: 4, AccountCode: '429' }] }] }), 'updateOrCreateInvoices');
		const payment = await api.put<{ Payments: Rec[] }>('/Payments', { Payments: [{ Invoice: { InvoiceID: invoiceId }, Account: { Code: '090' }, Date: '2026-11-05', Amount: invoice.json.Invoices[0].AmountDue }] });
		ok(payment, 'createPayments');
		ok(await api.get(`/Payments/${String(payment.json.Payments[0].PaymentID)}`), 'getPayment');
		ok(await api.post(`/Payments/${String(payment.json.Payments[0].PaymentID)}`, { Status: 'DELETED' }), 'deletePayment');

		const quote = await api.put<{ Quotes: Rec[] }>('/Quotes', { Quotes: [{ Contact: { ContactID: contact.ContactID }, Date: '2026-11-01', LineItems: [{ Description: 'quote', Quantity: 1, UnitAmount: 5, AccountCode: '200' }] }] });
		ok(quote, 'createQuotes');
		const quoteId = String(quote.json.Quotes[0].QuoteID);
		ok(await api.get('/Quotes?Status=DRAFT&page=1'), 'getQuotes');
		ok(await api.get(`/Quotes/${quoteId}`), 'getQuote');
		ok(await api.post(`/Quotes/${quoteId}`, { Quotes: [{ Reference: 'route' }] }), 'updateQuote');
		ok(await api.post('/Quotes', { Quotes: [{ QuoteID: quoteId, Status: 'SENT' }] }), 'updateOrCreateQuotes');

		const order = await api.put<{ PurchaseOrders: Rec[] }>('/PurchaseOrders', { PurchaseOrders: [{ Contact: { ContactID: contact.ContactID }, LineItems: [{ Description: 'order', Quantity: 1, UnitAmount: 5, AccountCode: '310' }] }] });
		ok(order, 'createPurchaseOrders');
		const orderId = String(order.json.PurchaseOrders[0].PurchaseOrderID);
		ok(await api.get('/PurchaseOrders?Status=DRAFT&page=1&pageSize=10'), 'getPurchaseOrders');
		ok(await api.get(`/PurchaseOrders/${orderId}`), 'getPurchaseOrder');
		ok(await api.get(`/PurchaseOrders/${String(order.json.PurchaseOrders[0].PurchaseOrderNumber)}`), 'getPurchaseOrderByNumber');
		ok(await api.post(`/PurchaseOrders/${orderId}`, { PurchaseOrders: [{ Reference: 'route' }] }), 'updatePurchaseOrder');
		ok(await api.post('/PurchaseOrders', { PurchaseOrders: [{ PurchaseOrderID: orderId, Status: 'AUTHORISED' }] }), 'updateOrCreatePurchaseOrders');
		const credit = await api.put<{ CreditNotes: Rec[] }>('/CreditNotes', { CreditNotes: [{ Type: 'ACCRECCREDIT', Contact: { ContactID: invoice.json.Invoices[0].Contact && (invoice.json.Invoices[0].Contact as Rec).ContactID }, Status: 'AUTHORISED', LineItems: [{ Description: 'credit', Quantity: 1, UnitAmount: 1, AccountCode: '200' }] }] });
		ok(credit, 'createCreditNotes');
		const creditId = String(credit.json.CreditNotes[0].CreditNoteID);
		ok(await api.get('/CreditNotes?page=1&order=CreditNoteNumber'), 'getCreditNotes');
		ok(await api.get(`/CreditNotes/${creditId}`), 'getCreditNote');
		ok(await api.post(`/CreditNotes/${creditId}`, { CreditNotes: [{ Reference: 'route' }] }), 'updateCreditNote');
		ok(await api.post('/CreditNotes', { CreditNotes: [{ CreditNoteID: creditId, Reference: 'route 2' }] }), 'updateOrCreateCreditNotes');
		ok(await api.put(`/CreditNotes/${creditId}/Allocations`, { Allocations: [{ Invoice: { InvoiceID: invoiceId }, Amount: 1, Date: '2026-11-06' }] }), 'createCreditNoteAllocation');

		const newAccount = await api.put<{ Accounts: Rec[] }>('/Accounts', { Code: 'R1', Name: 'Route account', Type: 'EXPENSE' });
		ok(newAccount, 'createAccount');
		const accountId = String(newAccount.json.Accounts[0].AccountID);
		ok(await api.get(`/Accounts/${accountId}`), 'getAccount');
		ok(await api.post(`/Accounts/${accountId}`, { Accounts: [{ Description: 'checked' }] }), 'updateAccount');
		ok(await api.delete(`/Accounts/${accountId}`), 'deleteAccount');
		ok(await api.put('/Currencies', { Code: 'EUR' }), 'createCurrency');
	}

	it('answers every route for both organisations within the contract', async () => {
		const before = xero.validation().specs['xero_accounting.yaml'];
		const tokens = await xero.authorize();
		for (const tenant of xero.tenants) {
			await exercise(apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: tenant.tenantId }), tenant.tenantId);
		}
		const after = xero.validation().specs['xero_accounting.yaml'];
		expect(after.responseFailures - before.responseFailures).toBe(0);
		expect(after.requestFailures - before.requestFailures).toBe(0);
		expect(after.responses - before.responses).toBeGreaterThan(60);

		const seen = new Set(Object.keys(xero.stats().totals.byPath));
		const missing = ACCOUNTING_ROUTES.map((route) => `${route.method} ${route.template}`).filter((key) => !seen.has(key));
		expect(missing).toEqual([]);
	});
});
