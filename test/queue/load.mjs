#!/usr/bin/env node
// Queue mode: while the scheduled flows run on the workers, keeps creating records on both sides, as users would:
// CRM accounts (the CRM → Xero flow must send each once) and Xero contacts (the Xero → CRM flow must create each
// once). Every QUEUE_TOKEN_EXPIRY_SECONDS (10) all Xero access tokens expire, so workers running at that moment
// renew together: the OAuth2 copies refresh one rotating refresh token from both workers. Writes what it created to
// $STACK_DIR/queue-load.json for check.mjs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const env = process.env;
const sandbox = JSON.parse(readFileSync(env.SANDBOX_JSON, 'utf8'));
const seconds = Number(env.QUEUE_LOAD_SECONDS ?? 60);
const every = Number(env.QUEUE_LOAD_EVERY_MS ?? 1500);
const ws = sandbox.crm.webserviceUrl;
const expiryEvery = Number(env.QUEUE_TOKEN_EXPIRY_SECONDS ?? 10) * 1000;

async function vtiger(method, params) {
	const url = new URL(ws);
	const init = { method };
	if (method === 'GET') url.search = new URLSearchParams(params).toString();
	else init.body = new URLSearchParams(params);
	const answer = await (await fetch(url, init)).json();
	if (!answer.success) throw new Error(`vtiger ${params.operation}: ${JSON.stringify(answer.error)}`);
	return answer.result;
}

// The workers log in to the same user all the time, and each getchallenge supersedes the previous token.
async function logIn() {
	for (let attempt = 1; ; attempt++) {
		const challenge = await vtiger('GET', { operation: 'getchallenge', username: sandbox.crm.username });
		try {
			return await vtiger('POST', {
				operation: 'login',
				username: sandbox.crm.username,
				accessKey: createHash('md5').update(challenge.token + sandbox.crm.accessKey).digest('hex'),
			});
		} catch (error) {
			if (attempt >= 20) throw error;
			await new Promise((r) => setTimeout(r, 50 * attempt));
		}
	}
}
const login = await logIn();

const created = { crmAccounts: [], xeroContacts: [] };
const stamp = Date.now().toString(36);
const end = Date.now() + seconds * 1000;
let expiries = 0;
let nextExpiry = Date.now() + expiryEvery;
for (let n = 1; Date.now() < end; n++) {
	if (Date.now() >= nextExpiry) {
		const expired = await fetch(`${sandbox.xero.url}/__sandbox/tokens/expire`, { method: 'POST', body: '{}' });
		if (!expired.ok) throw new Error(`Xero token expiry: ${expired.status}`);
		expiries++;
		nextExpiry += expiryEvery;
	}
	const name = `QM Org ${stamp} ${String(n).padStart(4, '0')}`;
	const account = await vtiger('POST', {
		operation: 'create',
		sessionName: login.sessionName,
		elementType: 'Accounts',
		element: JSON.stringify({ accountname: name, assigned_user_id: login.userId, email1: `org${n}@queue.example`, bill_city: 'Wellington' }),
	});
	created.crmAccounts.push({ id: account.id, name });
	const prefix = `QMX${stamp}N${n}`;
	const seeded = await fetch(`${sandbox.xero.url}/__sandbox/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ contacts: 1, prefix }),
	});
	if (!seeded.ok) throw new Error(`Xero seed: ${seeded.status} ${await seeded.text()}`);
	created.xeroContacts.push({ name: `${prefix} Contact 000001` });
	await new Promise((r) => setTimeout(r, every));
}
writeFileSync(join(env.STACK_DIR, 'queue-load.json'), JSON.stringify(created, null, 2));
console.error(
	`[queue] created ${created.crmAccounts.length} CRM accounts and ${created.xeroContacts.length} Xero contacts; expired every Xero access token ${expiries} times`,
);
