// n8n queue mode: a main instance and two workers on Redis (scripts/e2e/queue.sh starts them). The example sync
// flows are activated on short, different schedules so that they run concurrently on both workers while records are
// added in the CRM and in Xero. Afterwards: nothing lost, nothing duplicated, every execution succeeded, and no
// Xero rate-limit answer (the sandbox has Xero's per-tenant limits) surfaced as an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crm, duplicates, env, importedWorkflows, n8n, sandbox, xero } from '../lib.mjs';

const RUN_SECONDS = Number(process.env.QUEUE_RUN_SECONDS ?? 75);
const SCHEDULES = {
	'organisations-xero-to-crm.json': 7,
	'organisations-crm-to-xero.json': 9,
	'products-items-accounts.json': 11,
	'invoices-crm-to-xero.json': 13,
	'quotes-to-xero-draft-invoices.json': 10,
};
const RATE_LIMIT = /\b429\b|rate.?limit|too many requests|minute limit|daily limit|concurren/i;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const executionsOf = async (rest, workflowId) => {
	const all = [];
	let lastId;
	for (;;) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await rest.get(`/rest/executions?filter=${filter}&limit=100${lastId ? `&lastId=${lastId}` : ''}`);
		const rows = page.results ?? page;
		all.push(...rows);
		if (rows.length < 100) return all;
		lastId = rows[rows.length - 1].id;
	}
};

/** Every error-output item of the run, as sync-log entries. */
function errorItems(execution) {
	const out = [];
	for (const [node, runs] of Object.entries(execution.data?.resultData?.runData ?? {})) {
		for (const run of runs) {
			for (const item of run.data?.main?.[1] ?? []) {
				const json = item.json;
				out.push({ node, ...(json.error && typeof json.error === 'object' ? json.error : json), message: json.message ?? json.error?.message });
			}
		}
	}
	return out;
}

const state = { created: { accounts: [], products: [], contacts: [] }, workflows: [] };

test('queue mode: main and two workers are up on Redis', async () => {
	const rest = await n8n();
	const settings = await rest.get('/rest/settings');
	assert.equal(settings.executionMode, 'queue', 'the main instance runs in queue mode');
	for (const n of [1, 2]) {
		const log = readFileSync(join(env.stackDir, `worker${n}.log`), 'utf8');
		assert.match(log, /n8n worker is now ready/, `worker ${n} is ready`);
	}
});

test(`the example flows run on schedules for ${RUN_SECONDS} s on two workers while records are added`, async () => {
	const rest = await n8n();
	for (const entry of importedWorkflows()) {
		const seconds = SCHEDULES[entry.file];
		if (!seconds) continue;
		const workflow = await rest.workflow(entry.id);
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
		assert.ok(trigger, `${entry.name} starts on a schedule`);
		trigger.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } };
		const saved = await rest.patch(`/rest/workflows/${entry.id}`, {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: workflow.settings,
			versionId: workflow.versionId,
		});
		const active = await rest.post(`/rest/workflows/${entry.id}/activate`, { versionId: saved.versionId });
		assert.ok(active.active || active.activeVersionId, `${entry.name} is active`);
		state.workflows.push({ ...entry, seconds });
	}
	assert.equal(state.workflows.length, Object.keys(SCHEDULES).length, 'every example flow is scheduled');

	// While the schedules fire, people keep working in both systems.
	const started = Date.now();
	let i = 0;
	while (Date.now() - started < RUN_SECONDS * 1000) {
		i += 1;
		if (i <= 6) {
			const name = `Queue Test Org ${i}`;
			const account = await crm.create('Accounts', { accountname: name, email1: `ap${i}@queue-test.example.com`, bill_city: 'Auckland', bill_country: 'New Zealand' });
			state.created.accounts.push({ id: account.id, name });
		}
		if (i <= 3) {
			const code = `QT-${i}`;
			const product = await crm.create('Products', { productname: `Queue test product ${i}`, productcode: code, unit_price: `${10 + i}.00`, purchase_cost: '1.00', discontinued: '1', usageunit: 'Units', cf_xero_sales_account: '200' });
			state.created.products.push({ id: product.id, code });
			const contactName = `Queue Xero Customer ${i}`;
			const made = await xero.api('PUT', 'Contacts', { Contacts: [{ Name: contactName, EmailAddress: `x${i}@queue-test.example.com` }] });
			state.created.contacts.push({ id: made.Contacts[0].ContactID, name: contactName });
		}
		await sleep(8_000);
	}

	for (const w of state.workflows) await rest.post(`/rest/workflows/${w.id}/deactivate`, {});
	// Let executions already queued or running finish.
	const deadline = Date.now() + 120_000;
	for (;;) {
		const running = (await Promise.all(state.workflows.map((w) => executionsOf(rest, w.id))))
			.flat()
			.filter((e) => ['new', 'running', 'waiting'].includes(e.status));
		if (running.length === 0) break;
		assert.ok(Date.now() < deadline, `${running.length} executions still running 2 minutes after the schedules stopped`);
		await sleep(2_000);
	}
	// One more pass of each flow, so that records added at the very end are synced too.
	for (const w of state.workflows) {
		const run = await rest.runWorkflow(w.id);
		assert.equal(run.status, 'success', `${w.name}: final pass`);
	}
});

