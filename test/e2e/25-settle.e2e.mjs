// The organisations examples as a two-way pair on schedules in a real n8n (issue 16 item 4): both are imported as
// copies on short second-schedules and activated, so n8n itself starts them and keeps each one's cursor. Writes are
// counted at both sandboxes (Xero's write calls; vtiger's create/update/revise/delete calls). From what the earlier
// e2e files left, the pair goes quiet; after one user edit on each side the edits cross once, and the next two
// runs of each flow write nothing on either side.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { crm, importedWorkflows, n8n, until, xero } from './lib.mjs';

const PAIR = [
	// Far enough apart that one run of a flow ends before its next starts (n8n starts a schedule's run even while the
	// last is still running; overlapping runs of one flow share a cursor and each send the same edit: 5 writes seen).
	{ file: 'organisations-crm-to-xero.json', seconds: 12 },
	{ file: 'organisations-xero-to-crm.json', seconds: 13 },
];
const CRM_WRITES = ['create', 'update', 'revise', 'delete'];
const ROUND_MS = 90_000;

async function writes() {
	const [stats, state] = await Promise.all([xero.stats(), crm.state()]);
	return { xero: stats.totals.writes, crm: CRM_WRITES.reduce((sum, op) => sum + (state.calls[op] ?? 0), 0) };
}

const delta = (from, to) => ({ xero: to.xero - from.xero, crm: to.crm - from.crm });

/** A copy of an imported example whose Schedule fires every `seconds`, activated. */
async function scheduledCopy(rest, { file, seconds }) {
	const entry = importedWorkflows().find((w) => w.file === file);
	assert.ok(entry, `examples/${file} was imported`);
	const workflow = await rest.workflow(entry.id);
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-base.scheduleTrigger'
			? { ...node, parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } } }
			: node,
	);
	const created = await rest.post('/rest/workflows', {
		name: `e2e two-way: ${workflow.name}`,
		nodes,
		connections: workflow.connections,
		settings: workflow.settings ?? {},
		active: false,
	});
	const stored = await rest.workflow(created.id);
	await rest.post(`/rest/workflows/${created.id}/activate`, { versionId: stored.versionId });
	return created.id;
}

/** Finished executions of a workflow so far, and the failed ones among them. */
async function runsOf(rest, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	// n8n 2.41 refuses a limit above 100; a run of this test makes about 15 executions a workflow.
	const page = await rest.get(`/rest/executions?filter=${filter}&limit=100`);
	const finished = (page?.results ?? []).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
	return { count: finished.length, failed: finished.filter((e) => e.status !== 'success').length };
}

/** Waits until every workflow has finished `n` more executions (n8n's schedules start them). */
async function runs(rest, ids, n) {
	const start = await Promise.all(ids.map((id) => runsOf(rest, id)));
	await until(`${n} more scheduled runs of each flow`, async () => {
		const now = await Promise.all(ids.map((id) => runsOf(rest, id)));
		return now.every((r, i) => r.count >= start[i].count + n);
	}, ROUND_MS);
	const now = await Promise.all(ids.map((id) => runsOf(rest, id)));
	assert.deepEqual(now.map((r) => r.failed), ids.map(() => 0), 'no scheduled execution failed');
}

const ids = [];
// The copies must stop whatever happened: left running on their 5 s schedules they would spend the organisation's
// 60 calls a minute under the tests that follow. Deactivated, archived, and checked.
after(async () => {
	const rest = await n8n();
	for (const id of ids) {
		await rest.post(`/rest/workflows/${id}/deactivate`, {});
		await rest.post(`/rest/workflows/${id}/archive`, {}).catch(() => undefined);
		const stored = await rest.workflow(id).catch(() => undefined);
		assert.ok(!stored?.active, `the two-way copy ${id} is no longer active`);
	}
	await until('the two-way copies to finish their last runs', async () => {
		const running = await Promise.all(ids.map((id) => rest.get(`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: id, status: ['running', 'new'] }))}&limit=10`)));
		return running.every((page) => (page?.results ?? []).length === 0);
	}, ROUND_MS);
});

test('organisations both ways on schedules: one edit on each side crosses once, then two runs of each flow write nothing', async () => {
	const rest = await n8n();
	for (const flow of PAIR) ids.push(await scheduledCopy(rest, flow));

	// The first runs have no cursor yet and read everything; then the pair must go quiet.
	await runs(rest, ids, 2);
	let quiet = false;
	for (let attempt = 0; attempt < 3 && !quiet; attempt++) {
		const before = await writes();
		await runs(rest, ids, 2);
		const wrote = delta(before, await writes());
		quiet = wrote.xero === 0 && wrote.crm === 0;
	}
	assert.ok(quiet, 'the pair writes nothing once it has caught up');

	const accounts = (await crm.records('Accounts')).filter((a) => a.cf_xero_contact_id);
	assert.ok(accounts.length > 1, 'linked accounts to edit');
	const [inCrm, inXero] = accounts;
	await crm.revise({ id: inCrm.id, phone: '555 0101' });
	await xero.api('POST', `Contacts/${inXero.cf_xero_contact_id}`, {
		Contacts: [{ ContactID: inXero.cf_xero_contact_id, Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0202' }] }],
	});
	const edited = await writes();

	// Two runs each: whatever run was under way at the edit, a later one of each flow saw it; one more for the echo.
	await runs(rest, ids, 3);
	const crossed = await writes();
	assert.deepEqual(delta(edited, crossed), { xero: 1, crm: 1 }, 'each edit written once to the other side');
	const state = await xero.state(xero.firstTenant.tenantId);
	const phone = (contact) => (contact?.Phones ?? []).find((p) => p.PhoneType === 'DEFAULT')?.PhoneNumber;
	assert.equal(phone(state.contacts.find((c) => c.ContactID === inCrm.cf_xero_contact_id)), '555 0101', 'the CRM edit is in Xero');
	assert.equal((await crm.records('Accounts')).find((a) => a.id === inXero.id)?.phone, '555 0202', 'the Xero edit is in the CRM');

	await runs(rest, ids, 2);
	assert.deepEqual(delta(crossed, await writes()), { xero: 0, crm: 0 }, 'the next two runs of each flow write nothing');
});
