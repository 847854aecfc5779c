// The Xero OAuth2 credential in a real n8n: the authorization-code flow through n8n's own OAuth2 endpoints
// (/rest/oauth2-credential/auth and the callback) against the Xero sandbox's authorize endpoint, then the tenant
// picker (the Xero Sync node's listSearch) and a run against the tenant picked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectXeroOAuth2 } from '../../scripts/n8n/oauth2.mjs';
import { env, n8n, sandbox, xero, outputItems, secrets } from './lib.mjs';

const CREDENTIAL = { id: 'xeroOAuth2Cred01', name: 'Xero OAuth2 (sandbox)' };

async function connect(rest) {
	const { authUrl, consent, callback, done, html } = await connectXeroOAuth2(rest, CREDENTIAL.id);
	assert.equal(typeof authUrl, 'string');
	const url = new URL(authUrl);
	assert.equal(url.origin + url.pathname, `${sandbox().xero.url}/identity/connect/authorize`, 'authorize on the sandbox host');
	assert.equal(url.searchParams.get('client_id'), sandbox().xero.webClient.clientId);
	assert.equal(url.searchParams.get('redirect_uri'), `${env.n8nUrl}/rest/oauth2-credential/callback`);
	assert.match(url.searchParams.get('scope') ?? '', /offline_access/);
	// The sandbox consents at once and sends the browser back to n8n's callback with a code.
	assert.equal(consent.status, 302);
	assert.equal(callback.origin + callback.pathname, `${env.n8nUrl}/rest/oauth2-credential/callback`);
	assert.ok(callback.searchParams.get('code'), 'authorization code');
	assert.equal(callback.searchParams.get('state'), url.searchParams.get('state'), 'state passed back unchanged');
	assert.equal(done.status, 200);
	assert.match(html, /Connection successful/, html.replace(/<style[\s\S]*?<\/style>/g, '').slice(0, 800));
}

async function searchTenants(rest, filter) {
	return rest.post('/rest/dynamic-node-parameters/resource-locator-results', {
		path: 'tenant',
		nodeTypeAndVersion: { name: 'n8n-nodes-xero-crm.xeroSync', version: 1 },
		currentNodeParameters: {
			authentication: 'oAuth2',
			resource: 'organisation',
			operation: 'get',
			tenant: { __rl: true, mode: 'list', value: '' },
		},
		methodName: 'searchTenants',
		credentials: { xeroSyncOAuth2Api: CREDENTIAL },
		...(filter ? { filter } : {}),
	});
}

test('OAuth2: authorization-code flow through n8n against the Xero sandbox stores a token', async () => {
	const rest = await n8n();
	await connect(rest);
	const stored = await rest.get(`/rest/credentials/${CREDENTIAL.id}?includeData=true`);
	assert.ok(stored.data.oauthTokenData, 'n8n saved the token data');
	const page = JSON.stringify(stored);
	for (const secret of secrets()) assert.ok(!page.includes(secret), 'no secret in the credential as the editor sees it');
});

test('OAuth2: the tenant picker lists the connected organisations and filters by name', async () => {
	const rest = await n8n();
	const all = await searchTenants(rest);
	const names = all.results.map((r) => r.name).sort();
	assert.deepEqual(names, sandbox().xero.tenants.map((t) => t.tenantName).sort());
	for (const r of all.results) assert.ok(sandbox().xero.tenants.some((t) => t.tenantId === r.value), `${r.name} has its tenant id`);
	const filtered = await searchTenants(rest, 'second');
	assert.deepEqual(filtered.results.map((r) => r.name), ['Second Demo Ltd']);
});

test('OAuth2: a workflow on the picked tenant reads that organisation only', async () => {
	const rest = await n8n();
	const picked = (await searchTenants(rest, 'second')).results[0];
	const trigger = { id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const get = {
		id: 'a2',
		name: 'Get organisations',
		type: 'n8n-nodes-xero-crm.xeroSync',
		typeVersion: 1,
		position: [250, 0],
		parameters: {
			authentication: 'oAuth2',
			tenant: { __rl: true, mode: 'list', value: picked.value, cachedResultName: picked.name },
			resource: 'organisation',
			operation: 'get',
			getMode: 'many',
			returnAll: true,
			filters: {},
			options: {},
		},
		credentials: { xeroSyncOAuth2Api: CREDENTIAL },
		onError: 'continueErrorOutput',
	};
	const created = await rest.post('/rest/workflows', {
		name: `e2e OAuth2 tenant ${Date.now()}`,
		nodes: [trigger, get],
		connections: { Start: { main: [[{ node: 'Get organisations', type: 'main', index: 0 }]] } },
		settings: {},
		active: false,
	});
	const run = await rest.runWorkflow(created.id, { trigger: 'Start' });
	assert.equal(run.status, 'success', JSON.stringify(run.data?.resultData?.error ?? {}).slice(0, 500));
	const items = outputItems(run.runData, 'Get organisations', 0);
	const errors = outputItems(run.runData, 'Get organisations', 1);
	assert.deepEqual(errors, [], 'no items on the error output');
	const state = await xero.state(picked.value);
	const expected = state.contacts.map((c) => c.ContactID).sort();
	assert.ok(expected.length > 0, 'the second tenant has contacts');
	const ids = items.map((i) => i.ContactID ?? i.contactId ?? i.id).sort();
	assert.deepEqual(ids, expected, 'exactly the contacts of the picked tenant');
	const first = await xero.state(xero.firstTenant.tenantId);
	assert.ok(!first.contacts.some((c) => ids.includes(c.ContactID)), 'none of the first tenant');
	await rest.post(`/rest/workflows/${created.id}/archive`).catch(() => undefined);
});
