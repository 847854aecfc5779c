import fs = require('node:fs');
import path = require('node:path');
import v8 = require('node:v8');
import { yamlLoadCounts, type SpecName } from './openapiSpecs';

export interface SpecCounters {
	requests: number;
	requestFailures: number;
	responses: number;
	responseFailures: number;
	/** responses whose status the yaml gives no JSON schema for (401, 403, 404, 429, 503 ...) */
	responsesWithoutSchema: number;
	/** requests a test sent on purpose to see them refused (expectRequestViolations); not failures */
	expectedRequestRejections: number;
}

export interface ValidationFailure {
	spec: SpecName;
	kind: 'request' | 'response';
	operationId: string;
	status?: number;
	errors: unknown;
}

export interface ValidationCounters {
	pid: number;
	specs: Record<SpecName, SpecCounters>;
	failures: ValidationFailure[];
	yamlLoads: Record<string, number>;
}

const MAX_KEPT_FAILURES = 50;

function empty(): SpecCounters {
	return { requests: 0, requestFailures: 0, responses: 0, responseFailures: 0, responsesWithoutSchema: 0, expectedRequestRejections: 0 };
}

// Shared by every test file of a jest worker (see openapiSpecs.ts) so the file written below is per process.
const KEY = Symbol.for('n8n-nodes-xero-crm.xero-sandbox.openapi-counters');
export function processCounters(): ValidationCounters {
	const host = v8 as unknown as Record<symbol, ValidationCounters | undefined>;
	let counters = host[KEY];
	if (!counters) {
		counters = {
			pid: process.pid,
			specs: { 'xero_accounting.yaml': empty(), 'xero-identity.yaml': empty(), 'xero-webhooks.yaml': empty() },
			failures: [],
			yamlLoads: {},
		};
		host[KEY] = counters;
		process.once('exit', writeCountersFile);
	}
	return counters;
}

export function recordFailure(failure: ValidationFailure): void {
	const counters = processCounters();
	if (counters.failures.length < MAX_KEPT_FAILURES) counters.failures.push(failure);
	// Loud on purpose: an invalid response is a sandbox bug to fix, and a request the yaml rejects is a client bug.
	process.stderr.write(
		`[xero-sandbox] OpenAPI ${failure.kind} validation failed for ${failure.operationId}` +
			`${failure.status ? ` (${failure.status})` : ''}: ${JSON.stringify(failure.errors).slice(0, 2000)}\n`,
	);
}

let writeTimer: NodeJS.Timeout | undefined;

/** a sandbox that is never closed still reports: counters reach the file shortly after they change */
export function scheduleWrite(): void {
	if (writeTimer || !validationDir()) return;
	writeTimer = setTimeout(() => {
		writeTimer = undefined;
		writeCountersFile();
	}, 250);
	writeTimer.unref();
}

export function validationDir(): string | undefined {
	return process.env.XERO_SANDBOX_VALIDATION_DIR || undefined;
}

export function writeCountersFile(): void {
	const dir = validationDir();
	const host = v8 as unknown as Record<symbol, ValidationCounters | undefined>;
	const counters = host[KEY];
	if (!dir || !counters) return;
	counters.yamlLoads = yamlLoadCounts();
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `xero-openapi-${process.pid}.json`), JSON.stringify(counters, null, '\t'));
}
