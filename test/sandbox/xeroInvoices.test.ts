import { contactIdByName, signedInSandbox } from './support';

type Rec = Record<string, unknown>;

describe('Xero sandbox: invoices and payments', () => {
	let abcId: string;
	const sandbox = signedInSandbox({ data: 'demo', validate: true }, { ready: (started) => (abcId = contactIdByName(started, 'ABC Furniture')) });

	async function createInvoice(extra: Rec = {}): Promise<Rec> {
		const created = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', {
			Invoices: [{ Type: 'ACCREC', Contact: { ContactID: abcId }, Date: '2026-11-01', DueDate: '2026-11-30', LineItems: [{ Description: 'Consulting', Quantity: 2, UnitAmount: 100, AccountCode: '200' }], ...extra }],
		});
		expect(created.status).toBe(200);
		return created.json.Invoices[0];
	}

	it('prices lines with tax, numbers sales invoices and returns Xero dates', async () => {
		const invoice = await createInvoice({ Status: 'AUTHORISED', LineItems: [{ Description: 'Consulting', Quantity: 2, UnitAmount: 100, AccountCode: '200' }, { ItemCode: 'BOOK', Quantity: 1 }] });
		expect(invoice).toMatchObject({ Type: 'ACCREC', Status: 'AUTHORISED', CurrencyCode: 'NZD', CurrencyRate: 1, LineAmountTypes: 'Exclusive', SubTotal: 219.95, TotalTax: 32.99, Total: 252.94, AmountDue: 252.94, AmountPaid: 0 });
		expect(invoice.InvoiceNumber).toMatch(/^INV-\d{4}$/);
		expect(invoice.Date).toBe(`/Date(${Date.UTC(2026, 10, 1)}+0000)/`);
		expect(invoice.DateString).toBe('2026-11-01T00:00:00');
		const lines = invoice.LineItems as Rec[];
		expect(lines[1]).toMatchObject({ ItemCode: 'BOOK', Description: 'Fiction books, paperback', UnitAmount: 19.95, AccountCode: '200', TaxType: 'OUTPUT2', TaxAmount: 2.99 });
		expect((invoice.Contact as Rec).Name).toBe('ABC Furniture');
	});

	it('dates an invoice sent without a Date today, as a day', async () => {
		const created = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [{ Description: 'x', UnitAmount: 1 }] }] });
		const today = new Date();
		expect(created.json.Invoices[0].Date).toBe(`/Date(${Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())}+0000)/`);
	});

	it('takes a line account by AccountID as well as by code', async () => {
		const sales = (sandbox.xero.state()[sandbox.tenantId].accounts as Rec[]).find((account) => account.Code === '260');
		const invoice = await createInvoice({ LineItems: [{ Description: 'By id', UnitAmount: 10, AccountID: sales?.AccountID }] });
		expect((invoice.LineItems as Rec[])[0]).toMatchObject({ AccountCode: '260', AccountID: sales?.AccountID });
		const missing = await sandbox.api.put<Rec>('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [{ Description: 'x', UnitAmount: 1, AccountID: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d' }] }] });
		expect((missing.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'Account could not be found' }]);
	});

	it('works out inclusive amounts', async () => {
		const invoice = await createInvoice({ LineAmountTypes: 'Inclusive', LineItems: [{ Description: 'Gift', Quantity: 1, UnitAmount: 115, AccountCode: '200' }] });
		expect(invoice).toMatchObject({ SubTotal: 100, TotalTax: 15, Total: 115 });
	});

	it('keeps sales invoice numbers unique', async () => {
		await createInvoice({ InvoiceNumber: 'WEB-1001' });
		const clash = await sandbox.api.put<Rec>('/Invoices', { Invoices: [{ Type: 'ACCREC', InvoiceNumber: 'web-1001', Contact: { ContactID: abcId }, LineItems: [{ Description: 'x', UnitAmount: 1 }] }] });
		expect(clash.status).toBe(400);
		expect((clash.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'Invoice # must be unique.' }]);
	});

	it('requires type, contact and lines with descriptions, and existing active account codes', async () => {
		const result = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices?summarizeErrors=false', {
			Invoices: [
				{ Contact: { ContactID: abcId }, LineItems: [{ Description: 'x' }] },
				{ Type: 'ACCREC', LineItems: [{ Description: 'x' }] },
				{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [] },
				{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [{ Quantity: 1, UnitAmount: 5 }] },
				{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [{ Description: 'x', UnitAmount: 5, AccountCode: '999' }] },
				{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [{ Description: 'x', UnitAmount: 5, AccountCode: '499' }] },
				{ Type: 'ACCREC', Contact: { ContactID: abcId }, Status: 'AUTHORISED', DueDate: '2026-12-01', LineItems: [{ Description: 'no account', UnitAmount: 5 }] },
				{ Type: 'ACCREC', Contact: { ContactID: abcId }, Status: 'AUTHORISED', LineItems: [{ Description: 'no due date', UnitAmount: 5, AccountCode: '200' }] },
				{ Type: 'ACCREC', Contact: { ContactID: abcId }, LineItems: [{ ItemCode: 'NOPE' }] },
			],
		});
		expect(result.status).toBe(200);
		expect(result.json.Invoices.map((invoice) => (invoice.ValidationErrors as Rec[]).map((error) => error.Message))).toEqual([
			['Invoice Type must be specified'],
			['A Contact must be specified for this type of transaction'],
			['One or more line items must be specified'],
			['The description field is mandatory for each line item.'],
			["Account code '999' is not a valid code for this document."],
			["Account code '499' is not a valid code for this document."],
			['An account code must be specified on every line item of an approved invoice.'],
			['The document DueDate field must be specified.'],
			["Item code 'NOPE' is not valid"],
		]);
		expect(result.json.Invoices.every((invoice) => invoice.StatusAttributeString === 'ERROR')).toBe(true);
	});

	it('allows the base currency and enabled currencies only', async () => {
		const usd = await createInvoice({ CurrencyCode: 'USD' });
		expect(usd.CurrencyCode).toBe('USD');
		expect(Number(usd.CurrencyRate)).toBeCloseTo(1 / 1.65, 4);
		const gbp = await sandbox.api.put<Rec>('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: abcId }, CurrencyCode: 'GBP', LineItems: [{ Description: 'x', UnitAmount: 1 }] }] });
		expect((gbp.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'Organisation is not subscribed to currency GBP' }]);
		const enabled = await sandbox.api.put('/Currencies', { Code: 'GBP' });
		expect(enabled.status).toBe(200);
		const currencies = await sandbox.api.get<{ Currencies: Rec[] }>('/Currencies');
		expect(currencies.json.Currencies.map((currency) => currency.Code)).toEqual(['NZD', 'AUD', 'USD', 'GBP']);
		const again = await sandbox.api.put('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: abcId }, CurrencyCode: 'GBP', LineItems: [{ Description: 'x', UnitAmount: 1 }] }] });
		expect(again.status).toBe(200);
	});

	it('creates a contact named on an invoice that does not exist yet, as Xero does', async () => {
		const invoice = await createInvoice({ Contact: { Name: 'Walk-in Customer' } });
		const contact = (sandbox.xero.state()[sandbox.tenantId].contacts as Rec[]).find((entry) => entry.Name === 'Walk-in Customer');
		expect(contact).toBeDefined();
		expect((invoice.Contact as Rec).ContactID).toBe(contact?.ContactID);
		expect(contact?.IsCustomer).toBe(true);
	});

	it('refuses invoices for an archived contact, whether named by ID, number or name', async () => {
		const created = await sandbox.api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: 'Gone Away Ltd', ContactNumber: 'GONE-1' }] });
		const id = String(created.json.Contacts[0].ContactID);
		const active = await createInvoice({ Contact: { ContactID: id } });
		expect((await sandbox.api.post(`/Contacts/${id}`, { Contacts: [{ ContactStatus: 'ARCHIVED' }] })).status).toBe(200);
		const refused = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices?summarizeErrors=false', {
			Invoices: [{ ContactID: id }, { ContactNumber: 'GONE-1' }, { Name: 'gone away ltd' }].map((Contact) => ({
				Type: 'ACCPAY',
				Contact,
				LineItems: [{ Description: 'x', UnitAmount: 1, AccountCode: '310' }],
			})),
		});
		const archived = 'The contact with the specified contact details has been archived. The contact must be un-archived before creating new invoices or credit notes.';
		expect(refused.json.Invoices.map((invoice) => (invoice.ValidationErrors as Rec[]).map((error) => error.Message))).toEqual([[archived], [archived], [archived]]);
		const moved = await sandbox.api.post<Rec>(`/Invoices/${String(active.InvoiceID)}`, { Invoices: [{ Contact: { ContactID: id }, Reference: 'moved' }] });
		expect(moved.status).toBe(400);
		const contacts = (sandbox.xero.state()[sandbox.tenantId].contacts as Rec[]).filter((contact) => String(contact.Name).toLowerCase() === 'gone away ltd');
		expect(contacts).toHaveLength(1);
	});

	it('honours an explicit TaxAmount on a line, as the OpenAPI description says', async () => {
		const invoice = await createInvoice({
			LineItems: [
				{ Description: 'Rounded by the supplier', Quantity: 1, UnitAmount: 100, AccountCode: '200', TaxAmount: 14.99 },
				{ Description: 'Worked out', Quantity: 1, UnitAmount: 100, AccountCode: '200' },
			],
		});
		expect((invoice.LineItems as Rec[]).map((line) => line.TaxAmount)).toEqual([14.99, 15]);
		expect(invoice).toMatchObject({ SubTotal: 200, TotalTax: 29.99, Total: 229.99 });
		const inclusive = await createInvoice({ LineAmountTypes: 'Inclusive', LineItems: [{ Description: 'Gift', Quantity: 1, UnitAmount: 115, AccountCode: '200', TaxAmount: 14 }] });
		expect(inclusive).toMatchObject({ SubTotal: 101, TotalTax: 14, Total: 115 });
	});

	it('lets bill numbers repeat, across suppliers and for one supplier (Xero keeps only sales numbers unique)', async () => {
		const bill = (Name: string) => ({ Type: 'ACCPAY', InvoiceNumber: 'SUP-001', Contact: { Name }, LineItems: [{ Description: 'x', UnitAmount: 1, AccountCode: '310' }] });
		const result = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', { Invoices: [bill('Supplier A'), bill('Supplier B'), bill('Supplier A')] });
		expect(result.status).toBe(200);
		expect(result.json.Invoices.map((invoice) => invoice.InvoiceNumber)).toEqual(['SUP-001', 'SUP-001', 'SUP-001']);
	});

	describe('status transitions', () => {
		it('moves DRAFT -> SUBMITTED -> AUTHORISED -> VOIDED and no further', async () => {
			const invoice = await createInvoice();
			const id = String(invoice.InvoiceID);
			for (const status of ['SUBMITTED', 'AUTHORISED', 'VOIDED']) {
				const moved = await sandbox.api.post<{ Invoices: Rec[] }>(`/Invoices/${id}`, { Invoices: [{ Status: status }] });
				expect(moved.status).toBe(200);
				expect(moved.json.Invoices[0].Status).toBe(status);
			}
			const after = await sandbox.api.post<Rec>(`/Invoices/${id}`, { Invoices: [{ Status: 'AUTHORISED' }] });
			expect(after.status).toBe(400);
			expect((after.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'Invoice not of valid status for modification' }]);
		});

		it('deletes only DRAFT or SUBMITTED invoices and voids only AUTHORISED ones', async () => {
			const draft = await createInvoice();
			expect((await sandbox.api.post(`/Invoices/${String(draft.InvoiceID)}`, { Invoices: [{ Status: 'VOIDED' }] })).status).toBe(400);
			const deleted = await sandbox.api.post<{ Invoices: Rec[] }>(`/Invoices/${String(draft.InvoiceID)}`, { Invoices: [{ Status: 'DELETED' }] });
			expect(deleted.json.Invoices[0].Status).toBe('DELETED');
			const authorised = await createInvoice({ Status: 'AUTHORISED' });
			expect((await sandbox.api.post(`/Invoices/${String(authorised.InvoiceID)}`, { Invoices: [{ Status: 'DELETED' }] })).status).toBe(400);
			expect((await sandbox.api.post(`/Invoices/${String(authorised.InvoiceID)}`, { Invoices: [{ Status: 'DRAFT' }] })).status).toBe(400);
		});

		it('refuses PAID and VOIDED on creation and PAID on update: payments make an invoice PAID', async () => {
			const created = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices?summarizeErrors=false', {
				Invoices: ['PAID', 'VOIDED', 'DELETED'].map((Status) => ({ Type: 'ACCREC', Status, Contact: { ContactID: abcId }, LineItems: [{ Description: 'x', UnitAmount: 1, AccountCode: '200' }] })),
			});
			expect(created.json.Invoices.map((invoice) => invoice.StatusAttributeString)).toEqual(['ERROR', 'ERROR', 'ERROR']);
			const invoice = await createInvoice({ Status: 'AUTHORISED' });
			const paid = await sandbox.api.post<Rec>(`/Invoices/${String(invoice.InvoiceID)}`, { Invoices: [{ Status: 'PAID' }] });
			expect(paid.status).toBe(400);
		});

		it('becomes PAID when payments cover it, and cannot then be voided or edited', async () => {
			const invoice = await createInvoice({ Status: 'AUTHORISED' });
			const part = await sandbox.api.put<{ Payments: Rec[] }>('/Payments', { Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Date: '2026-11-05', Amount: 100 }] });
			expect(part.status).toBe(200);
			expect(part.json.Payments[0]).toMatchObject({ Amount: 100, Status: 'AUTHORISED', PaymentType: 'ACCRECPAYMENT' });
			const partly = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}`);
			expect(partly.json.Invoices[0]).toMatchObject({ Status: 'AUTHORISED', AmountPaid: 100, AmountDue: 130 });
			const voidIt = await sandbox.api.post<Rec>(`/Invoices/${String(invoice.InvoiceID)}`, { Invoices: [{ Status: 'VOIDED' }] });
			expect((voidIt.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'This document cannot be edited as it has a payment or credit note allocated to it.' }]);

			const tooMuch = await sandbox.api.put<Rec>('/Payments', { Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Date: '2026-11-05', Amount: 500 }] });
			expect((tooMuch.json.Elements as Rec[])[0].ValidationErrors).toEqual([{ Message: 'Payment amount exceeds the amount outstanding on this document' }]);
			const rest = await sandbox.api.put('/Payments', { Payments: [{ Invoice: { InvoiceNumber: invoice.InvoiceNumber }, Account: { Code: '090' }, Date: '2026-11-06', Amount: 130 }] });
			expect(rest.status).toBe(200);
			const paid = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}`);
			expect(paid.json.Invoices[0]).toMatchObject({ Status: 'PAID', AmountDue: 0, AmountPaid: 230, FullyPaidOnDate: `/Date(${Date.UTC(2026, 10, 6)}+0000)/` });
			expect((paid.json.Invoices[0].Payments as Rec[]).length).toBe(2);
			const edit = await sandbox.api.post<Rec>(`/Invoices/${String(invoice.InvoiceID)}`, { Invoices: [{ Reference: 'late edit' }] });
			expect(edit.status).toBe(400);
		});

		it('takes payments only on AUTHORISED invoices into bank accounts', async () => {
			const draft = await createInvoice();
			const result = await sandbox.api.put<{ Payments: Rec[] }>('/Payments?summarizeErrors=false', {
				Payments: [
					{ Invoice: { InvoiceID: draft.InvoiceID }, Account: { Code: '090' }, Date: '2026-11-05', Amount: 10 },
					{ Invoice: { InvoiceID: draft.InvoiceID }, Account: { Code: '200' }, Date: '2026-11-05', Amount: 10 },
				],
			});
			expect(result.json.Payments.map((payment) => (payment.ValidationErrors as Rec[]).map((error) => error.Message))).toEqual([
				['Payments can only be made against Authorised documents'],
				['Account type is invalid for making a payment to/from', 'Payments can only be made against Authorised documents'],
			]);
		});
	});

	it('updates an invoice by InvoiceNumber through POST /Invoices and replaces its lines', async () => {
		const invoice = await createInvoice({ InvoiceNumber: 'WEB-2002' });
		const updated = await sandbox.api.post<{ Invoices: Rec[] }>('/Invoices', { Invoices: [{ InvoiceNumber: 'WEB-2002', Reference: 'PO 77', LineItems: [{ Description: 'New line', Quantity: 3, UnitAmount: 10, AccountCode: '200' }] }] });
		expect(updated.status).toBe(200);
		expect(updated.json.Invoices[0]).toMatchObject({ InvoiceID: invoice.InvoiceID, Reference: 'PO 77', SubTotal: 30, Total: 34.5 });
		expect((updated.json.Invoices[0].LineItems as Rec[]).length).toBe(1);
	});

	it('rejects a batch whose date Xero could not read, before looking at any element', async () => {
		const bad = await sandbox.api.put<Rec>('/Invoices?summarizeErrors=false', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: abcId }, Date: '2026-02-30', LineItems: [{ Description: 'x', UnitAmount: 1 }] }] });
		expect(bad.status).toBe(400);
		expect(bad.json).toMatchObject({ ErrorNumber: 14, Type: 'PostDataInvalidException' });
		expect(String(bad.json.Message)).toContain("Path 'Invoices[0].Date'");
	});

	it('answers malformed JSON with PostDataInvalidException', async () => {
		const response = await fetch(`${sandbox.xero.url}/api.xro/2.0/Invoices`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${(await sandbox.xero.authorize()).access_token}`, 'xero-tenant-id': sandbox.tenantId, 'content-type': 'application/json' },
			body: '{"Invoices": [',
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as Rec).Type).toBe('PostDataInvalidException');
	});
});
