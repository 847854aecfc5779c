// The package inside a real n8n: loaded as a community package with its own type names, credentials imported,
// the credential tests the editor's Test button runs answer through n8n.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, n8n, importedCredentials, importedWorkflows, sandbox } from './lib.mjs';

const NODE_TYPES = ['n8n-nodes-xero-crm.xeroSync', 'n8n-nodes-xero-crm.crmRecord', 'n8n-nodes-xero-crm.xeroTrigger'];

test(`n8n ${env.version} loads the package as a community package with its real type names`, async () => {
	const rest = await n8n();
	const res = await rest.raw('GET', '/types/nodes.json');
	assert.equal(res.status, 200);
	const types = await res.json();
	const names = new Set(types.map((t) => t.name));
	for (const name of NODE_TYPES) assert.ok(names.has(name), `${name} is loaded (have: ${[...names].filter((n) => n.includes('xero')).join(', ')})`);
	assert.ok(![...names].some((n) => n.startsWith('CUSTOM.') && /xero|crm/i.test(n)), 'not loaded as CUSTOM.*');
	const credTypes = await (await rest.raw('GET', '/types/credentials.json')).json();
	const credNames = new Set(credTypes.map((c) => c.name));
	for (const name of ['xeroSyncOAuth2Api', 'xeroCustomConnectionApi', 'simplyCrmApi']) assert.ok(credNames.has(name), `credential type ${name}`);
	// The node icons are served from the installed package.
	for (const t of types.filter((t) => NODE_TYPES.includes(t.name))) {
		const icon = typeof t.iconUrl === 'string' ? t.iconUrl : t.iconUrl?.light;
		assert.ok(icon, `${t.name} has an icon`);
		const svg = await rest.raw('GET', '/' + icon.replace(/^\//, ''));
		assert.equal(svg.status, 200, `${icon} is served`);
		assert.match(await svg.text(), /<svg/);
	}
});

test('the imported credentials and example workflows are in n8n', async () => {
	const rest = await n8n();
	const credentials = await rest.get('/rest/credentials');
	for (const c of importedCredentials()) {
		assert.ok(credentials.some((x) => x.id === c.id && x.type === c.type), `credential ${c.name} (${c.type})`);
	}
	const workflows = await rest.workflows();
	const index = importedWorkflows();
	assert.ok(index.length >= 1, 'examples/ has workflows');
	for (const w of index) assert.ok(workflows.some((x) => x.id === w.id), `workflow ${w.name}`);
});

async function testCredential(rest, id, dataOverride) {
	const stored = await rest.get(`/rest/credentials/${id}?includeData=true`);
	const data = { ...stored.data, ...dataOverride };
	return rest.post('/rest/credentials/test', { credentials: { id, name: stored.name, type: stored.type, data } });
}

/** The saved credential's test passes; with one wrong value it fails with a readable message that does not echo it. */
async function testPassesThenFails(id, field, wrong) {
	const rest = await n8n();
	const ok = await testCredential(rest, id);
	assert.equal(ok.status, 'OK', JSON.stringify(ok));
	const bad = await testCredential(rest, id, { [field]: wrong });
	assert.equal(bad.status, 'Error');
	assert.ok(bad.message && bad.message.length > 10, `message: ${bad.message}`);
	assert.ok(!bad.message.includes(wrong), `the wrong ${field} is not echoed`);
	return bad;
}

test('credential test: Xero Custom Connection succeeds, and fails with a readable message for a wrong secret', async () => {
	const bad = await testPassesThenFails('xeroCustomConn01', 'clientSecret', 'wrong-secret');
	assert.ok(!bad.message.includes(sandbox().xero.customConnection.clientSecret));
});

test('credential test: Simply CRM succeeds, and fails with a readable message for a wrong access key', async () => {
	await testPassesThenFails('simplyCrmCred001', 'accessKey', 'WrongKey00000000');
});
