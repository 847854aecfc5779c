import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { chain, manualTrigger, runWorkflow } from '../../harness';
import type { WorkflowRun } from '../../harness';
import { captureLogs } from './capture';
import { explainsOneOf, type Case } from './cases';
import { isFailed, messageOf, routing, unhelpful } from './outputs';
import type { LeakScanner } from './secrets';
import { runTexts } from './secrets';

export interface FuzzFigures {
	resource: string;
	records: number;
	executions: number;
	ok: number;
	failed: number;
	expectedBad: number;
	crashes: number;
	lost: number;
	repeated: number;
	leaks: number;
	seconds: number;
}

export interface FuzzProblems {
	figures: FuzzFigures;
	/** one line per broken promise, with the record that broke it */
	problems: string[];
	/** per input index: the output item (for follow-up checks such as stored values) */
	outcomes: Array<INodeExecutionData | undefined>;
}

export interface FuzzTarget {
	resource: string;
	nodeName: string;
	node: INode;
	credentials: Record<string, IDataObject>;
	/** secrets learnt during a run (tokens, session names) */
	secretsAfter?: (run: WorkflowRun) => string[];
}

const show = (json: IDataObject) => {
	const text = JSON.stringify(json, (_key, value: unknown) => (typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…(${value.length} chars)` : value));
	return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

/** Runs the cases through the node in executions of `perExecution` items and checks every promise on each item. */
export async function fuzz(target: FuzzTarget, cases: Case[], scanner: LeakScanner, perExecution = 2500): Promise<FuzzProblems> {
	const started = Date.now();
	const problems: string[] = [];
	const outcomes: FuzzProblems['outcomes'] = new Array(cases.length);
	const figures: FuzzFigures = {
		resource: target.resource,
		records: cases.length,
		executions: 0,
		ok: 0,
		failed: 0,
		expectedBad: cases.filter((c) => c.expect === 'bad').length,
		crashes: 0,
		lost: 0,
		repeated: 0,
		leaks: 0,
		seconds: 0,
	};
	const kinds = new Map<string, number>();
	/** `kind` groups problems in the summary; the detail names the record. */
	const problem = (kind: string, detail = '') => {
		const key = kind.replace(/\d+x\d+|\d+/g, '#').slice(0, 160);
		kinds.set(key, (kinds.get(key) ?? 0) + 1);
		if (problems.length < 100) problems.push(`${target.resource}: ${kind}${detail ? ` — ${detail}` : ''}`);
	};
	/** A message with the record's own values taken out, so messages of one kind group together. */
	const shape = (message: string) => message.replace(/"[^"]*"|'[^']*'|“[^”]*”/g, '"…"').replace(/item \d+/g, 'item #').slice(0, 140);

	for (let start = 0; start < cases.length; start += perExecution) {
		const chunk = cases.slice(start, start + perExecution);
		const logs = captureLogs();
		let run: WorkflowRun;
		try {
			run = await runWorkflow(chain([manualTrigger(), target.node], chunk.map((c) => c.json)), { credentials: target.credentials as never });
		} finally {
			logs.restore();
		}
		figures.executions++;
		if (target.secretsAfter) scanner.add(target.secretsAfter(run));

		const nodeError = run.status === 'success' ? undefined : run.error;
		let outputs: INodeExecutionData[][] = [[], []];
		try {
			outputs = run.output(target.nodeName);
		} catch {
			// the node never ran: counted as a crash below
		}
		const crashed = nodeError !== undefined || run.nodeError(target.nodeName) !== undefined;
		if (crashed) {
			figures.crashes++;
			problem(`execution crashed: ${nodeError?.message ?? run.nodeError(target.nodeName)?.message}`);
		}
		const [main = [], errors = []] = outputs;
		const routed = routing(main, errors, chunk.length);
		figures.lost += routed.lost.length;
		figures.repeated += routed.repeated.length + routed.unpaired;
		for (const index of routed.lost.slice(0, 5)) problem('lost (no output)', show(chunk[index].json));
		for (const index of routed.repeated.slice(0, 5)) problem('came out more than once', show(chunk[index].json));
		if (routed.unpaired > 0) problem(`${routed.unpaired} output items without pairedItem`);

		for (const [output, items] of [
			['main', main],
			['error', errors],
		] as const) {
			for (const item of items) {
				const paired = (Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem) as { item: number } | undefined;
				const index = paired?.item;
				if (index === undefined || chunk[index] === undefined) continue;
				const expected = chunk[index];
				outcomes[start + index] = item;
				const failed = output === 'error' || isFailed(item);
				if (failed) figures.failed++;
				else figures.ok++;
				if (!failed && expected.expect === 'bad') problem(`accepted a bad record (${expected.faults.join('; ')})`, show(expected.json));
				if (failed) {
					const message = messageOf(item);
					const why = unhelpful(message);
					if (why) problem(`message ${why}: ${shape(message)}`, `"${message.slice(0, 200)}" for ${show(expected.json)}`);
					if (expected.expect === 'ok') problem(`rejected a good record: ${shape(message)}`, `"${message.slice(0, 300)}" for ${show(expected.json)}`);
					// With an odd field besides, the node may rightly report that one first.
					if (expected.expect === 'bad' && expected.why.length === expected.faults.length && !explainsOneOf(message, expected.like)) {
						problem(`message does not name the problem (${expected.faults.join('; ')}): ${shape(message)}`, `"${message.slice(0, 300)}"`);
					}
					if (output === 'main') problem('failed item on the main output under "Continue (using error output)"', message.slice(0, 120));
				}
			}
		}

		for (const [where, text] of [...runTexts(run), ...logs.lines.map((line): [string, string] => ['log', line])]) {
			for (const leak of scanner.scan(text, where)) {
				figures.leaks++;
				problem(`secret ${leak.secret} leaked`, leak.where);
			}
		}
	}
	figures.seconds = Math.round((Date.now() - started) / 100) / 10;
	// the kinds first, so one bug that breaks many records does not hide another
	const summary = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${target.resource}: ${count}× ${kind}`);
	return { figures, problems: problems.length === 0 ? [] : [...summary, ...problems], outcomes };
}

export function figuresTable(rows: FuzzFigures[]): string {
	const header = '| resource | records | executions | success | error | expected bad | crashes | lost | repeated | leaks | seconds |';
	const lines = rows.map(
		(r) => `| ${r.resource} | ${r.records} | ${r.executions} | ${r.ok} | ${r.failed} | ${r.expectedBad} | ${r.crashes} | ${r.lost} | ${r.repeated} | ${r.leaks} | ${r.seconds} |`,
	);
	return [header, '|---|---|---|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}
