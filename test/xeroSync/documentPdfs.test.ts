import type { IDataObject } from 'n8n-workflow';
import { entry, runSync, sandboxForBlock, sendAll, stats } from './support';

/**
 * Get PDF beyond invoices (issue 17 item 5): quotes, purchase orders and credit notes, served by Xero on the record's
 * own path with Accept: application/pdf (the sandbox's getQuoteAsPdf, getPurchaseOrderAsPdf, getCreditNoteAsPdf).
 */
describe('Xero Sync: PDFs of quotes, purchase orders and credit notes', () => {
	const xero = sandboxForBlock({});
	const line = { Description: 'Consulting', Quantity: 1, UnitAmount: 120, AccountCode: '200' };

	async function pdfOf(resource: string, record: IDataObject, idField: string, numberField: string, title: string): Promise<void> {
		const [sent] = await sendAll(xero, resource, [record]);
		const number = String(sent[numberField]);
		xero.resetStats();
		// By number (one read finds it), then from a Get-shaped item (ID and number: no read).
		const run = await runSync(xero, { resource, operation: 'getPdf', recordId: '={{ $json.wanted }}' }, [
			{ wanted: number },
			{ wanted: sent[idField], [idField]: sent[idField], [numberField]: number },
		]);
		expect(run.errors).toEqual([]);
		for (const item of run.main) {
			expect(item.json).toMatchObject({ [idField]: sent[idField], [numberField]: number, mimeType: 'application/pdf', fileName: `${number}.pdf` });
			const bytes = Buffer.from(String(item.binary?.data?.data), 'base64');
			expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
			expect(bytes.toString('latin1')).toContain(title);
			expect(bytes.toString('latin1')).toContain(number);
		}
		expect(stats(xero).calls).toBe(3);
	}

	it('gets a quote as a PDF', async () => {
		await pdfOf('quote', { Contact: { Name: 'PDF Customer' }, Date: '2026-11-02', LineItems: [line] }, 'QuoteID', 'QuoteNumber', 'QUOTE');
	});

	it('gets a purchase order as a PDF', async () => {
		await pdfOf('purchaseOrder', { Contact: { Name: 'PDF Supplier' }, LineItems: [{ ...line, AccountCode: '310' }] }, 'PurchaseOrderID', 'PurchaseOrderNumber', 'PURCHASE ORDER');
	});

	it('gets a credit note as a PDF', async () => {
		await pdfOf('creditNote', { Type: 'ACCRECCREDIT', Contact: { Name: 'PDF Customer' }, LineItems: [line] }, 'CreditNoteID', 'CreditNoteNumber', 'CREDIT NOTE');
	});

	it('sends a missing quote to the error output naming it', async () => {
		const run = await runSync(xero, { resource: 'quote', operation: 'getPdf', recordId: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d' }, [{ crmId: '4x9' }]);
		expect(run.main).toEqual([]);
		expect(entry(run.errors[0])).toMatchObject({ app: 'Xero', action: 'Get Quote PDF', code: 'NOT_FOUND', crmId: '4x9' });
	});
});
