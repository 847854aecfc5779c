import fs = require('node:fs');
import path = require('node:path');
// Types only (erased when compiled): the teardown must not load the sandbox's validator to read its counter files.
import type { SpecCounters, ValidationCounters as CountersFile } from '../../sandbox/xero/validation/openapiCounters';

function zero(): SpecCounters {
	return { requests: 0, requestFailures: 0, responses: 0, responseFailures: 0, responsesWithoutSchema: 0, expectedRequestRejections: 0 };
}

export function summarise(dir: string): { lines: string[]; failed: number; files: number } {
	const totals: Record<string, SpecCounters> = {};
	const failures: CountersFile['failures'] = [];
	let maxLoads = 0;
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /^xero-openapi-\d+\.json$/.test(name)) : [];
	for (const name of files) {
		const file = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as CountersFile;
		for (const [spec, counters] of Object.entries(file.specs)) {
			const total = (totals[spec] ??= zero());
			for (const key of Object.keys(total) as Array<keyof SpecCounters>) total[key] += counters[key] ?? 0;
		}
		failures.push(...file.failures);
		maxLoads = Math.max(maxLoads, ...Object.values(file.yamlLoads ?? {}));
	}
	const lines: string[] = [];
	let failed = 0;
	for (const [spec, total] of Object.entries(totals)) {
		if (total.requests + total.responses + total.responsesWithoutSchema === 0) continue;
		const specFailed = total.requestFailures + total.responseFailures;
		failed += specFailed;
		lines.push(
			`OpenAPI validation: ${total.requests} requests and ${total.responses} responses validated against ${spec}, ${specFailed} failed` +
				` (${total.responsesWithoutSchema} responses had a status the yaml gives no schema for;` +
				` ${total.expectedRequestRejections} requests broke the yaml on purpose and were refused)`,
		);
	}
	if (files.length > 0) lines.push(`OpenAPI validation: ${files.length} process(es), each yaml parsed at most ${maxLoads} time(s) per process`);
	for (const failure of failures.slice(0, 10)) {
		lines.push(`  FAILED ${failure.kind} ${failure.operationId}${failure.status ? ` ${failure.status}` : ''}: ${JSON.stringify(failure.errors).slice(0, 400)}`);
	}
	return { lines, failed, files: files.length };
}

/** Jest globalTeardown: prints the validation totals of every sandbox in the run and fails the run on any failure. */
export default function openapiReport(): void {
	const dir = process.env.XERO_SANDBOX_VALIDATION_DIR;
	if (!dir) return;
	const { lines, failed, files } = summarise(dir);
	process.stdout.write(`\n${files === 0 ? 'OpenAPI validation: no Xero sandbox with validate: true ran' : lines.join('\n')}\n`);
	if (process.env.XERO_SANDBOX_VALIDATION_DIR_OWNED === '1') fs.rmSync(dir, { recursive: true, force: true });
	if (failed > 0) throw new Error(`OpenAPI validation failed ${failed} time(s); see the lines above`);
}

// `XERO_SANDBOX_VALIDATION_DIR=… npx ts-node --transpile-only test/support/openapiReport.ts` sums the counters of
// sandboxes that ran outside jest (the e2e stack) and exits non-zero on any failure.
if (require.main === module) {
	try {
		openapiReport();
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
}
