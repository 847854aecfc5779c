#!/usr/bin/env node
// Provisioning of a demo/e2e n8n (called by scripts/n8n/stack.sh):
//   owner     create the owner account through POST /rest/owner/setup (n8n 2.x), or check the login if it exists
//   files     write $STACK_DIR/import/credentials.json (pointing at the sandboxes) and the example workflows from
//             examples/ with their credential references rewritten to those credentials
//   activate  activate the example workflows that start from a webhook (instant flows), and point the Xero
//             sandbox's webhook deliveries at them
// Env: STACK_DIR, STACK_REPO, N8N_URL, SANDBOX_JSON, STACK_OWNER_EMAIL, STACK_OWNER_PASSWORD.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8nRest } from './rest.mjs';

const env = process.env;
const need = (name) => env[name] || fail(`${name} is not set`);
function fail(message) {
	console.error(`[provision] ${message}`);
	process.exit(1);
}
const log = (message) => console.error(`[provision] ${message}`);

/** Fixed ids so that the example workflows, the e2e tests and the browser test can name them. */
export const CREDENTIAL_IDS = {
	xeroCustomConnectionApi: 'xeroCustomConn01',
	xeroSyncOAuth2Api: 'xeroOAuth2Cred01',
	simplyCrmApi: 'simplyCrmCred001',
	xeroWebhookApi: 'xeroWebhookKey01',
};

export function credentialsFor(sandbox) {
	const xeroUrl = sandbox.xero.url;
	return [
		{
			id: CREDENTIAL_IDS.xeroCustomConnectionApi,
			name: 'Xero Custom Connection (sandbox)',
			type: 'xeroCustomConnectionApi',
			data: {
				clientId: sandbox.xero.customConnection.clientId,
				clientSecret: sandbox.xero.customConnection.clientSecret,
				baseUrl: xeroUrl,
			},
		},
		{
			id: CREDENTIAL_IDS.xeroSyncOAuth2Api,
			name: 'Xero OAuth2 (sandbox)',
			type: 'xeroSyncOAuth2Api',
			data: {
				clientId: sandbox.xero.webClient.clientId,
				clientSecret: sandbox.xero.webClient.clientSecret,
				baseUrl: xeroUrl,
			},
		},
		{
			id: CREDENTIAL_IDS.simplyCrmApi,
			name: 'Simply CRM (sandbox)',
			type: 'simplyCrmApi',
			data: {
				instanceUrl: sandbox.crm.url,
				username: sandbox.crm.username,
				accessKey: sandbox.crm.accessKey,
			},
		},
		...(sandbox.xero.webhookKey
			? [
					{
						id: CREDENTIAL_IDS.xeroWebhookApi,
						name: 'Xero Webhook Key (sandbox)',
						type: 'xeroWebhookApi',
						data: { webhookKey: sandbox.xero.webhookKey },
					},
				]
			: []),
	];
}

/** examples/<file>.json -> a workflow id n8n accepts (<= 21 chars), stable across runs. */
export function workflowIdFor(file) {
	const slug = file
		.replace(/\.json$/, '')
		.replace(/[^a-zA-Z0-9]/g, '')
		.slice(0, 17);
	return `ex${slug}`.slice(0, 21);
}

export function rewriteWorkflow(workflow, file, credentials) {
	const byType = Object.fromEntries(credentials.map((c) => [c.type, c]));
	const copy = structuredClone(workflow);
	copy.id = workflowIdFor(file);
	copy.active = false;
	for (const node of copy.nodes ?? []) {
		// A webhook node's production URL is /webhook/<webhookId>/<path>: give it an id so the URL is known up front.
		if (isPackageWebhookNode(node) && !node.webhookId) node.webhookId = randomUUID();
		for (const type of Object.keys(node.credentials ?? {})) {
			const credential = byType[type];
			if (credential) node.credentials[type] = { id: credential.id, name: credential.name };
		}
	}
	return copy;
}

/** The workflows to import: examples/, or STACK_EXAMPLES_DIR (your own folder of workflow JSON files). */
export function exampleFiles(repo) {
	const dir = process.env.STACK_EXAMPLES_DIR || join(repo, 'examples');
	let names = [];
	try {
		names = readdirSync(dir).filter((f) => f.endsWith('.json'));
	} catch {
		return [];
	}
	return names.sort().map((file) => ({ file, path: join(dir, file) }));
}

