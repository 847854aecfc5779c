#!/usr/bin/env node
// Queue mode: turns the imported example flows into several concurrent copies on short schedules, before import.
// Only scheduled flows are kept; each gets QUEUE_COPIES copies with different second intervals, so executions of
// the same flow overlap on different workers, which is what can duplicate a record or break a per-tenant limit.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.env.STACK_DIR, 'import', 'workflows');
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
		clone.name = `${workflow.name} (queue copy ${copy}, every ${seconds} s)`;
		clone.active = false;
		const node = clone.nodes.find((x) => x.name === trigger.name);
		node.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } };
		writeFileSync(join(dir, `${clone.id}.json`), JSON.stringify(clone, null, 2));
		index.push({ id: clone.id, name: clone.name, seconds });
	}
}
writeFileSync(join(process.env.STACK_DIR, 'import', 'queue-workflows.json'), JSON.stringify(index, null, 2));
console.error(`[queue] ${index.length} scheduled workflows: ${index.map((w) => `${w.id}/${w.seconds}s`).join(', ')}`);
