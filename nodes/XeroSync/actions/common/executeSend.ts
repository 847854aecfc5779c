import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem } from '../../../shared/syncLog';
import { normaliseXeroRecord } from '../../../shared/xero/normalise';
import type { XeroResource, XeroResourceSpec } from '../../../shared/xero/resources';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { clampBatchSize, splitIntoBatches } from '../../helpers/batches';
import { readCrmId } from '../../helpers/crmId';
import type { DuplicateHandling } from '../../helpers/duplicates';
import { decide, lookupKeysFor } from '../../helpers/duplicates';
import type { ErrorFacts } from '../../helpers/errorFacts';
import { errorFacts } from '../../helpers/errorFacts';
import { missingMandatoryFields } from '../../helpers/mandatory';
import { runPool } from '../../helpers/pool';
import { findMatch, lookupWhere, needsLookupBeforeWrite, sameTarget } from '../../helpers/matching';
import { currencyProblem, invoiceStatusProblem, itemAccountProblems } from '../../helpers/preflight';
import { openConnection } from './connection';
import type { XeroCaller } from './readRecords';
import { readList } from './readRecords';
import { RunLookups } from './runLookups';
import type { WriteOutcome, WriteTarget } from './writeRecords';
import { writeRecords } from './writeRecords';

/** Builds the Xero payload for one input item; throws with a user-facing message when the input is unusable. */
export type PayloadBuilder = (this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData) => IDataObject;

/** Xero's in-flight limit per organisation; the transport enforces it, this just keeps that many busy. */
const BATCHES_IN_FLIGHT = 5;

interface Entry {
	index: number;
	crmId?: string;
	payload: IDataObject;
}

type SyncResult = 'Created' | 'Updated' | 'Skipped';

interface Failure {
	message: string;
	code: string;
	xeroId?: string;
}

class SendRun {
	readonly results: Array<INodeExecutionData | undefined>;
	private halted?: ErrorFacts;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly spec: XeroResourceSpec,
		private readonly items: INodeExecutionData[],
	) {
		this.results = new Array(items.length);
	}

	name(payload: IDataObject, crmId?: string): string {
		const key = payload[this.spec.numberField] ?? (this.spec.nameField ? payload[this.spec.nameField] : undefined);
		const label = key !== undefined ? `${this.spec.label} "${String(key)}"` : this.spec.label;
		return crmId ? `${label} (CRM ${crmId})` : label;
	}

	fail(index: number, failure: Failure, payload: IDataObject = {}): void {
		const crmId = readCrmId(this.items[index].json);
		const xeroId = failure.xeroId ?? (payload[this.spec.idField] as string | undefined);
		this.results[index] = failedItem(
			this.ctx.getNode(),
			{
				app: 'Xero',
				action: `Send ${this.spec.label}`,
				flow: 'CRM → Xero',
				crmId,
				xeroId,
				message: `${this.name(payload, crmId)}: ${failure.message}`,
				code: failure.code,
			},
			index,
		);
	}

	succeed(entry: Entry, record: IDataObject, result: SyncResult): void {
		const json: IDataObject = { ...normaliseXeroRecord(record), syncResult: result };
		if (entry.crmId !== undefined) json.crmId = entry.crmId;
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
}

function rejected(outcome: WriteOutcome): string {
	return outcome.ok ? '' : `Xero rejected it: ${outcome.messages.join('; ')}`;
}

/** Checks that need the organisation's settings; those are read once per run, and only if a record needs them. */
async function preflight(run: SendRun, spec: XeroResourceSpec, entries: Entry[], lookups: RunLookups): Promise<Entry[]> {
	const withCurrency = spec.resource === 'invoice' ? entries.filter((e) => e.payload.CurrencyCode) : [];
	const withAccounts = spec.resource === 'item' ? entries.filter((e) => itemAccountProblems(e.payload, []).length > 0) : [];
	const settle = async (subset: Entry[], check: (entry: Entry) => Promise<string | undefined>, code: string) => {
		for (const entry of subset) {
			if (run.settled(entry)) continue;
			try {
				const problem = await check(entry);
				if (problem) run.fail(entry.index, { message: problem, code }, entry.payload);
			} catch (error) {
				const facts = errorFacts(error);
				run.fail(entry.index, { message: `Could not read the organisation's settings: ${facts.message}`, code: facts.code }, entry.payload);
				if (facts.haltsRun) run.halt(facts);
			}
		}
	};
	await settle(
		withCurrency,
		async (entry) => currencyProblem(entry.payload.CurrencyCode, await lookups.currencies()),
		'CURRENCY',
	);
	await settle(
		withAccounts,
		async (entry) => {
			const problems = itemAccountProblems(entry.payload, await lookups.accounts());
			return problems.length > 0
				? `${problems.join('; ')}. Run "Get accounts from Xero" and pick an active account code.`
				: undefined;
		},
		'ITEM_ACCOUNT',
	);
	return entries.filter((e) => !run.settled(e));
}

class BatchSender {
	constructor(
		private readonly run: SendRun,
		private readonly spec: XeroResourceSpec,
		private readonly caller: XeroCaller,
		private readonly target: WriteTarget,
		private readonly mode: DuplicateHandling,
	) {}