test('every scheduled execution succeeded, on both workers, and each flow ran repeatedly', async () => {
	const rest = await n8n();
	for (const w of state.workflows) {
		const runs = (await executionsOf(rest, w.id)).filter((e) => e.mode === 'trigger');
		assert.ok(runs.length >= Math.floor(RUN_SECONDS / w.seconds / 2), `${w.name} ran ${runs.length} times on its ${w.seconds} s schedule`);
		const failed = runs.filter((e) => e.status !== 'success');
		assert.deepEqual(failed.map((e) => `${e.id}: ${e.status}`), [], `${w.name}: no failed execution`);
	}
	const jobsPerWorker = [1, 2].map((n) => (readFileSync(join(env.stackDir, `worker${n}.log`), 'utf8').match(/Worker started execution/g) ?? []).length);
	assert.ok(jobsPerWorker.every((count) => count > 0), `both workers ran executions (${jobsPerWorker.join(' / ')})`);
});

test('no duplicates and nothing lost in Xero or the CRM', async () => {
	const tenantId = sandbox().xero.tenants[0].tenantId;
	const x = await xero.state(tenantId);
	const accounts = await crm.records('Accounts');
	const products = await crm.records('Products');
	assert.deepEqual(duplicates(x.contacts.map((c) => c.Name.toLowerCase())), [], 'Xero contacts: one per name');
	assert.deepEqual(duplicates(x.items.map((i) => i.Code)), [], 'Xero items: one per code');
	assert.deepEqual(duplicates(x.invoices.map((i) => i.InvoiceNumber)), [], 'Xero invoices: one per number');
	assert.deepEqual(duplicates(accounts.map((a) => a.cf_xero_contact_id)), [], 'CRM accounts: one per Xero contact');
	assert.deepEqual(duplicates(accounts.map((a) => a.accountname.toLowerCase())), [], 'CRM accounts: one per name');
	assert.deepEqual(duplicates(products.map((p) => p.cf_xero_item_id)), [], 'CRM products: one per Xero item');
	for (const a of state.created.accounts) {
		const record = accounts.find((r) => r.id === a.id);
		const contact = x.contacts.find((c) => c.ContactID === record?.cf_xero_contact_id);
		assert.ok(contact, `CRM account "${a.name}" added during the run reached Xero and is linked`);
		assert.equal(contact.Name, a.name);
	}
	for (const p of state.created.products) {
		const record = products.find((r) => r.id === p.id);
		assert.ok(x.items.some((i) => i.ItemID === record?.cf_xero_item_id && i.Code === p.code), `product ${p.code} reached Xero and is linked`);
	}
	for (const c of state.created.contacts) {
		assert.equal(accounts.filter((a) => a.cf_xero_contact_id === c.id).length, 1, `Xero contact "${c.name}" added during the run is in the CRM once`);
	}
});

test("Xero's per-tenant limits held across the workers: no rate-limit answer surfaced as an error", async () => {
	const rest = await n8n();
	const planted = new Set(sandbox().planted.map((p) => p.id));
	const surfaced = [];
	for (const w of state.workflows) {
		for (const summary of await executionsOf(rest, w.id)) {
			const { data } = await rest.waitForExecution(summary.id, 30_000);
			for (const e of errorItems({ data })) {
				if (RATE_LIMIT.test(`${e.message} ${e.code ?? ''}`)) surfaced.push(`${w.name} #${summary.id} ${e.node}: ${e.message}`);
				else assert.ok(planted.has(e.crmId), `only planted records fail (${w.name} #${summary.id} ${e.node}: ${e.crmId} ${e.message})`);
			}
		}
	}
	const stats = await xero.stats();
	const t = stats.tenants[sandbox().xero.tenants[0].tenantId];
	console.log(`Xero sandbox, first tenant: ${t.calls} calls, ${t.rateLimited} answered 429 (${JSON.stringify(t.rateLimitedBy)}), max ${t.maxInFlight} in flight`);
	assert.deepEqual(surfaced, [], 'no 429 reached an error output');
	assert.ok(t.calls > 0);
});
