import { contactIdByName, signedInSandbox } from './support';

type Rec = Record<string, unknown>;

/** Xero's payment rules as the sandbox keeps them (sources in sandbox/xero/README.md, "Payments"). */
describe('Xero sandbox: payments', () => {
	let abcId: string;
	const sandbox = signedInSandbox({ data: 'demo', validate: true }, { ready: (started) => (abcId = contactIdByName(started, 'ABC Furniture')) });

	async function approvedInvoice(): Promise<Rec> {
		const created = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', {
			Invoices: [{ Type: 'ACCREC', Status: 'AUTHORISED', Contact: { ContactID: abcId }, Date: '2026-11-01', DueDate: '2026-11-30', LineItems: [{ Description: 'Consulting', Quantity: 1, UnitAmount: 100, AccountCode: '200' }] }],
		});
		expect(created.status).toBe(200);
		return created.json.Invoices[0];
	}
	const messages = (payments: Rec[]) => payments.map((payment) => ((payment.ValidationErrors as Rec[] | undefined) ?? []).map((error) => error.Message));

	it('checks each element of a batch: date required, amount > 0 and within the amount due; the valid ones are written', async () => {
		const invoice = await approvedInvoice(); // total 115
		const result = await sandbox.api.put<{ Payments: Rec[] }>('/Payments?summarizeErrors=false', {
			Payments: [
				{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Date: '2026-11-05', Amount: 15, Reference: 'ok' },
				{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: 10 },
				{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Date: '2026-11-05', Amount: 0 },
				{ Invoice: { InvoiceNumber: invoice.InvoiceNumber }, Account: { Code: '090' }, Date: '2026-11-05', Amount: 500 },
			],
		});
		expect(result.status).toBe(200);
		expect(result.json.Payments.map((payment) => payment.StatusAttributeString)).toEqual(['OK', 'ERROR', 'ERROR', 'ERROR']);
		expect(messages(result.json.Payments)).toEqual([
			[],
			['Payment date must be specified.'],
			['Payment amount must be greater than zero.'],
			['Payment amount exceeds the amount outstanding on this document'],
		]);
		const after = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}`);
		expect(after.json.Invoices[0]).toMatchObject({ Status: 'AUTHORISED', AmountPaid: 15, AmountDue: 100 });
	});

	it('refuses a payment against an invoice that is not AUTHORISED, or to an account that is neither BANK nor enabled for payments', async () => {
		const draft = await sandbox.api.put<{ Invoices: Rec[] }>('/Invoices', {
			Invoices: [{ Type: 'ACCREC', Status: 'DRAFT', Contact: { ContactID: abcId }, Date: '2026-11-01', DueDate: '2026-11-30', LineItems: [{ Description: 'Consulting', Quantity: 1, UnitAmount: 100, AccountCode: '200' }] }],
		});
		const invoice = await approvedInvoice();
		const result = await sandbox.api.put<{ Payments: Rec[] }>('/Payments?summarizeErrors=false', {
			Payments: [
				{ Invoice: { InvoiceID: draft.json.Invoices[0].InvoiceID }, Account: { Code: '090' }, Date: '2026-11-05', Amount: 10 },
				{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '200' }, Date: '2026-11-05', Amount: 10 },
			],
		});
		expect(messages(result.json.Payments)).toEqual([
			['Payments can only be made against Authorised documents'],
			['Account type is invalid for making a payment to/from'],
		]);
	});

	it('takes the account by a top-level Code and the invoice by a top-level InvoiceNumber, as the yaml allows', async () => {
		const invoice = await approvedInvoice();
		const result = await sandbox.api.put<{ Payments: Rec[] }>('/Payments?summarizeErrors=false', {
			Payments: [{ InvoiceNumber: invoice.InvoiceNumber, Code: '090', Date: '2026-11-05', Amount: 5 }],
		});
		expect(result.json.Payments[0]).toMatchObject({ StatusAttributeString: 'OK', Amount: 5, Account: { Code: '090' } });
	});

	it('lists payments with where, order and paging, and If-Modified-Since', async () => {
		const invoice = await approvedInvoice();
		await sandbox.api.put('/Payments', { Payments: [10, 20].map((Amount, i) => ({ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Date: `2026-11-0${i + 2}`, Amount })) });
		const mine = await sandbox.api.get<{ Payments: Rec[] }>(`/Payments?where=${encodeURIComponent(`Invoice.InvoiceID==Guid("${String(invoice.InvoiceID)}")`)}&order=Amount DESC`);
		expect(mine.json.Payments.map((payment) => payment.Amount)).toEqual([20, 10]);
		expect((mine.json.Payments[0].Invoice as Rec).InvoiceNumber).toBe(invoice.InvoiceNumber);
		const page = await sandbox.api.get<{ Payments: Rec[]; pagination: Rec }>('/Payments?page=1&pageSize=1');
		expect(page.json.Payments).toHaveLength(1);
		expect(page.json.pagination).toMatchObject({ page: 1, pageSize: 1 });
		const later = await sandbox.api.get<{ Payments: Rec[] }>('/Payments', { 'If-Modified-Since': '2099-01-01T00:00:00Z' });
		expect(later.json.Payments ?? []).toHaveLength(0);
	});

	it('pays an invoice in full (PAID) and deleting the payment reverts it to AUTHORISED with the amount due back', async () => {
		const invoice = await approvedInvoice();
		const paid = await sandbox.api.put<{ Payments: Rec[] }>('/Payments', { Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Date: '2026-11-10', Amount: 115 }] });
		const paymentId = String(paid.json.Payments[0].PaymentID);
		expect((await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}`)).json.Invoices[0]).toMatchObject({ Status: 'PAID', AmountDue: 0, AmountPaid: 115 });

		const edit = await sandbox.api.post<Rec>(`/Payments/${paymentId}`, { Status: 'AUTHORISED' });
		expect(edit.status).toBe(400);
		const deleted = await sandbox.api.post<{ Payments: Rec[] }>(`/Payments/${paymentId}`, { Status: 'DELETED' });
		expect(deleted.status).toBe(200);
		expect(deleted.json.Payments[0]).toMatchObject({ PaymentID: paymentId, Status: 'DELETED' });
		const reverted = (await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}`)).json.Invoices[0];
		expect(reverted).toMatchObject({ Status: 'AUTHORISED', AmountDue: 115, AmountPaid: 0 });
		expect(reverted.FullyPaidOnDate).toBeUndefined();
		expect((await sandbox.api.post<Rec>(`/Payments/${paymentId}`, { Status: 'DELETED' })).status).toBe(400);
		expect((await sandbox.api.post<Rec>('/Payments/0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d', { Status: 'DELETED' })).status).toBe(404);
	});
});
