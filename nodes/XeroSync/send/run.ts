import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem } from '../../shared/syncLog';
import { xeroIdProblem } from '../../shared/xero/recordPath';
import type { XeroResource } from '../../shared/xero/resources';
import { XERO_RESOURCES } from '../../shared/xero/resources';
import { clampBatchSize, splitIntoBatches } from '../helpers/batches';
import { AlreadySettled } from '../helpers/crmMapping';
import { readCrmId } from '../helpers/crmId';
import { errorFacts } from '../helpers/errorFacts';
import { missingMandatoryFields } from '../helpers/mandatory';
import { runPool } from '../helpers/pool';
import { openConnection } from '../actions/common/connection';
import { BatchSender, dropDuplicateInput } from './batch';
import { checkSettings, invoiceDateProblems, invoiceStatusProblem, RunLookups } from './checks';
import type { DuplicateHandling } from './duplicates';
import type { Entry } from './results';
import { SendRun } from './results';
import type { WriteTarget } from './write';

/** Builds the Xero payload for one input item; throws with a user-facing message when the input is unusable. */
export type PayloadBuilder = (this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData) => IDataObject;

/** Xero's in-flight limit per organisation; the transport enforces it, this just keeps that many busy. */
const BATCHES_IN_FLIGHT = 5;

/**
 * Send: checks every record before any call, then writes in batches. Every input item ends as exactly one output
 * item: the Xero record (with its CRM ID and whether it was created, updated or skipped) or a sync-log failure.
 */
export async function executeSend(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	resource: XeroResource,
	buildPayload: PayloadBuilder,
): Promise<INodeExecutionData[]> {
	const spec = XERO_RESOURCES[resource];
	const run = new SendRun(this, spec, items);
	const entries: Entry[] = [];
	for (let i = 0; i < items.length; i++) {
		let payload: IDataObject;
		try {
			payload = buildPayload.call(this, i, items[i]);
		} catch (error) {
			if (error instanceof AlreadySettled) run.succeed({ index: i, crmId: readCrmId(items[i].json), payload: {} }, error.record, 'Skipped');
			else run.fail(i, { message: `not sent: ${(error as Error).message}`, code: 'BAD_INPUT' });
			continue;
		}
		const problems = missingMandatoryFields(resource, payload);
		if (problems.length > 0) {
			run.fail(i, { message: `not sent because ${problems.join('; ')}.`, code: 'MANDATORY_FIELDS' }, payload);
			continue;
		}
		const badId = xeroIdProblem(spec.idField, payload[spec.idField]);
		if (badId) {
			run.fail(i, { message: `not sent: ${badId}.`, code: 'BAD_ID' }, { ...payload, [spec.idField]: undefined });
			continue;
		}
		const status = resource === 'invoice' ? invoiceStatusProblem(payload) : undefined;
		if (status) {
			run.fail(i, { message: status, code: 'INVOICE_STATUS' }, payload);
			continue;
		}
		const dates = resource === 'invoice' ? invoiceDateProblems(payload, items[i].json) : [];
		if (dates.length > 0) {
			run.fail(i, { message: `not sent because ${dates.join('; ')}.`, code: 'BAD_DATE' }, payload);
			continue;
		}
		entries.push({ index: i, crmId: readCrmId(items[i].json), payload });
	}

	if (entries.length > 0) {
		const connection = openConnection(this);
		const lookups = new RunLookups(connection.caller);
		const ready = dropDuplicateInput(run, spec, await checkSettings(run, spec, entries, lookups));
		const mode = this.getNodeParameter('duplicateHandling', 0, 'skip') as DuplicateHandling;
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const target: WriteTarget = {
			caller: connection.caller,
			spec,
			executionId: this.getExecutionId() ?? 'manual',
			nodeId: this.getNode().id ?? this.getNode().name,
		};
		const sender = new BatchSender(run, spec, connection.caller, target, mode);
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
	return run.results.map(
		(result, index) =>
			result ??
			failedItem(
				this.getNode(),
				{ app: 'Xero', action: `Send ${spec.label}`, flow: 'CRM → Xero', message: 'The record was not processed.', code: 'INTERNAL' },
				index,
			),
	);
}
