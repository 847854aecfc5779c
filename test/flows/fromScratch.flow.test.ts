import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from '../harness';
import { crmRecords, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * The first flow a newcomer builds (issue 13): Schedule → "Get invoices from Xero" → CRM Record "Upsert" into
 * Invoice, choosing only the credentials, the organisation and the module; no field typed, no option set.
 */
const GET = 'Get invoices from Xero';
const UPSERT = 'Upsert into Invoice';

function fromScratch(): WorkflowJson {
	return {
		nodes: [
			{ id: '1', name: 'Schedule', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: '2',
				name: GET,
				type: 'n8n-nodes-xero-crm.xeroSync',
				typeVersion: 1,
				position: [200, 0],
				parameters: { authentication: 'customConnection', resource: 'invoice', operation: 'get' },
				credentials: { xeroCustomConnectionApi: { id: 'x', name: 'Xero' } },
			},
			{
				id: '3',
				name: UPSERT,
				type: 'n8n-nodes-xero-crm.crmRecord',
				typeVersion: 1,
				position: [400, 0],
				parameters: { operation: 'upsert', module: { __rl: true, mode: 'list', value: 'Invoice' } },
				credentials: { simplyCrmApi: { id: 'c', name: 'CRM' } },
				// n8n's default "On Error: Stop Workflow", as a newcomer leaves it.
			},
		],
		connections: {
			Schedule: { main: [[{ node: GET, type: 'main', index: 0 }]] },
			[GET]: { main: [[{ node: UPSERT, type: 'main', index: 0 }]] },
		},
	};
}

describe('flow: a first flow built from scratch (Xero invoices → CRM Invoice)', () => {
	const sandboxes = sandboxesForEachTest();

	it('lands every sales invoice with only the credentials and the module chosen; a second run writes nothing', async () => {
		const first = await runFlow(sandboxes, fromScratch());
		const got = first.main(GET);
		const sales = got.filter((item) => item.json.Type === 'ACCREC');
		expect(sales.length).toBeGreaterThan(0);
		// Bills come with "Get invoices" too: they have no CRM counterpart, so they are Skipped, not failures that stop
		// the run (issue 13: the newcomer's run must go green).
		const bills = got.filter((item) => item.json.Type === 'ACCPAY');
		expect(bills.length).toBeGreaterThan(0);
		expect(first.errors(UPSERT)).toHaveLength(0);
		const out = first.main(UPSERT);
		expect(out).toHaveLength(got.length);
		const skipped = out.filter((item) => item.json.syncResult === 'Skipped');
		expect(skipped.map((item) => item.json.xeroId).sort()).toEqual(bills.map((item) => item.json.InvoiceID).sort());
		for (const item of skipped) expect(item.json.reason).toMatch(/is a bill \(ACCPAY\); only sales invoices/);
		const landed = out.filter((item) => item.json.syncResult !== 'Skipped');
		expect(landed).toHaveLength(sales.length);
		const crmInvoices = crmRecords(sandboxes.crm, 'Invoice');
		for (const item of sales) {
			const crm = crmInvoices.find((row) => row.cf_xero_invoice_id === item.json.InvoiceID) as IDataObject;
			expect(crm).toBeDefined();
			expect(crm.ship_street).not.toBe('');
			const account = crmRecords(sandboxes.crm, 'Accounts').find((row) => row.id === crm.account_id);
			expect(account?.accountname).toBe((item.json.Contact as IDataObject).Name);
		}
		// Free-text lines and item codes the CRM has no product for point at one service, created once.
		const services = crmRecords(sandboxes.crm, 'Services').filter((row) => row.servicename === 'Xero line without item code');
		expect(services).toHaveLength(1);
		expect(xeroStored(sandboxes.xero, 'invoices').length).toBeGreaterThan(0);

		const revisesBefore = sandboxes.crm.state().calls.revise ?? 0;
		const createsBefore = sandboxes.crm.state().calls.create ?? 0;
		const second = await runFlow(sandboxes, fromScratch());
		expect(second.errors(UPSERT)).toHaveLength(0);
		expect(second.main(UPSERT)).toHaveLength(got.length);
		expect((sandboxes.crm.state().calls.revise ?? 0) - revisesBefore).toBe(0);
		expect((sandboxes.crm.state().calls.create ?? 0) - createsBefore).toBe(0);
	});
});
