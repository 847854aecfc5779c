import type { IDataObject } from 'n8n-workflow';
import { ONLINE_INVOICE_REFUSALS } from '../../sandbox/xero/accounting/documents';
import { pdfFileName } from '../../nodes/XeroSync/documents/getPdf';
import { DEMO_TENANT_ID, entry, runSync, sandboxForBlock, stats } from './support';

type Rec = IDataObject;

describe('Xero Sync: invoice PDFs and online invoice URLs', () => {
	let invoices: Rec[];
	const pick = (test: (invoice: Rec) => boolean) => {
		const found = invoices.find(test);
		if (!found) throw new Error('demo data lacks the invoice this test needs');
		return found;
	};

	const xero = sandboxForBlock({}, { ready: (xero) => (invoices = xero.state()[DEMO_TENANT_ID].invoices as Rec[]) });

	it('puts each invoice PDF into binary data named after its number, by ID or by number', async () => {
		const authorised = pick((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED');
		const bill = pick((i) => i.Type === 'ACCPAY');
		const run = await runSync(
			xero,
			{ resource: 'invoice', operation: 'getPdf', recordId: '={{ $json.wanted }}', binaryPropertyName: 'invoicePdf' },
			[{ wanted: authorised.InvoiceID }, { wanted: bill.InvoiceNumber }],
		);
		expect(run.errors).toEqual([]);
		expect(run.main).toHaveLength(2);
		const [first, second] = run.main;
		expect(first.json).toMatchObject({ InvoiceID: authorised.InvoiceID, InvoiceNumber: authorised.InvoiceNumber, mimeType: 'application/pdf', fileName: `${String(authorised.InvoiceNumber)}.pdf` });
		const binary = first.binary?.invoicePdf;
		expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: `${String(authorised.InvoiceNumber)}.pdf`, fileExtension: 'pdf' });
		const bytes = Buffer.from(String(binary?.data), 'base64');
		expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
		expect(bytes.toString('latin1')).toContain(`Invoice Number: ${String(authorised.InvoiceNumber)}`);
		expect(first.json.fileSize).toBe(bytes.length);
		expect(second.json).toMatchObject({ InvoiceID: bill.InvoiceID, fileName: `${String(bill.InvoiceNumber)}.pdf` });
		expect(second.pairedItem).toEqual({ item: 1 });
	});

	it('reads no invoice first when the item came from Get (ID and number together): one call per PDF', async () => {
		const authorised = pick((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED');
		xero.resetStats();
		const run = await runSync(xero, { resource: 'invoice', operation: 'getPdf', recordId: '={{ $json.InvoiceID }}' }, [
			{ InvoiceID: authorised.InvoiceID, InvoiceNumber: authorised.InvoiceNumber },
		]);
		expect(run.main[0].binary?.data?.fileName).toBe(`${String(authorised.InvoiceNumber)}.pdf`);
		expect(stats(xero).calls).toBe(1);
	});

	it('sends a missing invoice to the error output with a log entry naming it; the others still run', async () => {
		const authorised = pick((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED');
		const run = await runSync(xero, { resource: 'invoice', operation: 'getPdf', recordId: '={{ $json.wanted }}' }, [
			{ wanted: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d', crmId: '7x99' },
			{ wanted: authorised.InvoiceID },
		]);
		expect(run.main).toHaveLength(1);
		expect(run.errors).toHaveLength(1);
		expect(entry(run.errors[0])).toMatchObject({ app: 'Xero', action: 'Get Invoice PDF', code: 'NOT_FOUND', crmId: '7x99', result: 'Failed' });
		expect(entry(run.errors[0]).message).toContain('0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d');
	});

	it('gets the online invoice URL of an approved sales invoice', async () => {
		const authorised = pick((i) => i.Type === 'ACCREC' && i.Status === 'AUTHORISED');
		const run = await runSync(xero, { resource: 'invoice', operation: 'getOnlineUrl', recordId: String(authorised.InvoiceNumber) }, [{}]);
		expect(run.errors).toEqual([]);
		expect(run.main[0].json).toEqual({
			InvoiceID: authorised.InvoiceID,
			InvoiceNumber: authorised.InvoiceNumber,
			OnlineInvoiceUrl: expect.stringMatching(/^https:\/\/in\.xero\.com\//) as unknown,
		});
	});

	it('turns Xero refusing a draft or a bill into log entries naming the invoice and what Xero said', async () => {
		const draft = pick((i) => i.Type === 'ACCREC' && i.Status === 'DRAFT');
		const bill = pick((i) => i.Type === 'ACCPAY');
		const run = await runSync(xero, { resource: 'invoice', operation: 'getOnlineUrl', recordId: '={{ $json.InvoiceID }}' }, [
			{ InvoiceID: draft.InvoiceID },
			{ InvoiceID: bill.InvoiceID },
		]);
		expect(run.main).toEqual([]);
		const [draftEntry, billEntry] = run.errors.map(entry);
		expect(draftEntry).toMatchObject({ action: 'Get Online Invoice URL', code: 'HTTP_400', xeroId: draft.InvoiceID });
		expect(draftEntry.message).toContain(String(draft.InvoiceNumber));
		expect(draftEntry.message).toContain(ONLINE_INVOICE_REFUSALS.status('DRAFT'));
		expect(billEntry.message).toContain(ONLINE_INVOICE_REFUSALS.bill);
	});

	it('under Stop Workflow, a refused invoice stops the run naming it', async () => {
		const draft = pick((i) => i.Type === 'ACCREC' && i.Status === 'DRAFT');
		const run = await runSync(xero, { resource: 'invoice', operation: 'getOnlineUrl', recordId: String(draft.InvoiceID) }, [{}], { onError: 'stopWorkflow' });
		expect(run.status).toBe('error');
	});

	it('makes file names from numbers that hold characters file systems refuse', () => {
		expect(pdfFileName('INV/2026:01')).toBe('INV-2026-01.pdf');
		expect(pdfFileName('')).toBe('document.pdf');
	});
});
