import { mkdirSync, writeFileSync } from 'node:fs';
import type { INodeExecutionData } from 'n8n-workflow';
import { ADVICE, messageOf, routing, unhelpful } from './outputs';

export interface FaultOutcome {
	scenario: string;
	itemsIn: number;
	success: number;
	error: number;
	duplicates: number;
	lost: number;
	/** what the sandbox saw or did, e.g. "429 ×6, replays 1" */
	notes: string;
	/** errored items whose message does not say what to do */
	unadvised: string[];
	/** the first error message, so the table shows what users read */
	example: string;
}

/**
 * Lost = an input item with no output, or reported as written but not in the sandbox. Duplicates = records the
 * sandbox holds more than once for one input key. Both are counted from the sandbox's own state, not the node's word.
 */
export function outcomeOf(
	scenario: string,
	main: INodeExecutionData[],
	errors: INodeExecutionData[],
	itemsIn: number,
	sandbox: { keysStored: string[]; keyOf: (item: INodeExecutionData, index: number) => string },
	notes: string,
): FaultOutcome {
	const routed = routing(main, errors, itemsIn);
	const stored = new Map<string, number>();
	for (const key of sandbox.keysStored) stored.set(key, (stored.get(key) ?? 0) + 1);
	const duplicates = [...stored.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0) + routed.repeated.length;
	const writtenButMissing = main.filter((item, i) => !stored.has(sandbox.keyOf(item, i))).length;
	const unadvised = errors
		.map(messageOf)
		.filter((message) => unhelpful(message) !== undefined || !ADVICE.test(message))
		.slice(0, 3);
	return {
		scenario,
		itemsIn,
		success: main.length,
		error: errors.length,
		duplicates,
		lost: routed.lost.length + writtenButMissing,
		notes,
		unadvised,
		example: errors.length > 0 ? messageOf(errors[0]).slice(0, 160) : '',
	};
}

export function faultTable(outcomes: FaultOutcome[]): string {
	const header = '| scenario | items in | success | error | duplicates | lost | sandbox saw | first error message |';
	const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
	const rows = outcomes.map(
		(o) => `| ${o.scenario} | ${o.itemsIn} | ${o.success} | ${o.error} | ${o.duplicates} | ${o.lost} | ${cell(o.notes)} | ${cell(o.example)} |`,
	);
	const advice = outcomes.flatMap((o) => o.unadvised.map((message) => `- ${o.scenario}: error without advice: "${message.slice(0, 200)}"`));
	return [header, '|---|---|---|---|---|---|---|---|', ...rows, '', ...advice].join('\n');
}

export function writeFaultTable(outcomes: FaultOutcome[]): string {
	const text = `Fault injection, ${new Date().toISOString()}\n\n${faultTable(outcomes)}\n`;
	mkdirSync('test-output', { recursive: true });
	writeFileSync('test-output/fault-table.md', text);
	return text;
}

/** Runs `action` once, as soon as `condition` holds, while a workflow is executing (the sandboxes are in-process). */
export function whenever(condition: () => boolean, action: () => void): () => void {
	let done = false;
	const timer = setInterval(() => {
		if (done || !condition()) return;
		done = true;
		clearInterval(timer);
		action();
	}, 1);
	return () => clearInterval(timer);
}
