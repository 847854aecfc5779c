import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem } from '../../shared/syncLog';
import { normaliseXeroRecord } from '../../shared/xero/normalise';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { openConnection } from '../actions/common/connection';
import { clampBatchSize, splitIntoBatches } from '../helpers/batches';
import { quoteBadValues } from '../helpers/badValues';
import { readCrmId } from '../helpers/crmId';
import { displayValue } from '../helpers/display';
import type { ErrorFacts } from '../helpers/errorFacts';
import { errorFacts } from '../helpers/errorFacts';
import { runPool } from '../helpers/pool';
import { BatchSender } from './batch';
import { checkedEntries, checkSettings, OrganisationSettings } from './checks';
import type { DuplicateHandling } from './duplicates';
import { duplicateInput } from './duplicates';
import { fieldChanges, readOnlyTransport, type PreviewAction } from './preview';
import type { SendRules } from './rules';
import type { WriteTarget } from './write';
import type { SyncState } from './conflicts';
import { DEFAULT_SYNC_HASH_FIELD, payloadHash, xeroHash } from '../../shared/xero/linkHash';
import { conflictMessage, type ConflictPolicy } from '../../shared/conflictPolicy';
import { CONFLICT_CODE } from '../../shared/runSummary';
import { changedInXero } from '../../shared/xero/storage';

export interface Entry {
	index: number;
	crmId?: string;
	payload: IDataObject;
	/** The hash stored with the link at the last sync and the CRM's change time (Conflict Policy, conflicts.ts). */
	syncState?: SyncState;
}

/** Unchanged: the matched Xero record already holds what would be written, so nothing was written. */
export type SyncResult = 'Created' | 'Updated' | 'Unchanged' | 'Skipped';

export interface Failure {
	message: string;
	code: string;
	xeroId?: string;
}

/** What a result is called in a preview, where nothing was written. */
const PREVIEW_OF: Record<SyncResult, PreviewAction> = { Created: 'create', Updated: 'update', Unchanged: 'unchanged', Skipped: 'skip' };

export interface SendRunOptions {
	preview?: boolean;
	policy?: ConflictPolicy;
	syncHashField?: string;
}

/**
 * One output slot per input item; a slot is filled exactly once, with the Xero record or a sync-log failure. In a
 * preview ("Preview (No Writes)") every slot is a preview item instead: `{ syncResult: 'Preview', action, … }`.
 */
