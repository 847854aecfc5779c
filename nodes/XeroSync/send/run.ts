import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { openConnection } from '../actions/common/connection';
import { clampBatchSize, splitIntoBatches } from '../helpers/batches';
import { readCrmId } from '../helpers/crmId';
import { errorFacts } from '../helpers/errorFacts';
import { runPool } from '../helpers/pool';
import { BatchSender, dropDuplicateInput } from './batch';
import { checkSettings, OrganisationSettings, recordProblem } from './checks';
import type { DuplicateHandling } from './duplicates';
import { payloadForInputMode } from './payload';
import type { Entry } from './results';
import { SendRun } from './results';
import type { SendRules } from './rules';
import type { WriteTarget } from './write';

/** Xero's in-flight limit per organisation; the transport enforces it, this just keeps that many busy. */
const BATCHES_IN_FLIGHT = 5;

/** Each item's payload, checked on its own; items that cannot be sent are failed (or skipped as settled) here. */
function checkedEntries(ctx: IExecuteFunctions, run: SendRun, rules: SendRules, items: INodeExecutionData[]): Entry[] {
	const entries: Entry[] = [];
	for (let i = 0; i < items.length; i++) {
		const crmId = readCrmId(items[i].json);
		let payload: IDataObject;
		try {
			const mapped = payloadForInputMode(ctx, rules, i, items[i]);
			if ('settled' in mapped) {
				run.succeed({ index: i, crmId, payload: {} }, mapped.settled, 'Skipped');
				continue;
			}
			payload = mapped.payload;
		} catch (error) {
			run.fail(i, { message: `not sent: ${(error as Error).message}`, code: 'BAD_INPUT' });
			continue;
		}
		const problem = recordProblem(rules, payload, items[i].json);
		if (problem) run.fail(i, problem.failure, problem.payload);
		else entries.push({ index: i, crmId, payload });
	}
	return entries;
}

/**
 * Send, for any resource declared by its SendRules: checks every record before any call, then writes in batches.
 * Every input item ends as exactly one output item: the Xero record (with its CRM ID and whether it was created,
 * updated or skipped) or a sync-log failure.
 */
export async function sendRecords(ctx: IExecuteFunctions, items: INodeExecutionData[], rules: SendRules): Promise<INodeExecutionData[]> {
	const run = new SendRun(ctx, rules.spec, items);
	const entries = checkedEntries(ctx, run, rules, items);
	if (entries.length > 0) {
		const connection = openConnection(ctx);
		const settings = new OrganisationSettings(connection.caller);
		const ready = dropDuplicateInput(run, rules.spec, await checkSettings(run, rules, entries, settings));
		const mode = ctx.getNodeParameter('duplicateHandling', 0, 'skip') as DuplicateHandling;
		const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
		const target: WriteTarget = {
			caller: connection.caller,
			spec: rules.spec,
			writer: rules.writer,
			executionId: ctx.getExecutionId() ?? 'manual',
			nodeId: ctx.getNode().id ?? ctx.getNode().name,
		};
		const sender = new BatchSender(run, target, mode, rules.settledRefusal);
		await runPool(splitIntoBatches(ready, clampBatchSize(options.batchSize)), BATCHES_IN_FLIGHT, async (batch) => {
			const halted = run.haltedBy;
			if (halted) {
				for (const entry of batch) run.fail(entry.index, { message: halted.message, code: halted.code }, entry.payload);
				return;
			}
			try {
				await sender.send(batch);
			} catch (error) {
				const facts = errorFacts(error);
				for (const entry of batch) {
					if (!run.settled(entry)) {
						const message = facts.dailyLimit ? facts.message : `not sent: ${facts.message}`;
						run.fail(entry.index, { message, code: facts.code }, entry.payload);
					}
				}
				if (facts.haltsRun) run.halt(facts);
			}
		});
	}
	return run.outputs();
}
