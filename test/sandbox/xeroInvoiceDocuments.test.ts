import { ONLINE_INVOICE_REFUSALS } from '../../sandbox/xero/accounting/documents';
import { signedInSandbox } from './support';

type Rec = Record<string, unknown>;

describe('Xero sandbox: invoice PDFs and online invoices', () => {
	let invoices: Rec[];
	const sandbox = signedInSandbox({ data: 'demo', validate: true }, { ready: async ({ api }) => (invoices = (await api.get<{ Invoices: Rec[] }>('/Invoices')).json.Invoices) });
	const find = (test: (invoice: Rec) => boolean) => {
		const found = invoices.find(test);
		if (!found) throw new Error('demo data lacks the invoice this test needs');
		return found;
	};

	it('serves an invoice as a PDF on its own path when asked with Accept: application/pdf', async () => {
		const invoice = find((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED');
		const pdf = await sandbox.api.get(`/Invoices/${String(invoice.InvoiceID)}`, { accept: 'application/pdf' });
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(pdf.text.startsWith('%PDF-1.4')).toBe(true);
		expect(pdf.text.trimEnd().endsWith('%%EOF')).toBe(true);
		expect(pdf.text).toContain(`Invoice Number: ${String(invoice.InvoiceNumber)}`);
		expect(pdf.text).toContain(`Total: ${Number(invoice.Total).toFixed(2)}`);
		// The same path without the Accept header is still the JSON read.
		const json = await sandbox.api.get<{ Invoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}`);
		expect(json.json.Invoices[0].InvoiceID).toBe(invoice.InvoiceID);
	});

	it('gives the PDF of drafts and bills too, and 404 for an unknown invoice', async () => {
		for (const invoice of [find((i) => i.Status === 'DRAFT'), find((i) => i.Type === 'ACCPAY')]) {
			const pdf = await sandbox.api.get(`/Invoices/${String(invoice.InvoiceID)}`, { accept: 'application/pdf' });
			expect(pdf.status).toBe(200);
		}
		const missing = await sandbox.api.get('/Invoices/0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d', { accept: 'application/pdf' });
		expect(missing.status).toBe(404);
	});

	it('answers an approved sales invoice with its online invoice URL, the same every time', async () => {
		const invoice = find((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED');
		const first = await sandbox.api.get<{ OnlineInvoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}/OnlineInvoice`);
		expect(first.status).toBe(200);
		expect(first.json.OnlineInvoices).toEqual([{ OnlineInvoiceUrl: expect.stringMatching(/^https:\/\/in\.xero\.com\/\w{20,}$/) as unknown }]);
		const again = await sandbox.api.get<{ OnlineInvoices: Rec[] }>(`/Invoices/${String(invoice.InvoiceID)}/OnlineInvoice`);
		expect(again.json.OnlineInvoices).toEqual(first.json.OnlineInvoices);
	});

	it('refuses online invoices for drafts and bills, as Xero does', async () => {
		const draft = find((i) => i.Type === 'ACCREC' && i.Status === 'DRAFT');
		const refused = await sandbox.api.get<Rec>(`/Invoices/${String(draft.InvoiceID)}/OnlineInvoice`);
		expect(refused.status).toBe(400);
		expect(refused.json).toMatchObject({ Type: 'ValidationException', Elements: [{ ValidationErrors: [{ Message: ONLINE_INVOICE_REFUSALS.status('DRAFT') }] }] });
		const bill = find((i) => i.Type === 'ACCPAY');
		const billRefused = await sandbox.api.get<Rec>(`/Invoices/${String(bill.InvoiceID)}/OnlineInvoice`);
		expect(billRefused.status).toBe(400);
		expect(billRefused.json).toMatchObject({ Elements: [{ ValidationErrors: [{ Message: ONLINE_INVOICE_REFUSALS.bill }] }] });
		expect((await sandbox.api.get('/Invoices/0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d/OnlineInvoice')).status).toBe(404);
	});
});