async function owner() {
	const rest = new N8nRest(need('N8N_URL'));
	const email = need('STACK_OWNER_EMAIL');
	const password = need('STACK_OWNER_PASSWORD');
	// Right after /healthz the settings may not yet say that setup is pending: retry for a while.
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			await rest.login(email, password);
			const me = await rest.get('/rest/login');
			if (me?.email !== email) fail(`logged in as ${me?.email}, expected ${email}`);
			return;
		} catch (error) {
			if (![401, 503].includes(error.status) || Date.now() > deadline) throw error;
			if (error.status === 503) {
				await new Promise((r) => setTimeout(r, 1000));
				continue;
			}
		}
		if (await rest.setupNeeded()) {
			await rest.setupOwner({ email, password, firstName: 'Demo', lastName: 'Owner' });
			log(`owner account created: ${email}`);
			continue;
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
}

function files() {
	const stackDir = need('STACK_DIR');
	const sandbox = JSON.parse(readFileSync(need('SANDBOX_JSON'), 'utf8'));
	const importDir = join(stackDir, 'import');
	rmSync(importDir, { recursive: true, force: true });
	mkdirSync(join(importDir, 'workflows'), { recursive: true });
	const credentials = credentialsFor(sandbox);
	writeFileSync(join(importDir, 'credentials.json'), JSON.stringify(credentials, null, 2), { mode: 0o600 });
	const index = [];
	for (const { file, path } of exampleFiles(need('STACK_REPO'))) {
		let workflow;
		try {
			workflow = JSON.parse(readFileSync(path, 'utf8'));
		} catch (error) {
			fail(`examples/${file} is not valid JSON: ${error.message}`);
		}
		if (!Array.isArray(workflow.nodes)) {
			log(`skipping examples/${file}: not a workflow (no nodes)`);
			continue;
		}
		const rewritten = rewriteWorkflow(workflow, file, credentials);
		writeFileSync(join(importDir, 'workflows', `${rewritten.id}.json`), JSON.stringify(rewritten, null, 2));
		index.push({ file, id: rewritten.id, name: rewritten.name });
	}
	writeFileSync(join(importDir, 'workflows.index.json'), JSON.stringify(index, null, 2));
}

const PACKAGE = 'n8n-nodes-xero-crm';

function isPackageWebhookNode(node) {
	return !node.disabled && node.type.startsWith(`${PACKAGE}.`) && /webhook/i.test(node.type);
}

/** The node type's webhook path, as n8n describes the loaded node to the editor. */
async function webhookPathOf(rest, nodeType) {
	const res = await rest.raw('GET', '/types/nodes.json');
	const types = await res.json();
	const description = types.find((t) => t.name === nodeType);
	if (!description) throw new Error(`n8n has not loaded ${nodeType}: is it in package.json's n8n.nodes?`);
	const path = description.webhooks?.[0]?.path;
	if (!path || path.startsWith('=')) throw new Error(`${nodeType} has no fixed webhook path`);
	return path;
}

/**
 * Workflows that start from one of the package's webhook triggers only run when active. Activate them and point
 * the Xero sandbox's webhook deliveries at the production URL, then check it with Xero's "intent to receive".
 */
async function activate() {
	const rest = new N8nRest(need('N8N_URL'));
	await rest.login(need('STACK_OWNER_EMAIL'), need('STACK_OWNER_PASSWORD'));
	const sandbox = JSON.parse(readFileSync(need('SANDBOX_JSON'), 'utf8'));
	const index = JSON.parse(readFileSync(join(need('STACK_DIR'), 'import', 'workflows.index.json'), 'utf8'));
	const instant = [];
	for (const entry of index) {
		const workflow = await rest.workflow(entry.id);
		const hooks = workflow.nodes.filter(isPackageWebhookNode);
		if (hooks.length === 0) continue;
		await rest.post(`/rest/workflows/${entry.id}/activate`, { versionId: workflow.versionId });
		for (const node of hooks) {
			const url = `${need('N8N_URL')}/webhook/${node.webhookId}/${await webhookPathOf(rest, node.type)}`;
			instant.push({ ...entry, node: node.name, url });
		}
		log(`activated "${entry.name}" (${entry.id})`);
	}
	if (instant.length > 1) log(`several instant workflows; the Xero sandbox delivers to the first: ${instant[0].name}`);
	if (instant.length > 0) {
		const target = instant[0];
		const post = async (path, body) => {
			const res = await fetch(`${sandbox.xero.url}/__sandbox/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
			return res.json();
		};
		await post('webhooks', { url: target.url });
		const intent = await post('webhooks/intent-to-receive', {});
		log(`Xero sandbox webhooks -> ${target.url} (intent to receive: ${JSON.stringify(intent)})`);
	}
	writeFileSync(join(need('STACK_DIR'), 'import', 'instant.json'), JSON.stringify(instant, null, 2));
}

const command = process.argv[2];
const commands = { owner, files, activate };
if (import.meta.url === `file://${process.argv[1]}`) {
	if (!commands[command]) fail(`usage: provision.mjs ${Object.keys(commands).join('|')}`);
	Promise.resolve(commands[command]()).catch((error) => fail(error.message));
}
