import type { IDataObject, INode } from 'n8n-workflow';

import { apiClient } from '../../sandbox/xero/testing/apiClient';
import { crmRecords, loadExample, runFlow, sandboxesForEachTest } from './support';

/**
 * examples/invoice-paid-instant.json, the demo's instant flow, with its webhook trigger standing in as a manual
 * trigger that hands over what the trigger fetches: the Xero invoice just paid (here INV-0002, which has a free-text
 * line "Club engraving" next to an item line, as `npm run demo:pay -- INV-0002` pays it).
 */
const UPSERT = 'Update CRM invoice status';

describe('flow: the demo\'s instant flow (invoice paid in Xero → CRM invoice)', () => {
	const sandboxes = sandboxesForEachTest();

	it('brings the paid invoice with its free-text line into the CRM as Paid, and a replayed delivery writes nothing', async () => {
		const token = await sandboxes.xero.clientCredentialsToken();
		const api = apiClient({ baseUrl: sandboxes.xero.url, accessToken: token.access_token });
		const list = await api.get<{ Invoices: IDataObject[] }>('/Invoices?InvoiceNumbers=INV-0002');
		const invoice = list.json.Invoices[0];
		const paid = await api.put('/Payments', {
			Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Date: new Date().toISOString().slice(0, 10), Amount: Number(invoice.AmountDue) }],
		});
		expect(paid.status).toBe(200);
		const fetched = (await api.get<{ Invoices: IDataObject[] }>(`/Invoices/${String(invoice.InvoiceID)}`)).json.Invoices[0];
		expect(fetched.Status).toBe('PAID');

		const example = loadExample('invoice-paid-instant.json');
		const trigger = example.nodes.find((node) => node.type.endsWith('xeroWebhookTrigger')) as INode;
		const workflow = {
			...example,
			nodes: example.nodes.map((node) =>
				node === trigger ? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, credentials: undefined } : node,
			),
			pinData: { [trigger.name]: [{ json: fetched }] },
		};
		const run = await runFlow(sandboxes, workflow);
		expect(run.logged()).toEqual([]);
		expect(run.main(UPSERT)).toHaveLength(1);
		const crm = crmRecords(sandboxes.crm, 'Invoice').find((row) => row.cf_xero_invoice_id === invoice.InvoiceID) as IDataObject;
		expect(crm).toMatchObject({ invoicestatus: 'Paid', cf_xero_status: 'PAID', cf_xero_invoice_number: 'INV-0002' });
		const lines = crm.LineItems as IDataObject[];
		expect(lines.map((line) => line.comment)).toEqual(['Golf ball, white, single', 'Club engraving']);

		const revises = sandboxes.crm.state().calls.revise ?? 0;
		const creates = sandboxes.crm.state().calls.create ?? 0;
		const again = await runFlow(sandboxes, workflow);
		expect(again.logged()).toEqual([]);
		expect([(sandboxes.crm.state().calls.revise ?? 0) - revises, (sandboxes.crm.state().calls.create ?? 0) - creates]).toEqual([0, 0]);
	});
});
