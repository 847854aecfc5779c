import { ownValue } from './ownValue';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { logEntryOf } from './syncLog';

/**
 * The run summary: one extra item per node run, at the end of the main output, with what happened to the items
 * (counted from the items themselves, so every node and resource reports the same way) and when. It is the flow's
 * "Sync Results": a Slack message or a log row can be built from it without counting items in a Code node.
 */
export const runSummaryProperty: INodeProperties = {
	displayName: 'Add Run Summary',
	name: 'runSummary',
	type: 'boolean',
	default: false,
	description:
		'Whether to add one item at the end of the output with the counts per result (created, updated, unchanged, skipped, conflicts, failed) and the time span of the run; it carries "runSummary": true',
};

/** The sync-log code of a record that changed on both sides since the last sync (counted apart from failures). */
export const CONFLICT_CODE = 'CONFLICT';

/** `syncResult` values and the count each one adds to. Any other value counts under its own name, lower-cased. */
const RESULT_COUNTS: Record<string, string> = {
	Created: 'created',
	Updated: 'updated',
	Unchanged: 'unchanged',
	Skipped: 'skipped',
	Conflict: 'conflicts',
};

/**
 * Preview items (`syncResult: 'Preview'`) by their action. Nothing is written either way for "unchanged" and "skip",
 * so those count as unchanged and skipped; the others only would happen.
 */
const PREVIEW_COUNTS: Record<string, string> = {
	create: 'wouldCreate',
	update: 'wouldUpdate',
	unchanged: 'unchanged',
	skip: 'skipped',
	conflict: 'wouldConflict',
	fail: 'wouldFail',
};

export interface RunCounts {
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
	conflicts: number;
	/** Items that ended as sync-log failures: on the error output under "Continue (using error output)". */
	failed: number;
	/** Deleted records (Delete, and deletions a change feed reports). */
	deleted: number;
	/** Records a read returned. */
	read: number;
	/** Only when the run was a preview: how many items it previewed, and wouldCreate, wouldUpdate, … */
	previewed?: number;
	[count: string]: number | undefined;
}

function lowerFirst(word: string): string {
	return word.charAt(0).toLowerCase() + word.slice(1);
}

function countKey(item: INodeExecutionData): string {
	const entry = logEntryOf(item);
	if (entry) return entry.code === CONFLICT_CODE ? 'conflicts' : 'failed';
	const { syncResult, action, deleted } = item.json;
	if (syncResult === 'Preview') return ownValue(PREVIEW_COUNTS, String(action)) ?? `would${String(action).replace(/^./, (c) => c.toUpperCase())}`;
	if (typeof syncResult === 'string' && syncResult !== '') return ownValue(RESULT_COUNTS, syncResult) ?? lowerFirst(syncResult);
	if (deleted === true) return 'deleted';
	return 'read';
}

/** Counts the items of one run by what happened to each; pure, so every node counts the same way. */
export function countResults(items: INodeExecutionData[]): RunCounts {
	const counts: RunCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, failed: 0, deleted: 0, read: 0 };
	const previews = items.filter((item) => logEntryOf(item) === undefined && item.json.syncResult === 'Preview');
	if (previews.length > 0) {
		counts.previewed = previews.length;
		for (const key of new Set(Object.values(PREVIEW_COUNTS))) counts[key] ??= 0;
	}
	for (const item of items) {
		const key = countKey(item);
		counts[key] = (ownValue(counts, key) ?? 0) + 1;
	}
	return counts;
}

/** What the run was: the node's name, its operation and the resource or module it worked on. */
export interface RunScope extends IDataObject {
	operation: string;
}

export interface RunSpan {
	startedAt: Date;
	finishedAt: Date;
}

/** The summary item's json: `runSummary: true` first, so a flow can tell it from the records (`$json.runSummary`). */
export function runSummaryJson(
	node: string,
	scope: RunScope,
	span: RunSpan,
	inputItems: number,
	counts: RunCounts,
): IDataObject {
	return {
		runSummary: true,
		node,
		...scope,
		startedAt: span.startedAt.toISOString(),
		finishedAt: span.finishedAt.toISOString(),
		durationMs: span.finishedAt.getTime() - span.startedAt.getTime(),
		inputItems,
		...counts,
	};
}

/**
 * Ends a node run that did not stop the workflow. n8n shows a green "executed successfully" whatever its items
 * say, so a run with failures leaves a warning in the output panel naming how many failed and where they went; and
 * with "Add Run Summary" on, the summary item is appended, paired with every input item. It is one item more than
 * the inputs: each input item still ends in exactly one of the record items.
 */
export function finishRun(
	ctx: IExecuteFunctions,
	inputs: INodeExecutionData[],
	output: INodeExecutionData[],
	scope: RunScope,
	startedAt: Date,
): INodeExecutionData[] {
	const counts = countResults(output);
	const failed = counts.failed + counts.conflicts;
	if (failed > 0) {
		const where = ctx.getNode().onError === 'continueErrorOutput' ? 'the error output' : 'this output';
		ctx.addExecutionHints({
			message: `${failed} of ${output.length} records failed; they are on ${where} as sync-log entries`,
			type: 'warning',
			location: 'outputPane',
		});
	}
	if (ctx.getNodeParameter('runSummary', 0, false) !== true) return output;
	const json = runSummaryJson(ctx.getNode().name, scope, { startedAt, finishedAt: new Date() }, inputs.length, counts);
	return [...output, { json, pairedItem: inputs.map((_item, item) => ({ item })) }];
}