export class SendRun {
	readonly results: Array<INodeExecutionData | undefined>;
	private halted?: ErrorFacts;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly spec: XeroResourceSpec,
		private readonly items: INodeExecutionData[],
		options: SendRunOptions = {},
	) {
		this.results = new Array(items.length);
		this.preview = options.preview === true;
		this.policy = options.policy ?? 'sourceAlways';
		this.syncHashField = options.syncHashField || DEFAULT_SYNC_HASH_FIELD;
	}

	readonly preview: boolean;
	/** The Conflict Policy; the default (sourceAlways) writes as before and adds no syncHash to the output. */
	readonly policy: ConflictPolicy;
	readonly syncHashField: string;

	/**
	 * A record changed on both sides that the policy reports: a CONFLICT sync-log entry naming both versions of
	 * each field that differs (in a preview, the action "conflict").
	 */
	conflict(entry: Entry, stored: IDataObject, reason: string): void {
		const fields = changedInXero(entry.payload, stored, this.spec);
		const versions = fields.map((f) => `${f}: CRM ${JSON.stringify(entry.payload[f] ?? null)}, Xero ${JSON.stringify(stored[f] ?? null)}`);
		const message = conflictMessage(reason, 'not sent', versions);
		const xeroId = stored[this.spec.idField] as string | undefined;
		if (this.preview) {
			const changes = Object.fromEntries(fields.map((f) => [f, { old: stored[f] ?? null, new: entry.payload[f] ?? null }]));
			this.wouldWrite({ ...entry, payload: { ...entry.payload, [this.spec.idField]: xeroId } }, 'conflict', { message, code: CONFLICT_CODE, changes });
			return;
		}
		this.fail(entry.index, { message, code: CONFLICT_CODE, xeroId }, entry.payload);
	}

	/** The hash to store with the link after this result (output as syncHash when a Conflict Policy is set). */
	private hashAfter(entry: Entry, record: IDataObject, result: SyncResult): string | undefined {
		if (this.policy === 'sourceAlways' || Object.keys(entry.payload).length === 0) return undefined;
		// Skipped: nothing was synced; the stored hash stays, so the flow in the other direction still sees who changed.
		if (result === 'Skipped') return entry.syncState?.storedHash ?? xeroHash(this.spec, record, entry.payload);
		return payloadHash(this.spec, entry.payload);
	}

	/** A preview item: what a real run would do to the record, and for an update the fields it would change. */
	wouldWrite(entry: Entry, action: PreviewAction, details: IDataObject = {}): void {
		const json: IDataObject = { syncResult: 'Preview', action, resource: this.spec.resource, label: this.name(entry.payload, entry.crmId) };
		const xeroId = entry.payload[this.spec.idField];
		if (xeroId !== undefined) json.xeroId = xeroId;
		if (entry.crmId !== undefined) json.crmId = entry.crmId;
		for (const [key, value] of Object.entries(details)) if (value !== undefined) json[key] = value;
		this.results[entry.index] = { json, pairedItem: { item: entry.index } };
	}

	/** A write the run would make, previewed against Xero's copy when there is one. */
	previewWrite(entry: Entry, stored: IDataObject | undefined, result: 'Created' | 'Updated'): void {
		const changes = fieldChanges(entry.payload, result === 'Created' ? undefined : stored, this.spec);
		this.wouldWrite(entry, PREVIEW_OF[result], { changes });
	}

	name(payload: IDataObject, crmId?: string): string {
		// A record known by what it holds rather than a name (a payment: amount and invoice).
		const title = this.spec.title?.(payload);
		if (title !== undefined) return title;
		// The name a person knows the record by comes first: an organisation's ContactNumber is only its CRM id.
		const name = this.spec.nameField ? payload[this.spec.nameField] : undefined;
		const key = name !== undefined && name !== '' ? name : payload[this.spec.numberField];
		// The CRM id is the log entry's crmId; it is named here only when the record has no name or number to go by.
		if (key !== undefined && key !== '') return `${this.spec.label} "${displayValue(key)}"`;
		return crmId ? `${this.spec.label} (CRM ${crmId})` : this.spec.label;
	}

	fail(index: number, failure: Failure, payload: IDataObject = {}): void {
		const crmId = readCrmId(this.items[index].json);
		if (this.preview) {
			const message = `${this.name(payload, crmId)}: ${quoteBadValues(failure.message, payload)}`;
			this.wouldWrite({ index, crmId, payload }, 'fail', { message, code: failure.code, xeroId: failure.xeroId });
			return;
		}
		const xeroId = failure.xeroId ?? (payload[this.spec.idField] as string | undefined);
		this.results[index] = failedItem(
			this.ctx.getNode(),
			{
				app: 'Xero',
				action: `Send ${this.spec.label}`,
				flow: 'CRM → Xero',
				crmId,
				xeroId,
				message: `${this.name(payload, crmId)}: ${quoteBadValues(failure.message, payload)}`,
				code: failure.code,
			},
			index,
		);
	}

	succeed(entry: Entry, record: IDataObject, result: SyncResult, reason?: string): void {
		if (this.preview) {
			const xeroId = record[this.spec.idField] as string | undefined;
			return this.wouldWrite({ ...entry, payload: { ...entry.payload, [this.spec.idField]: xeroId } }, PREVIEW_OF[result], { reason });
		}
		const json: IDataObject = { ...normaliseXeroRecord(record), syncResult: result };
		if (entry.crmId !== undefined) json.crmId = entry.crmId;
		if (reason !== undefined) json.syncNote = reason;
		const hash = this.hashAfter(entry, record, result);
		if (hash !== undefined) json.syncHash = hash;
		this.results[entry.index] = { json, pairedItem: { item: entry.index } };
	}

	settled(entry: Entry): boolean {
		return this.results[entry.index] !== undefined;
	}

	halt(facts: ErrorFacts): void {
		this.halted ??= facts;
	}

	get haltedBy(): ErrorFacts | undefined {
		return this.halted;
	}

	/** The output, one item per input item; a slot left empty would be a bug, and still gets its log entry. */
	outputs(): INodeExecutionData[] {
		return this.results.map(
			(result, index) =>
				result ??
				failedItem(
					this.ctx.getNode(),
					{ app: 'Xero', action: `Send ${this.spec.label}`, flow: 'CRM → Xero', message: 'The record was not processed.', code: 'INTERNAL' },
					index,
				),
		);
	}
}

/** Xero's in-flight limit per organisation; the transport enforces it, this just keeps that many busy. */
const BATCHES_IN_FLIGHT = 5;

/**
 * Send, for any resource declared by its SendRules: checks every record before any call, then writes in batches.
 * Every input item ends as exactly one output item: the Xero record (with its CRM ID and whether it was created,
 * updated, unchanged or skipped) or a sync-log failure.
 */
export async function sendRecords(ctx: IExecuteFunctions, items: INodeExecutionData[], rules: SendRules): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const run = new SendRun(ctx, rules.spec, items, {
		preview: options.preview === true,
		policy: (options.conflictPolicy as ConflictPolicy | undefined) ?? 'sourceAlways',
		syncHashField: options.syncHashField as string | undefined,
	});
	const entries = checkedEntries(ctx, run, rules, items);
	if (entries.length > 0) {
		const connection = openConnection(ctx);
		// A preview reads only: every write call is refused before it leaves, whatever path reaches it.
		const caller = run.preview ? readOnlyTransport(connection.caller) : connection.caller;
		const settings = new OrganisationSettings(caller);
		const { kept: ready, repeats } = duplicateInput(rules.spec, await checkSettings(run, rules, entries, settings));
		for (const { record, message } of repeats) run.fail(record.index, { message, code: 'DUPLICATE_INPUT' }, record.payload);
		const mode = ctx.getNodeParameter('duplicateHandling', 0, 'skip') as DuplicateHandling;
		const target: WriteTarget = {
			caller,
			spec: rules.spec,
			writer: rules.writer,
			executionId: ctx.getExecutionId() ?? 'manual',
			nodeId: ctx.getNode().id ?? ctx.getNode().name,
		};
		const sender = new BatchSender(run, target, mode, rules);
		const sendBatch = async (batch: Entry[]) => {
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
		};
		const [first, ...rest] = splitIntoBatches(ready, clampBatchSize(options.batchSize));
		// The first batch goes alone until its lookup answers: whether it finds its records in Xero decides how the
		// others are sent (BatchSender). Its write then runs beside theirs; the transport keeps Xero's 5 in flight.
		if (first) {
			const probe = sendBatch(first);
			await Promise.race([sender.decided, probe]);
			await Promise.all([probe, runPool(rest, BATCHES_IN_FLIGHT, sendBatch)]);
		}
	}
	return run.outputs();
}
