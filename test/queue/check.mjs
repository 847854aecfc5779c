#!/usr/bin/env node
// Queue mode: the verdict, from the sandboxes' own records and n8n's execution list. Every record the load created
// must exist exactly once on the other side, linked both ways; no execution may have failed; no failure the flows
// logged (Xero Logs in the CRM) may be a rate limit. Prints a summary and exits 1 on any broken promise.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8nRest } from '../../scripts/n8n/rest.mjs';

const env = process.env;
const sandbox = JSON.parse(readFileSync(env.SANDBOX_JSON, 'utf8'));
const load = JSON.parse(readFileSync(join(env.STACK_DIR, 'queue-load.json'), 'utf8'));
const getJson = async (url) => {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: ${res.status}`);
	return res.json();
};
const tenantId = sandbox.xero.tenants[0].tenantId;
const xeroState = await getJson(`${sandbox.xero.url}/__sandbox/state`);
const xeroStats = await getJson(`${sandbox.xero.url}/__sandbox/stats`);
const crmState = await getJson(`${sandbox.crm.url}/__sandbox/state`);
const contacts = xeroState[tenantId].contacts ?? [];
const records = async (module) => {
	const body = await getJson(`${sandbox.crm.url}/__sandbox/records?module=${module}`);
	return Array.isArray(body) ? body : body.records ?? [];
};
const accounts = await records('Accounts');
const logs = await records('XeroLogs').catch(() => []);

const lower = (s) => String(s ?? '').trim().toLowerCase();
const problems = [];
let lost = 0;
let duplicates = 0;

for (const { id, name } of load.crmAccounts) {
	const inXero = contacts.filter((c) => lower(c.Name) === lower(name));
	if (inXero.length === 0) (lost++, problems.push(`CRM account ${id} "${name}" never reached Xero`));
	if (inXero.length > 1) (duplicates += inXero.length - 1, problems.push(`CRM account ${id} "${name}" is in Xero ${inXero.length} times`));
	const crm = accounts.find((a) => a.id === id);
	if (inXero.length === 1 && crm && crm.cf_xero_contact_id !== inXero[0].ContactID) {
		problems.push(`CRM account ${id} is not linked to its Xero contact (cf_xero_contact_id "${crm.cf_xero_contact_id}")`);
	}
}
for (const { name } of load.xeroContacts) {
	const contact = contacts.find((c) => lower(c.Name) === lower(name));
	const inCrm = accounts.filter((a) => lower(a.accountname) === lower(name));
	if (inCrm.length === 0) (lost++, problems.push(`Xero contact "${name}" never reached the CRM`));
	if (inCrm.length > 1) (duplicates += inCrm.length - 1, problems.push(`Xero contact "${name}" is in the CRM ${inCrm.length} times`));
	if (inCrm.length === 1 && contact && inCrm[0].cf_xero_contact_id !== contact.ContactID) {
		problems.push(`CRM account for Xero contact "${name}" is not linked (cf_xero_contact_id "${inCrm[0].cf_xero_contact_id}")`);
	}
}
const byName = new Map();
for (const c of contacts) byName.set(lower(c.Name), (byName.get(lower(c.Name)) ?? 0) + 1);
for (const [name, count] of byName) if (count > 1) problems.push(`Xero holds ${count} contacts named "${name}"`);
const byLink = new Map();
for (const a of accounts) if (a.cf_xero_contact_id) byLink.set(a.cf_xero_contact_id, [...(byLink.get(a.cf_xero_contact_id) ?? []), a.id]);
for (const [link, ids] of byLink) if (ids.length > 1) (duplicates += ids.length - 1, problems.push(`CRM accounts ${ids.join(', ')} share Xero contact ${link}`));

// Every module the flows upsert into: two live records carrying one Xero ID are a duplicate the flows made.
const linkFields = { Contacts: 'cf_xero_contact_id', Vendors: 'cf_xero_contact_id', Products: 'cf_xero_item_id', Invoice: 'cf_xero_invoice_id', XeroAccounts: 'xero_account_id' };
for (const [module, field] of Object.entries(linkFields)) {
	const ids = new Map();
	for (const r of await records(module).catch(() => [])) if (r[field]) ids.set(r[field], [...(ids.get(r[field]) ?? []), r.id]);
	for (const [link, same] of ids) if (same.length > 1) (duplicates += same.length - 1, problems.push(`${module} ${same.join(', ')} share ${field} ${link}`));
}

const rateLimitLogs = logs.filter((l) => /429|too many requests|rate limit|limit (was )?reached|daily api limit/i.test(String(l.error_message ?? '')));
for (const l of rateLimitLogs.slice(0, 5)) problems.push(`a rate limit surfaced as a failure: ${l.action}: ${String(l.error_message).slice(0, 200)}`);
const otherLogs = logs.filter((l) => !rateLimitLogs.includes(l));
for (const l of otherLogs.slice(0, 5)) problems.push(`a flow logged a failure: ${l.action}: ${String(l.error_message).slice(0, 200)}`);

// Secrets must not reach a log line: n8n's main and worker logs, and the failures the flows logged in the CRM.
const secrets = [
	sandbox.xero.webClient.clientSecret,
	sandbox.xero.customConnection.clientSecret,
	sandbox.xero.webhookKey,
	sandbox.crm.accessKey,
].filter(Boolean);
const logTexts = readdirSync(env.STACK_DIR)
	.filter((file) => /^(n8n|worker\d+)\.log$/.test(file))
	.map((file) => ({ where: file, text: readFileSync(join(env.STACK_DIR, file), 'utf8') }));
logTexts.push({ where: 'Xero Logs in the CRM', text: JSON.stringify(logs) });
const leaks = logTexts.filter(({ text }) => secrets.some((secret) => text.includes(secret)));
for (const { where } of leaks) problems.push(`a secret appears in ${where}`);

const rest = new N8nRest(env.N8N_URL);
await rest.login(env.STACK_OWNER_EMAIL, env.STACK_OWNER_PASSWORD);
// n8n pages executions 100 at a time, newest first; lastId continues below the last one seen.
const all = [];
for (let lastId; ; ) {
	const page = await rest.get(`/rest/executions?limit=100${lastId ? `&lastId=${lastId}` : ''}`);
	const results = page?.results ?? [];
	all.push(...results);
	if (results.length < 100) break;
	lastId = results[results.length - 1].id;
}
const failed = all.filter((e) => ['error', 'crashed', 'failed'].includes(e.status));
for (const e of failed.slice(0, 5)) problems.push(`execution ${e.id} of "${e.workflowName ?? e.workflowId}" ended ${e.status}`);

const tenant = xeroStats.tenants?.[tenantId] ?? {};
const summary = {
	executions: all.length,
	failedExecutions: failed.length,
	crmAccountsCreated: load.crmAccounts.length,
	xeroContactsCreated: load.xeroContacts.length,
	duplicates,
	lost,
	xeroCalls: tenant.calls ?? 0,
	xero429sAbsorbed: tenant.rateLimited ?? 0,
	// OAuth2 refreshes from both workers; refused ones are a worker losing the race for the single-use refresh
	// token, absorbed when no execution failed.
	oauth2Refreshes: {
		issued: xeroStats.identity?.['token refresh_token: issued'] ?? 0,
		refusedInvalidGrant: xeroStats.identity?.['token refresh_token: invalid_grant'] ?? 0,
	},
	// The demo data has no deleted records and the flows delete nothing else: these are the records an upsert
	// created in a race with an overlapping run and then deleted in favour of the older one.
	crmRaceDuplicatesDeleted: Object.fromEntries(
		Object.entries(crmState.modules ?? {}).filter(([, count]) => count.deleted > 0).map(([module, count]) => [module, count.deleted]),
	),
	rateLimitFailures: rateLimitLogs.length,
	otherLoggedFailures: otherLogs.length,
	logsScannedForSecrets: logTexts.map(({ where }) => where),
	problems: problems.slice(0, 40),
};
writeFileSync(join(env.STACK_DIR, 'queue-result.json'), JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary, null, 2));
process.exit(problems.length === 0 && all.length > 0 ? 0 : 1);
