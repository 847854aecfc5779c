// The instant flow in a real n8n: an active workflow whose Xero Webhook Trigger receives the Xero sandbox's signed
// deliveries. Paying an invoice in Xero must update the linked CRM invoice; unsigned or forged posts get 401.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crm, env, n8n, sandbox, until, xero } from './lib.mjs';

function instantFlows() {
	try {
		return JSON.parse(readFileSync(join(env.stackDir, 'import', 'instant.json'), 'utf8'));
	} catch {
		return [];
	}
}

test('examples/ has an instant flow, active, with the Xero sandbox delivering to it', async () => {
	const flows = instantFlows();
	assert.ok(flows.length > 0, 'an example workflow starts with the Xero Webhook Trigger (issue 6: the demo includes one instant flow)');
	const rest = await n8n();
	const workflow = await rest.workflow(flows[0].id);
	assert.equal(workflow.active, true, `${workflow.name} is active`);
	const settings = await (await fetch(`${sandbox().xero.url}/__sandbox/webhooks`)).json();
	assert.equal(settings.url, flows[0].url);
});

test('unsigned and forged deliveries are refused with 401', async () => {
	const [flow] = instantFlows();
	assert.ok(flow, 'instant flow');
	const body = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'E2E' });
	const unsigned = await fetch(flow.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
	assert.equal(unsigned.status, 401);
	const forged = await fetch(flow.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-xero-signature': Buffer.from('forged').toString('base64') },
		body,
	});
	assert.equal(forged.status, 401);
});

test('an invoice paid in Xero updates the linked CRM invoice through the webhook', async () => {
	const [flow] = instantFlows();
	assert.ok(flow, 'instant flow');
	const tenantId = sandbox().xero.tenants[0].tenantId;
	const state = await xero.state(tenantId);
	const invoices = await crm.records('Invoice');
	const linked = invoices
		.map((i) => ({ crm: i, xero: state.invoices.find((x) => x.InvoiceID === i.cf_xero_invoice_id) }))
		.find((p) => p.xero && p.xero.Status === 'AUTHORISED' && Number(p.xero.AmountDue) > 0);
	assert.ok(linked, 'a CRM invoice linked to an approved Xero invoice (run after flows.e2e.mjs)');
	const bank = state.accounts.find((a) => a.Type === 'BANK');
	assert.ok(bank, 'a bank account to pay from');
	const rest = await n8n();
	const before = await rest.get(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: flow.id }))}`);
	const countBefore = (before.results ?? before).length;

	const res = await fetch(`${sandbox().xero.url}/api.xro/2.0/Payments`, {
		method: 'PUT',
		headers: { authorization: `Bearer ${await xero.token()}`, 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({
			Payments: [{ Invoice: { InvoiceID: linked.xero.InvoiceID }, Account: { Code: bank.Code }, Amount: Number(linked.xero.AmountDue), Date: new Date().toISOString().slice(0, 10) }],
		}),
	});
	assert.equal(res.status, 200, await res.clone().text());
	await fetch(`${sandbox().xero.url}/__sandbox/webhooks/flush`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

	const paid = await until('the CRM invoice to show PAID', async () => {
		const record = (await crm.records('Invoice')).find((i) => i.id === linked.crm.id);
		return String(record?.cf_xero_status ?? '').toUpperCase() === 'PAID' ? record : undefined;
	});
	assert.equal(paid.cf_xero_invoice_id, linked.xero.InvoiceID);
	const after = await rest.get(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: flow.id }))}`);
	const runs = after.results ?? after;
	assert.ok(runs.length > countBefore, 'the active workflow ran');
	assert.equal(runs[0].mode, 'webhook');
	assert.equal(runs[0].status, 'success');
	const deliveries = await (await fetch(`${sandbox().xero.url}/__sandbox/webhooks/deliveries`)).json();
	assert.ok(deliveries.some((d) => d.status === 200 || d.responseStatus === 200), 'n8n answered the signed delivery with 200');
});
