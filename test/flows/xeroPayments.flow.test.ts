import type { IDataObject, INode } from 'n8n-workflow';

import { apiClient } from '../../sandbox/xero/testing/apiClient';
import { moduleParam, runCrm } from '../crmRecord/workflow';
import type { WorkflowJson } from '../harness';
import { crmRecords, crmWrites, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * Issue 17 item 1 (CRM side): a paid or part-paid Xero invoice updates its CRM invoice's received, balance and
 * status, through examples/xero-payments-to-crm-invoices.json (scheduled) and examples/invoice-paid-instant.json
 * (webhook). The vtiger sandbox behaves as real vtiger 7.5 does (transcripts 33, 33b): balance is recomputed after
 * a create but not after a revise, and never does vtiger set "Paid" itself.
 */
describe('flow: Xero payments → CRM invoices', () => {
	const sandboxes = sandboxesForEachTest();

	const writes = () => crmWrites(sandboxes.crm);
	const xeroInvoice = (number: string) => xeroStored(sandboxes.xero, 'invoices').find((i) => i.InvoiceNumber === number) as IDataObject;
	const linked = (xeroId: unknown) => crmRecords(sandboxes.crm, 'Invoice').filter((row) => row.cf_xero_invoice_id === xeroId);
	const money = (row: IDataObject) => ({ received: Number(row.received), balance: Number(row.balance), invoicestatus: row.invoicestatus });
	const pay = async (number: string, amount: number) => {
		const token = await sandboxes.xero.clientCredentialsToken();
		const api = apiClient({ baseUrl: sandboxes.xero.url, accessToken: token.access_token });
		const answer = await api.put('/Payments', {
			Payments: [{ Invoice: { InvoiceID: xeroInvoice(number).InvoiceID }, Account: { Code: '090' }, Date: new Date().toISOString().slice(0, 10), Amount: amount }],
		});
		expect(answer.status).toBe(200);
		sandboxes.crm.clock.advance(60);
	};

	it('scheduled: a part payment, a second one on an invoice the CRM marked Sent, then the rest; a run after that writes nothing', async () => {
		const workflow = loadExample('xero-payments-to-crm-invoices.json');
		const first = await runFlow(sandboxes, workflow);
		expect(first.logged()).toEqual([]);
		// Only the paid invoice passes the filter: the open ones have nothing paid yet.
		expect(first.main('Update CRM invoice').map((item) => item.json.cf_xero_invoice_number)).toEqual(['INV-0003']);
		const paidAtStart = xeroInvoice('INV-0003');
		expect(linked(paidAtStart.InvoiceID).map(money)).toEqual([{ received: 517.5, balance: 0, invoicestatus: 'Paid' }]);

		const inv2 = xeroInvoice('INV-0002');
		expect(linked(inv2.InvoiceID)).toEqual([]);
		await pay('INV-0002', 100);
		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.logged()).toEqual([]);
		expect(second.main('Update CRM invoice').map((item) => [item.json.cf_xero_invoice_number, item.json.syncResult])).toEqual([['INV-0002', 'Created']]);
		// vtiger computed balance from its own grand total (no tax) after the create; Xero's amount due (with GST) was
		// written again, so the CRM shows what Xero says.
		const [created] = linked(inv2.InvoiceID);
		expect(Number(created.hdnGrandTotal)).not.toBe(322);
		expect(money(created)).toEqual({ received: 100, balance: 222, invoicestatus: 'Approved' });

		await runCrm(sandboxes.crm, {
			operation: 'update',
			module: moduleParam('Invoice'),
			recordId: String(created.id),
			fields: { mappingMode: 'defineBelow', value: { invoicestatus: 'Sent' } },
		});
		await pay('INV-0002', 50);
		const third = await runFlow(sandboxes, workflow, second.staticData);
		expect(third.logged()).toEqual([]);
		// Written with revise, which does not recompute balance: the balance sent is the one stored. Sent is kept.
		expect(linked(inv2.InvoiceID).map(money)).toEqual([{ received: 150, balance: 172, invoicestatus: 'Sent' }]);

		await pay('INV-0002', 172);
		expect(xeroInvoice('INV-0002').Status).toBe('PAID');
		const fourth = await runFlow(sandboxes, workflow, third.staticData);
		expect(fourth.logged()).toEqual([]);
		expect(linked(inv2.InvoiceID).map(money)).toEqual([{ received: 322, balance: 0, invoicestatus: 'Paid' }]);
		expect(linked(inv2.InvoiceID)[0]).toMatchObject({ cf_xero_status: 'PAID', cf_xero_invoice_number: 'INV-0002' });

		// A run that sees the same invoices again (a full re-read) writes nothing.
		const before = writes();
		const again = await runFlow(sandboxes, workflow);
		expect(again.logged()).toEqual([]);
		expect(again.main('Update CRM invoice').map((item) => item.json.syncResult)).toEqual(['Unchanged', 'Unchanged']);
		expect(writes() - before).toBe(0);
		expect(sandboxes.crm.state().calls.update ?? 0).toBe(0);
	});

	/** The webhook example with its trigger standing in as a manual trigger handing over what the trigger fetched. */
	function instant(fetched: IDataObject): WorkflowJson {
		const example = loadExample('invoice-paid-instant.json');
		const trigger = example.nodes.find((node) => node.type.endsWith('xeroWebhookTrigger')) as INode;
		return {
			...example,
			nodes: example.nodes.map((node) =>
				node === trigger ? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, credentials: undefined } : node,
			),
			pinData: { [trigger.name]: [{ json: fetched }] },
		};
	}

	it('webhook: the trigger keeps Authorised and Paid invoices; a part payment, then the rest; a replayed delivery writes nothing', async () => {
		const example = loadExample('invoice-paid-instant.json');
		const trigger = example.nodes.find((node) => node.type.endsWith('xeroWebhookTrigger')) as INode;
		expect((trigger.parameters.options as IDataObject).invoiceStatuses).toEqual(['AUTHORISED', 'PAID']);
		const fetch = async (number: string) => {
			const token = await sandboxes.xero.clientCredentialsToken();
			const api = apiClient({ baseUrl: sandboxes.xero.url, accessToken: token.access_token });
			return (await api.get<{ Invoices: IDataObject[] }>(`/Invoices/${String(xeroInvoice(number).InvoiceID)}`)).json.Invoices[0];
		};

		// An open invoice with nothing paid passes the trigger's status filter but not "paid or part-paid".
		const open = await runFlow(sandboxes, instant(await fetch('INV-0004')));
		expect(open.main('Update CRM invoice status')).toEqual([]);
		expect(linked(xeroInvoice('INV-0004').InvoiceID)).toEqual([]);

		await pay('INV-0004', 725);
		const part = await runFlow(sandboxes, instant(await fetch('INV-0004')));
		expect(part.logged()).toEqual([]);
		expect(linked(xeroInvoice('INV-0004').InvoiceID).map(money)).toEqual([{ received: 725, balance: 1000, invoicestatus: 'Approved' }]);

		await pay('INV-0004', 1000);
		const paid = await fetch('INV-0004');
		expect(paid.Status).toBe('PAID');
		const rest = await runFlow(sandboxes, instant(paid));
		expect(rest.logged()).toEqual([]);
		expect(linked(paid.InvoiceID).map(money)).toEqual([{ received: 1725, balance: 0, invoicestatus: 'Paid' }]);

		const before = writes();
		const replayed = await runFlow(sandboxes, instant(paid));
		expect(replayed.logged()).toEqual([]);
		expect(replayed.main('Update CRM invoice status').map((item) => item.json.syncResult)).toEqual(['Unchanged']);
		expect(writes() - before).toBe(0);
	});
});
