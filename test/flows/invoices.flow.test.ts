import { DEMO_IDS } from '../../sandbox/vtiger';
import { plantCurrency, plantInvoice } from './plant';
import { startVtigerSandbox } from '../../sandbox/vtiger';
import { countBy, crmRecords, FAILURE_LOG, loadExample, runFlow, sandboxesForEachTest, xeroStored, type Sandboxes } from './support';

/**
 * examples/invoices-crm-to-xero.json: CRM Get Changes (Invoice) → Get with line items → Xero Send Invoice (CRM record,
 * auto-mapped) → CRM Update with the Xero ID, number and status.
 */

const SEND = 'Send invoice to Xero';
const SAVE = 'Save Xero ID and status in CRM';
const DEMO_INVOICES = Object.values(DEMO_IDS.invoices);

function invoiceNumbers(sandboxes: Sandboxes): string[] {
	return xeroStored(sandboxes.xero, 'invoices').map((invoice) => String(invoice.InvoiceNumber));
}

describe('flow: CRM invoices → Xero', () => {
	const sandboxes = sandboxesForEachTest();

	it('sends every changed invoice with its lines, saves the Xero ID back, and a second run duplicates nothing', async () => {
		const workflow = loadExample('invoices-crm-to-xero.json');
		const xeroBefore = xeroStored(sandboxes.xero, 'invoices').length;

		const first = await runFlow(sandboxes, workflow);
		expect(first.errors(SEND).map((item) => item.json.message)).toEqual([]);
		expect(first.errors(SAVE).map((item) => item.json.message)).toEqual([]);
		expect(first.logged()).toEqual([]);
		expect(xeroStored(sandboxes.xero, 'invoices')).toHaveLength(xeroBefore + DEMO_INVOICES.length);

		const crmInvoices = crmRecords(sandboxes.crm, 'Invoice');
		for (const id of DEMO_INVOICES) {
			const crmInvoice = crmInvoices.find((row) => row.id === id) ?? {};
			const xeroInvoice = xeroStored(sandboxes.xero, 'invoices').find((row) => row.InvoiceID === crmInvoice.cf_xero_invoice_id);
			expect(xeroInvoice).toBeDefined();
			expect(xeroInvoice).toMatchObject({
				Type: 'ACCREC',
				InvoiceNumber: crmInvoice.invoice_no,
				Reference: crmInvoice.subject,
				Status: crmInvoice.cf_xero_status,
			});
			expect((xeroInvoice?.LineItems as unknown[]).length).toBe((crmInvoice.LineItems as unknown[]).length);
			expect(crmInvoice.cf_xero_invoice_number).toBe(crmInvoice.invoice_no);
		}
		// 7x14 is Approved in the CRM (→ AUTHORISED), 7x16 Created (→ DRAFT); 7x15 is in NZD, Xero's base currency.
		const byId = (id: string) => crmInvoices.find((row) => row.id === id) ?? {};
		expect(byId(DEMO_IDS.invoices.ridgewayUsd).cf_xero_status).toBe('AUTHORISED');
		expect(byId(DEMO_IDS.invoices.marineDraft).cf_xero_status).toBe('DRAFT');

		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.errors(SEND)).toEqual([]);
		expect(second.logged()).toEqual([]);
		expect(xeroStored(sandboxes.xero, 'invoices')).toHaveLength(xeroBefore + DEMO_INVOICES.length);
		expect([...countBy(invoiceNumbers(sandboxes)).values()].every((count) => count === 1)).toBe(true);

		// Saving the same Xero ID again changes nothing in the CRM, so the flow settles: the CRM node re-reads the
		// cursor's own second once (vtiger times have one-second steps), then the next scheduled run sends nothing.
		sandboxes.crm.clock.advance(15 * 60);
		const third = await runFlow(sandboxes, workflow, second.staticData);
		expect(third.logged()).toEqual([]);
		expect(xeroStored(sandboxes.xero, 'invoices')).toHaveLength(xeroBefore + DEMO_INVOICES.length);
		sandboxes.crm.clock.advance(15 * 60);
		const fourth = await runFlow(sandboxes, workflow, third.staticData);
		expect(fourth.main(SEND)).toEqual([]);
		expect(fourth.logged()).toEqual([]);
	});

	it('puts planted bad invoices on the failure log with clear messages, and sends the rest', async () => {
		const eur = plantCurrency(sandboxes.crm, 'EUR', 'Euro');
		const noStatus = plantInvoice(sandboxes.crm, 'No Xero status', { invoicestatus: '' });
		const euro = plantInvoice(sandboxes.crm, 'Euro invoice', { currency_id: eur, cf_xero_status: 'DRAFT' });
		const paid = plantInvoice(sandboxes.crm, 'Marked paid in CRM', { cf_xero_status: 'PAID' });
		const workflow = loadExample('invoices-crm-to-xero.json');
		const xeroBefore = xeroStored(sandboxes.xero, 'invoices').length;

		const run = await runFlow(sandboxes, workflow);
		const logged = run.logged();
		const messageFor = (crmId: string) => logged.filter((entry) => entry.crmId === crmId).map((entry) => String(entry.message));
		expect(logged).toHaveLength(3);
		expect(messageFor(noStatus)).toEqual([expect.stringMatching(/Xero Status is empty; set it to DRAFT, SUBMITTED or AUTHORISED/)]);
		expect(messageFor(euro)).toEqual([expect.stringMatching(/EUR/)]);
		expect(messageFor(paid)).toEqual([expect.stringMatching(/Xero Status PAID cannot be set from the CRM/)]);
		expect(logged.every((entry) => entry.result === 'Failed' && entry.flow === 'CRM → Xero')).toBe(true);

		// Nothing else is lost: the demo invoices all reach Xero and are linked.
		expect(xeroStored(sandboxes.xero, 'invoices')).toHaveLength(xeroBefore + DEMO_INVOICES.length);
		const linked = crmRecords(sandboxes.crm, 'Invoice').filter((row) => row.cf_xero_invoice_id);
		expect(linked.map((row) => row.id).sort()).toEqual([...DEMO_INVOICES].sort());
		// The failure log is a CRM list too (Simply CRM's Xero Logs).
		const logs = crmRecords(sandboxes.crm, 'XeroLogs');
		expect(logs.map((row) => row.crm_id).sort()).toEqual([euro, noStatus, paid].sort());
	});

	it('on a CRM without a XeroLogs module the failure still reaches the log node, which says how to add the module', async () => {
		await sandboxes.crm.close();
		sandboxes.crm = await startVtigerSandbox({ port: 0, data: 'demo', withoutModules: ['XeroLogs'] });
		const paid = plantInvoice(sandboxes.crm, 'Marked paid in CRM', { cf_xero_status: 'PAID' });
		const run = await runFlow(sandboxes, loadExample('invoices-crm-to-xero.json'));
		expect(run.logged().map((entry) => entry.crmId)).toEqual([paid]);
		const log = run.main(FAILURE_LOG);
		expect(log).toHaveLength(1);
		const message = String(log[0].json.message);
		expect(message).toMatch(/The CRM has no module "XeroLogs"/);
		expect(message).toMatch(/scripts\/vtiger\/create-xero-modules\.php|Module Builder/);
		// The run still succeeds (the log node continues), and the failure it could not store stays on the sender's
		// error output in the execution.
		expect(run.errors('Send invoice to Xero').map((item) => String(item.json.message))).toEqual([expect.stringMatching(/Xero Status PAID/)]);
	});
});
