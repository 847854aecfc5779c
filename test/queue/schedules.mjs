#!/usr/bin/env node
// Queue mode: turns the imported example flows into several concurrent copies on short schedules, before import.
// Only scheduled flows are kept; each gets QUEUE_COPIES copies with different second intervals, so executions of
// the same flow overlap on different workers, which is what can duplicate a record or break a per-tenant limit.
// Every second copy reaches Xero through the OAuth2 credential (the Custom Connection's organisation), so both
// workers refresh one rotating refresh token while the others use the Custom Connection.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIAL_IDS } from '../../scripts/n8n/provision.mjs';

const dir = join(process.env.STACK_DIR, 'import', 'workflows');
const sandbox = JSON.parse(readFileSync(process.env.SANDBOX_JSON, 'utf8'));
const tenant = sandbox.xero.tenants[0];

function useOAuth2(workflow) {
	for (const node of workflow.nodes) {
		if (node.type !== 'n8n-nodes-xero-crm.xeroSync') continue;
		node.parameters.authentication = 'oAuth2';
		node.parameters.tenant = { __rl: true, mode: 'list', value: tenant.tenantId, cachedResultName: tenant.tenantName };
		node.credentials = { xeroSyncOAuth2Api: { id: CREDENTIAL_IDS.xeroSyncOAuth2Api, name: 'Xero OAuth2 (sandbox)' } };
	}
}
const copies = Number(process.env.QUEUE_COPIES ?? 2);
const intervals = (process.env.QUEUE_INTERVALS ?? '5,7,11,13').split(',').map(Number);
const index = [];
let n = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
	const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8'));
	rmSync(join(dir, file));
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	if (!trigger) continue;
	for (let copy = 1; copy <= copies; copy++) {
		const seconds = intervals[n++ % intervals.length];
		const clone = structuredClone(workflow);
		clone.id = `${workflow.id.slice(0, 18)}q${copy}`;
		const oauth2 = copy % 2 === 0;
		if (oauth2) useOAuth2(clone);
		clone.name = `${workflow.name} (queue copy ${copy}${oauth2 ? ', OAuth2' : ''}, every ${seconds} s)`;
		clone.active = false;
		const node = clone.nodes.find((x) => x.name === trigger.name);
		node.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } };
		writeFileSync(join(dir, `${clone.id}.json`), JSON.stringify(clone, null, 2));
		index.push({ id: clone.id, name: clone.name, seconds, oauth2 });
	}
}
writeFileSync(join(process.env.STACK_DIR, 'import', 'queue-workflows.json'), JSON.stringify(index, null, 2));
console.error(`[queue] ${index.length} scheduled workflows: ${index.map((w) => `${w.id}/${w.seconds}s${w.oauth2 ? '/OAuth2' : ''}`).join(', ')}`);
