import type { IDataObject } from 'n8n-workflow';
import { DEMO_IDS } from '../../sandbox/vtiger';
import { crmRecords, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * examples/invoice-pdfs-to-crm.json: changed CRM invoices linked to Xero → Xero PDF and, unless a draft, online URL
 * → Documents records related to the CRM invoice; invoices not in Xero yet are passed over; a second run attaches
 * nothing.
 */

const crmid = (id: string) => Number(id.split('x')[1]);

describe('flow: Xero invoice PDFs → CRM', () => {
	const sandboxes = sandboxesForEachTest();

	/** The Documents related to a CRM record (relation rows either way). */
	function documentsOf(id: string): IDataObject[] {
		const store = sandboxes.crm.engine().store;
		const related = new Set(store.relations.flatMap(([a, b]) => (a === crmid(id) ? [b] : b === crmid(id) ? [a] : [])));
		return crmRecords(sandboxes.crm, 'Documents').filter((document) => related.has(crmid(String(document.id))));
	}

	it('attaches the PDF and the online link to each linked invoice once; drafts get no link; nothing is logged', async () => {
		const invoices = xeroStored(sandboxes.xero, 'invoices');
		const approved = invoices.find((invoice) => invoice.Type === 'ACCREC' && invoice.Status === 'AUTHORISED') as IDataObject;
		const draft = invoices.find((invoice) => invoice.Type === 'ACCREC' && invoice.Status === 'DRAFT') as IDataObject;
		// The CRM invoices as the CRM → Xero flow leaves them: two linked to Xero with their status, the rest not.
		const store = sandboxes.crm.engine().store;
		Object.assign(store.get(crmid(DEMO_IDS.invoices.ridgewayUsd))!.values, { cf_xero_invoice_id: approved.InvoiceID, cf_xero_status: 'AUTHORISED' });
		Object.assign(store.get(crmid(DEMO_IDS.invoices.baysideNzd))!.values, { cf_xero_invoice_id: draft.InvoiceID, cf_xero_status: 'DRAFT' });
		const unlinked = crmRecords(sandboxes.crm, 'Invoice').filter((invoice) => !invoice.cf_xero_invoice_id);
		expect(unlinked.length).toBeGreaterThan(0);

		const workflow = loadExample('invoice-pdfs-to-crm.json');
		const first = await runFlow(sandboxes, workflow);
		const approvedDocs = documentsOf(DEMO_IDS.invoices.ridgewayUsd);
		expect(approvedDocs.map((document) => [document.filelocationtype, document.filename]).sort()).toEqual([
			['E', expect.stringMatching(/^https:\/\/in\.xero\.com\//)],
			['I', `${String(approved.InvoiceNumber)}.pdf`],
		]);
		expect(approvedDocs.find((document) => document.filelocationtype === 'I')).toMatchObject({ filetype: 'application/pdf', notes_title: `Invoice ${String(approved.InvoiceNumber)} (PDF)` });
		const draftDocs = documentsOf(DEMO_IDS.invoices.baysideNzd);
		expect(draftDocs.map((document) => document.filename)).toEqual([`${String(draft.InvoiceNumber)}.pdf`]);
		// Unlinked invoices and the draft's link are not failures: the filters pass them over.
		expect(first.logged()).toEqual([]);
		expect(first.main('Get invoice PDF')).toHaveLength(2);
		expect(first.main('Get online invoice URL').map((item) => item.json.InvoiceNumber)).toEqual([approved.InvoiceNumber]);
		for (const invoice of unlinked) expect(documentsOf(String(invoice.id))).toEqual([]);
		const documents = crmRecords(sandboxes.crm, 'Documents').length;
		expect(documents).toBe(3);

		sandboxes.crm.clock.advance(60);
		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(crmRecords(sandboxes.crm, 'Documents')).toHaveLength(documents);
		expect(second.logged()).toEqual([]);
		for (const node of ['Attach PDF to CRM invoice', 'Attach link to CRM invoice']) {
			// Relating a document touches the invoice, so the second run sees both linked invoices again.
			expect(second.main(node).length).toBeGreaterThan(0);
			expect(second.main(node).every((item) => item.json.attachment === 'alreadyAttached')).toBe(true);
		}
	});
});