	/** One call for every key of the given entries; none when nothing can match. */
	private async lookup(entries: Entry[]): Promise<IDataObject[]> {
		const where = lookupWhere(
			this.spec,
			entries.map((e) => lookupKeysFor(this.spec, e.payload, this.mode, e.crmId)),
		);
		if (where === undefined) return [];
		const qs: IDataObject = { where };
		if (this.spec.supportsArchived) qs.includeArchived = true;
		return readList(this.caller, this.spec, qs, { pageSize: 1000 });
	}

	/** Creates via PUT and updates via POST; at most one call each. */
	private async write(creates: Entry[], updates: Entry[]): Promise<Array<[Entry, WriteOutcome, SyncResult]>> {
		const created = await writeRecords(this.target, 'PUT', creates.map((e) => e.payload));
		const updated = await writeRecords(this.target, 'POST', updates.map((e) => e.payload));
		return [
			...creates.map((e, i): [Entry, WriteOutcome, SyncResult] => [e, created[i], 'Created']),
			...updates.map((e, i): [Entry, WriteOutcome, SyncResult] => [e, updated[i], 'Updated']),
		];
	}

	/** Applies duplicate handling to entries matched against `existing`; returns what still has to be written. */
	private applyDecisions(entries: Entry[], existing: IDataObject[]): { creates: Entry[]; updates: Entry[] } {
		const creates: Entry[] = [];
		const updates: Entry[] = [];
		for (const entry of entries) {
			const decision = decide(this.spec, entry.payload, existing, this.mode, entry.crmId);
			if (decision.kind === 'skip') this.run.succeed(entry, decision.existing, 'Skipped');
			else if (decision.kind === 'fail') {
				this.run.fail(entry.index, { message: decision.message, code: 'DUPLICATE', xeroId: decision.xeroId }, entry.payload);
			} else if (decision.kind === 'create') creates.push({ ...entry, payload: decision.payload });
			else updates.push({ ...entry, payload: decision.payload });
		}
		return { creates, updates };
	}

	private settle(results: Array<[Entry, WriteOutcome, SyncResult]>): void {
		for (const [entry, outcome, result] of results) {
			if (outcome.ok) this.run.succeed(entry, outcome.record, result);
			else this.run.fail(entry.index, { message: rejected(outcome), code: 'VALIDATION' }, entry.payload);
		}
	}

	async send(batch: Entry[]): Promise<void> {
		const { spec, run } = this;
		const pending: Entry[] = [];
		for (const entry of batch) {
			const earlier = pending.find((p) => sameTarget(spec, p.payload, entry.payload));
			if (earlier) {
				run.fail(
					entry.index,
					{
						message: `input item ${earlier.index + 1} in the same batch sends the same ${spec.label.toLowerCase()}; merge the two items or send them in separate runs.`,
						code: 'DUPLICATE_INPUT',
					},
					entry.payload,
				);
			} else pending.push(entry);
		}
		const explicit = pending.filter((e) => e.payload[spec.idField] !== undefined);
		const keyed = pending.filter((e) => e.payload[spec.idField] === undefined);
		if (keyed.some((e) => needsLookupBeforeWrite(spec, e.payload))) {
			const existing = await this.lookup(keyed);
			const { creates, updates } = this.applyDecisions(keyed, existing);
			this.settle(await this.write(creates, [...explicit, ...updates]));
			return;
		}
		const first = await this.write(keyed, explicit);
		const conflicts: Entry[] = [];
		for (const [entry, outcome, result] of first) {
			if (outcome.ok) run.succeed(entry, outcome.record, result);
			else if (result === 'Created') conflicts.push(entry);
			else run.fail(entry.index, { message: rejected(outcome), code: 'VALIDATION' }, entry.payload);
		}
		if (conflicts.length === 0) return;
		const firstOutcome = new Map(first.map(([entry, outcome]) => [entry.index, outcome]));
		const existing = await this.lookup(conflicts);
		const duplicates = conflicts.filter((e) => findMatch(spec, e.payload, existing) !== undefined);
		for (const entry of conflicts) {
			if (duplicates.includes(entry)) continue;
			run.fail(entry.index, { message: rejected(firstOutcome.get(entry.index) as WriteOutcome), code: 'VALIDATION' }, entry.payload);
		}
		const { creates, updates } = this.applyDecisions(duplicates, existing);
		this.settle(await this.write(creates, updates));
	}
}

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
			run.fail(i, { message: `not sent: ${(error as Error).message}`, code: 'BAD_INPUT' });
			continue;
		}
		const problems = missingMandatoryFields(resource, payload);
		if (problems.length > 0) {
			run.fail(i, { message: `not sent because ${problems.join('; ')}.`, code: 'MANDATORY_FIELDS' }, payload);
			continue;
		}
		const status = resource === 'invoice' ? invoiceStatusProblem(payload) : undefined;
		if (status) {
			run.fail(i, { message: status, code: 'INVOICE_STATUS' }, payload);
			continue;
		}
		entries.push({ index: i, crmId: readCrmId(items[i].json), payload });
	}

	if (entries.length > 0) {
		const connection = openConnection(this);
		const lookups = new RunLookups(connection.caller);
		const ready = await preflight(run, spec, entries, lookups);
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
