// Shared by the e2e tests: the stack scripts/e2e.sh started (env), a logged-in n8n REST client, sandbox state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8nRest, outputItems } from '../../scripts/n8n/rest.mjs';

export { outputItems };

function need(name) {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the e2e tests through scripts/e2e.sh`);
	return value;
}

export const env = {
	get n8nUrl() {
		return need('N8N_URL');
	},
	get stackDir() {
		return need('STACK_DIR');
	},
	get email() {
		return need('STACK_OWNER_EMAIL');
	},
	get password() {
		return need('STACK_OWNER_PASSWORD');
	},
	get version() {
		return process.env.E2E_N8N_VERSION ?? 'unknown';
	},
	get screenshots() {
		return process.env.SCREENSHOTS_DIR ?? join(process.cwd(), 'screenshots');
	},
};

export function sandbox() {
	return JSON.parse(readFileSync(need('SANDBOX_JSON'), 'utf8'));
}

/** The example workflows as imported: [{ file, id, name }]. */
export function importedWorkflows() {
	return JSON.parse(readFileSync(join(env.stackDir, 'import', 'workflows.index.json'), 'utf8'));
}

export function importedCredentials() {
	return JSON.parse(readFileSync(join(env.stackDir, 'import', 'credentials.json'), 'utf8'));
}

export async function n8n() {
	const rest = new N8nRest(env.n8nUrl);
	await rest.login(env.email, env.password);
	return rest;
}

async function getJson(url, init) {
	const res = await fetch(url, init);
	const text = await res.text();
	if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url} -> ${res.status}: ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : undefined;
}

export const xero = {
	state: (tenantId) =>
		getJson(`${sandbox().xero.url}/__sandbox/state${tenantId ? `?tenantId=${encodeURIComponent(tenantId)}` : ''}`),
	stats: () => getJson(`${sandbox().xero.url}/__sandbox/stats`),
	control: (path, body = {}) =>
		getJson(`${sandbox().xero.url}/__sandbox/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		}),
	get firstTenant() {
		return sandbox().xero.tenants[0];
	},
};

export const crm = {
	records: (module) => getJson(`${sandbox().crm.url}/__sandbox/records?module=${encodeURIComponent(module)}`),
	state: () => getJson(`${sandbox().crm.url}/__sandbox/state`),
};

/** Values that must never show up in executions, pages or logs. */
export function secrets() {
	const s = sandbox();
	return [s.xero.customConnection.clientSecret, s.xero.webClient.clientSecret, s.crm.accessKey, s.xero.webhookKey];
}

function countBy(values) {
	const counts = new Map();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return counts;
}

export function duplicates(values) {
	return [...countBy(values.filter((v) => v !== undefined && v !== null && v !== ''))].filter(([, n]) => n > 1);
}

/** Logs in to the CRM's webservice as a CRM user would; returns { ws, sessionName, userId }. */
async function crmSession() {
	const { url, username, accessKey } = sandbox().crm;
	const ws = `${url}/webservice.php`;
	const { createHash } = await import('node:crypto');
	const challenge = await getJson(`${ws}?operation=getchallenge&username=${encodeURIComponent(username)}`);
	const key = createHash('md5').update(challenge.result.token + accessKey).digest('hex');
	const login = await getJson(ws, { method: 'POST', body: new URLSearchParams({ operation: 'login', username, accessKey: key }) });
	return { ws, sessionName: login.result.sessionName, userId: login.result.userId };
}

async function crmWrite(operation, params, what) {
	const { ws, sessionName } = await crmSession();
	const answer = await getJson(ws, { method: 'POST', body: new URLSearchParams({ operation, sessionName, ...params }) });
	if (!answer.success) throw new Error(`${what} failed: ${answer.error?.message}`);
	return answer.result;
}

/** Creates a CRM record through the vtiger webservice, as a CRM user would. Returns the record. */
crm.create = async (module, element) => {
	const { userId } = await crmSession();
	return crmWrite('create', { elementType: module, element: JSON.stringify({ assigned_user_id: userId, ...element }) }, `creating a CRM ${module}`);
};

/** Changes some fields of a CRM record (vtiger's revise), as a CRM user's edit would. Returns the record. */
crm.revise = async (element) => crmWrite('revise', { element: JSON.stringify(element) }, `revising CRM record ${element.id}`);

/** A Custom Connection token for the Xero sandbox (client_credentials, bound to the first tenant). */
xero.token = async () => {
	const { clientId, clientSecret } = sandbox().xero.customConnection;
	const body = await getJson(`${sandbox().xero.url}/connect/token`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
		},
		body: 'grant_type=client_credentials',
	});
	return body.access_token;
};

/** PUT/POST to the Xero sandbox's accounting API as an app would. */
xero.api = async (method, path, payload) =>
	getJson(`${sandbox().xero.url}/api.xro/2.0/${path}`, {
		method,
		headers: { authorization: `Bearer ${await xero.token()}`, 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(payload),
	});

/** Pays `amount` of an invoice from a bank account, as a bookkeeper would in Xero (PUT /Payments); throws if refused. */
xero.pay = async (invoiceId, accountCode, amount) =>
	xero.api('PUT', 'Payments', {
		Payments: [{ Invoice: { InvoiceID: invoiceId }, Account: { Code: accountCode }, Amount: amount, Date: new Date().toISOString().slice(0, 10) }],
	});

/** Polls `check` once a second until it returns something truthy (returned), failing after `timeoutMs`. */
export async function until(what, check, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 1000));
	}
}
