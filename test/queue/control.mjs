#!/usr/bin/env node
// Queue mode: connects the Xero OAuth2 credential (the copies that use it refresh it from both workers), activates
// or deactivates the scheduled copies through n8n's REST API, and waits until no execution is running or queued
// (workers have drained).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIAL_IDS } from '../../scripts/n8n/provision.mjs';
import { connectXeroOAuth2 } from '../../scripts/n8n/oauth2.mjs';
import { N8nRest } from '../../scripts/n8n/rest.mjs';

const env = process.env;
const rest = new N8nRest(env.N8N_URL);
await rest.login(env.STACK_OWNER_EMAIL, env.STACK_OWNER_PASSWORD);
const index = JSON.parse(readFileSync(join(env.STACK_DIR, 'import', 'queue-workflows.json'), 'utf8'));
const command = process.argv[2];

if (command === 'connect-oauth2') {
	const { done, html } = await connectXeroOAuth2(rest, CREDENTIAL_IDS.xeroSyncOAuth2Api);
	if (done.status !== 200 || !/Connection successful/.test(html)) throw new Error(`OAuth2 connect failed: ${done.status}`);
	console.error('[queue] Xero OAuth2 credential connected');
} else if (command === 'activate' || command === 'deactivate') {
	for (const entry of index) {
		const workflow = await rest.workflow(entry.id);
		try {
			await rest.post(`/rest/workflows/${entry.id}/${command}`, { versionId: workflow.versionId });
		} catch (error) {
			if (error.status !== 404) throw error;
			// older REST: active is a workflow field
			await rest.patch(`/rest/workflows/${entry.id}`, { active: command === 'activate', versionId: workflow.versionId });
		}
	}
	console.error(`[queue] ${command}d ${index.length} workflows`);
} else if (command === 'drain') {
	// 14 scheduled copies share one organisation's 60 calls a minute: the backlog they leave takes minutes to run out.
	const deadline = Date.now() + Number(env.QUEUE_DRAIN_SECONDS ?? 420) * 1000;
	for (;;) {
		const filter = encodeURIComponent(JSON.stringify({ status: ['running', 'new', 'waiting'] }));
		const page = await rest.get(`/rest/executions?filter=${filter}&limit=100`);
		const busy = page?.results ?? [];
		if (busy.length === 0) break;
		if (Date.now() > deadline) throw new Error(`${busy.length} executions still running after the drain timeout`);
		await new Promise((r) => setTimeout(r, 2000));
	}
	console.error('[queue] no execution running or queued');
} else {
	console.error('usage: control.mjs connect-oauth2|activate|deactivate|drain');
	process.exit(2);
}
