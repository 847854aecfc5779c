import type { IDataObject } from 'n8n-workflow';

import { DEMO_IDS } from '../../sandbox/vtiger';
import { apiClient } from '../../sandbox/xero/testing/apiClient';
import { moduleParam, runCrm } from '../crmRecord/workflow';
import { crmRecords, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * Issue 13, point 2: an invoice paid in Xero refuses edits ("This document cannot be edited as it has a payment or
 * credit note allocated to it"). "CRM invoices → Xero" must not loop on it: the item is linked and says so, as a
 * success ("Skipped"), and the CRM learns the Xero status.
 */
const SEND = 'Send invoice to Xero';

describe('flow: CRM invoices → Xero, with an invoice paid in Xero', () => {
	const sandboxes = sandboxesForEachTest();

	it('is not sent as an edit again: the item succeeds as Skipped, the CRM gets PAID, later runs stay quiet', async () => {
		const workflow = loadExample('invoices-crm-to-xero.json');
		const first = await runFlow(sandboxes, workflow);
		expect(first.logged()).toEqual([]);
		const id = DEMO_IDS.invoices.baysideNzd;
		const crmInvoice = () => crmRecords(sandboxes.crm, 'Invoice').find((row) => row.id === id) as IDataObject;
		const xeroId = String(crmInvoice().cf_xero_invoice_id);
		const xeroInvoice = () => xeroStored(sandboxes.xero, 'invoices').find((row) => row.InvoiceID === xeroId) as IDataObject;
		expect(xeroInvoice().Status).toBe('AUTHORISED');

		const token = await sandboxes.xero.clientCredentialsToken();
		const api = apiClient({ baseUrl: sandboxes.xero.url, accessToken: token.access_token });
		const payment = await api.put('/Payments', {
			Payments: [{ Invoice: { InvoiceID: xeroId }, Account: { Code: '090' }, Date: new Date().toISOString().slice(0, 10), Amount: Number(xeroInvoice().AmountDue) }],
		});
		expect(payment.status).toBe(200);
		expect(xeroInvoice().Status).toBe('PAID');

		// Someone edits the CRM invoice; it is still "Approved" / AUTHORISED there.
		sandboxes.crm.clock.advance(60);
		await runCrm(sandboxes.crm, {
			operation: 'update',
			module: moduleParam('Invoice'),
			recordId: id,
			fields: { mappingMode: 'defineBelow', value: { subject: 'Club website build (phase 2)' } },
		});
		sandboxes.crm.clock.advance(15 * 60);
		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.logged()).toEqual([]);
		const sent = second.main(SEND).find((item) => item.json.crmId === id);
		expect(sent?.json).toMatchObject({ InvoiceID: xeroId, Status: 'PAID', syncResult: 'Skipped', syncNote: expect.stringMatching(/payment or credit note allocated/) });
		expect(xeroInvoice().Reference).not.toBe('Club website build (phase 2)');
		expect(crmInvoice().cf_xero_status).toBe('PAID');

		// The CRM now says PAID (a change Get Changes sees): not sent, and no error either.
		sandboxes.crm.clock.advance(15 * 60);
		const third = await runFlow(sandboxes, workflow, second.staticData);
		expect(third.logged()).toEqual([]);
		const again = third.main(SEND).filter((item) => item.json.crmId === id);
		expect(again).toHaveLength(1);
		for (const item of again) expect(item.json).toMatchObject({ InvoiceID: xeroId, Status: 'PAID', syncResult: 'Skipped' });
		expect(xeroInvoice().Status).toBe('PAID');

		// Reading the invoice back fails for good (an outage): the item goes to the error output; it never succeeds
		// carrying the status we were about to send.
		await runCrm(sandboxes.crm, {
			operation: 'update',
			module: moduleParam('Invoice'),
			recordId: id,
			fields: { mappingMode: 'defineBelow', value: { invoicestatus: 'Approved', cf_xero_status: 'AUTHORISED' } },
		});
		sandboxes.crm.clock.advance(15 * 60);
		sandboxes.xero.injectFault({ kind: 'server-error', count: 50, method: 'GET', path: '/Invoices' });
		const outage = await runFlow(sandboxes, workflow, third.staticData);
		expect(outage.main(SEND).filter((item) => item.json.crmId === id)).toEqual([]);
		expect(outage.logged().map((entry) => [entry.crmId, entry.code])).toEqual([[id, 'PAID_READBACK']]);
		expect(xeroInvoice().Status).toBe('PAID');
	});
});
