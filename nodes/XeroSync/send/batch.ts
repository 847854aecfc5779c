import type { IDataObject } from 'n8n-workflow';
import { attempt } from '../../shared/attempt';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import type { XeroTransport } from '../../shared/xero/transport';
import { readEachAtPath, readList } from '../get/reads';
import { errorFacts } from '../helpers/errorFacts';
import { changedInXero } from '../../shared/xero/storage';
import { decideUpdate } from './conflicts';
import type { DuplicateHandling } from './duplicates';
import { decide, lookupKeysFor } from './duplicates';
import { findMatch, idReads, lookupPlan, MAX_LOOKUP_QUERY, needsLookupBeforeWrite, numberReads, targetKeys } from './match';
import { withKeysHeld } from './keyLocks';
import type { Entry, SendRun, SyncResult } from './run';
import type { WriteOutcome, WriteTarget } from './write';
import type { SendRules } from './rules';
import { refusedAsSettled, settleRefused, writeRecords } from './write';

/** An update, with the Xero record it goes over when that was read (so a write that changes nothing is skipped). */
interface Update extends Entry {
	stored?: IDataObject;
}

type Written = [Entry, WriteOutcome, SyncResult];

function rejected(outcome: WriteOutcome): string {
	if (outcome.ok) return '';
	const text = outcome.messages.join('; ');
	// A record refused before sending (its size) says so itself; only Xero's own answers are attributed to Xero.
	return text.startsWith('not sent:') ? text : `Xero rejected it: ${text}`;
}

/** Comparisons per lookup once Xero refused a longer OR-chain as too much for a large organisation. */
const HIGH_VOLUME_CLAUSES = 5;

/** Records per page of a read before writing: a batch's records always fit one page. */
const READ_PAGE_SIZE = 1000;

/** Matching, duplicate handling and the writes of one batch; at most one lookup call per batch. */
export class BatchSender {
	/** Comparisons per lookup; lowered for the run when Xero says the organisation is too large for long ORs. */
	private maxClauses = Number.POSITIVE_INFINITY;

	/**
	 * Whether the last batch found its records already in Xero. Then the next batches look up before writing (one
	 * lookup, then only the writes that change something) instead of writing first and resolving the refusals (a
	 * refused PUT, a lookup, a POST). It starts true, so the first batch, sent alone, is the run's probe: a run of new
	 * records pays one lookup in all, a re-send no refused writes.
	 */
	private expectExisting = true;

	private markDecided: () => void = () => undefined;

	/**
	 * Settled once the probe's lookup has answered: how the other batches are sent is known then, so they need not
	 * wait for the probe's own write as well (send/run.ts).
	 */
	readonly decided = new Promise<void>((resolve) => {
		this.markDecided = resolve;
	});

	private readonly spec: XeroResourceSpec;
	private readonly caller: XeroTransport;
	private readonly settledRefusal?: SendRules['settledRefusal'];

	constructor(
		private readonly run: SendRun,
		private readonly target: WriteTarget,
		private readonly mode: DuplicateHandling,
		private readonly rules: Pick<SendRules, 'settledRefusal' | 'readQuery' | 'idsParameter'>,
	) {
		this.spec = target.spec;
		this.caller = target.caller;
		this.settledRefusal = rules.settledRefusal;
	}

	/**
	 * One call for every key of the given entries (more only when their keys would not fit one URL); none when
	 * nothing can match. Entries whose own keys are too long to look up are failed here, except those `writeFirst`
	 * accepts (Xero's own refusal can still protect them), which are returned in `unlookable`.
	 */
	private async lookup(
		entries: Entry[],
		rejectedFirst?: Map<number, WriteOutcome>,
		writeFirst: (entry: Entry) => boolean = () => false,
	): Promise<{ existing: IDataObject[]; usable: Entry[]; unlookable: Entry[] }> {
		const keys = entries.map((e) => lookupKeysFor(this.spec, e.payload, this.mode, e.crmId));
		const plan = lookupPlan(this.spec, keys, MAX_LOOKUP_QUERY, this.maxClauses);
		const unusable = new Set<number>();
		const unlookable: Entry[] = [];
		for (const { index, length } of plan.tooLong) {
			const entry = entries[index];
			unusable.add(index);
			if (writeFirst(entry)) {
				unlookable.push(entry);
				continue;
			}
			const earlier = rejectedFirst?.get(entry.index);
			const fields = [this.spec.numberField, this.spec.nameField].filter((f): f is string => f !== undefined).join(' / ');
			this.run.fail(
				entry.index,
				{
					message:
						`${earlier ? `${rejected(earlier)}; then ` : 'not sent: '}its ${fields} is too long to look up in Xero ` +
						`(its lookup would need a ${length.toLocaleString('en-US')}-character query; Xero accepts ${MAX_LOOKUP_QUERY.toLocaleString('en-US')}). ` +
						`Shorten the ${fields} (Xero allows 255 characters for names, 50 for numbers), or send it with its Xero ID so no lookup is needed.`,
					code: 'LOOKUP_TOO_LONG',
				},
				entry.payload,
			);
		}
		const usable = entries.filter((_e, i) => !unusable.has(i));
		const usableKeys = keys.filter((_k, i) => !unusable.has(i));
		// A list without `where` nor a number parameter (purchase orders): each number is read on its own path.
		if (this.spec.noWhere && this.spec.numberParameter === undefined) return { existing: await readEachAtPath(this.caller, this.spec, usableKeys.flatMap((k) => k.numbers)), usable, unlookable };
		const byNumber = numberReads(this.spec, usableKeys);
		const existing = await this.readAll(
			(maxClauses) => byNumber ?? lookupPlan(this.spec, usableKeys, MAX_LOOKUP_QUERY, maxClauses).wheres.map((where) => ({ where })),
		);
		return { existing, usable, unlookable };
	}

	/**
	 * Every record the reads `plan` makes return. Xero refuses long OR-chains on organisations with very many records
	 * (400 HighVolumeException: "Your request is not filtering … efficiently"): then the reads are planned with fewer
	 * comparisons each, for the rest of the run too.
	 */
	private async readAll(plan: (maxClauses: number) => IDataObject[]): Promise<IDataObject[]> {
		for (;;) {
			const filters = plan(this.maxClauses);
			const read = await attempt(async () => {
				const found: IDataObject[] = [];
				for (const filter of filters) found.push(...(await this.read(filter)));
				return found;
			});
			if (read.ok) return read.value;
			if ((read.error as { type?: unknown }).type !== 'HighVolumeException' || this.maxClauses <= 1) throw read.error;
			this.maxClauses = this.maxClauses === Number.POSITIVE_INFINITY ? HIGH_VOLUME_CLAUSES : 1;
		}
	}

	/** The query parameters of every read of Xero's copy besides its filter (paged reads add page and pageSize). */
	private readParameters(): IDataObject {
		// The resource's read options (unitdp=4: unit amounts as Xero stores them, for the comparison before updates).
		const qs: IDataObject = { ...(this.rules.readQuery ?? {}) };
		if (this.spec.supportsArchived) qs.includeArchived = true;
		return qs;
	}

	private async read(filter: IDataObject): Promise<IDataObject[]> {
		return await readList(this.caller, this.spec, { ...filter, ...this.readParameters() }, { pageSize: READ_PAGE_SIZE });
	}

	/** Xero's current copies of records sent with their Xero ID: one call per batch (IDs=), no key lookup. */
	private async readByIds(entries: Entry[]): Promise<IDataObject[]> {
		const ids = entries.map((e) => String(e.payload[this.spec.idField]));
		// A list that takes neither IDs= nor `where` (quotes, purchase orders) is read record by record at its own path.
		if (this.spec.noWhere && this.rules.idsParameter !== true) return await readEachAtPath(this.caller, this.spec, ids);
		const others = { ...this.readParameters(), ...(this.spec.paged ? { page: 1, pageSize: READ_PAGE_SIZE } : {}) };
		return await this.readAll((maxClauses) => idReads(this.spec, ids, this.rules.idsParameter === true, others, maxClauses));
	}

	/**
	 * Xero's copies of records sent with their Xero ID, or none when that read fails and the failure does not stop
	 * the run: the updates are then written uncompared, as before the comparison existed (an update is safe to
	 * repeat), and Xero's answer to them decides each record.
	 */
	private async readForComparison(entries: Entry[]): Promise<IDataObject[]> {
		const read = await attempt(async () => await this.readByIds(entries));
		if (read.ok) return read.value;
		if (errorFacts(read.error).haltsRun) throw read.error;
		return [];
	}

	private storedCopy(existing: IDataObject[], payload: IDataObject): IDataObject | undefined {
		const id = String(payload[this.spec.idField] ?? '').trim().toLowerCase();
		return existing.find((e) => String(e[this.spec.idField] ?? '').toLowerCase() === id);
	}

	/**
	 * Creates via PUT and updates via POST, at most one call each; each outcome is passed on as its call returns. An
	 * update that would leave Xero's copy as it is (shared/xero/storage.ts) is not written and comes out "Unchanged".
	 */
	private async write(creates: Entry[], updates: Update[], settle: (written: Written) => void): Promise<void> {
		const changed = updates.filter((update) => {
			if (update.stored !== undefined && changedInXero(update.payload, update.stored, this.spec).length === 0) {
				this.run.succeed(update, update.stored, 'Unchanged');
				return false;
			}
			if (update.stored === undefined || this.run.policy === 'sourceAlways') return true;
			// Conflict Policy: never write the CRM's stale copy over an edit made only in Xero (conflicts.ts).
			const decision = decideUpdate(this.spec, this.run.policy, update.syncState, update.payload, update.stored);
			if (decision.action === 'write') return true;
			if (decision.action === 'unchanged') this.run.succeed(update, update.stored, 'Unchanged', decision.reason);
			else if (decision.action === 'skip') this.run.succeed(update, update.stored, 'Skipped', decision.reason);
			else this.run.conflict(update, update.stored, decision.reason);
			return false;
		});
		if (this.run.preview) {
			for (const entry of creates) this.run.previewWrite(entry, undefined, 'Created');
			for (const update of changed) this.run.previewWrite(update, update.stored, 'Updated');
			return;
		}
		await writeRecords(this.target, 'PUT', creates.map((e) => e.payload), (i, outcome) => settle([creates[i], outcome, 'Created']));
		await writeRecords(this.target, 'POST', changed.map((e) => e.payload), (i, outcome) => settle([changed[i], outcome, 'Updated']));
	}

	/** Applies duplicate handling to entries matched against `existing`; returns what still has to be written. */
	private applyDecisions(entries: Entry[], existing: IDataObject[]): { creates: Entry[]; updates: Update[] } {
		const creates: Entry[] = [];
		const updates: Update[] = [];
		for (const entry of entries) {
			const decision = decide(this.spec, entry.payload, existing, this.mode, entry.crmId);
			if (decision.kind === 'skip') this.run.succeed(entry, decision.existing, 'Skipped');
			else if (decision.kind === 'fail') {
				this.run.fail(entry.index, { message: decision.message, code: 'DUPLICATE', xeroId: decision.xeroId }, entry.payload);
			} else if (decision.kind === 'create') creates.push({ ...entry, payload: decision.payload });
			else updates.push({ ...entry, payload: decision.payload, stored: this.storedCopy(existing, decision.payload) });
		}
		return { creates, updates };
	}

	/**
	 * Settles one written record; an update Xero refused only because the record is settled there (a paid invoice,
	 * SendRules.settledRefusal) waits in `settled`, to be read back.
	 */
	private settle([entry, outcome, result]: Written, settled: Entry[]): void {
		if (outcome.ok) this.run.succeed(entry, outcome.record, result);
		else if (refusedAsSettled(this.settledRefusal, outcome, result)) settled.push(entry);
		else this.run.fail(entry.index, { message: rejected(outcome), code: 'VALIDATION' }, entry.payload);
	}

	async send(batch: Entry[]): Promise<void> {
		const { spec } = this;
		// Duplicate input was dropped for the whole execution before the batches started (dropDuplicateInput).
		const explicit = batch.filter((e) => e.payload[spec.idField] !== undefined);
		const keyed = batch.filter((e) => e.payload[spec.idField] === undefined);
		const current = explicit.length > 0 ? await this.readForComparison(explicit) : [];
		const updates: Update[] = explicit.map((e) => ({ ...e, stored: this.storedCopy(current, e.payload) }));
		// A preview always looks up first: it cannot learn what exists from a refused write.
		if (keyed.length > 0 && (this.run.preview || this.expectExisting || keyed.some((e) => needsLookupBeforeWrite(spec, e.payload)))) {
			// Only records Xero would not refuse a second copy of must be found first, and found alone (keyLocks.ts);
			// the others may still go write-first.
			const unprotected = this.run.preview ? [] : keyed.filter((e) => needsLookupBeforeWrite(spec, e.payload));
			const locks = unprotected.flatMap((e) => targetKeys(spec, e.payload, e.crmId).map((k) => `${this.caller.organisation ?? ''}|${spec.resource}|${k}`));
			await withKeysHeld(locks, async () => {
				const { existing, usable, unlookable } = await this.lookup(keyed, undefined, (e) => !needsLookupBeforeWrite(spec, e.payload));
				this.expectExisting = existing.length > 0;
				this.markDecided();
				const decided = this.applyDecisions(usable, existing);
				// Another execution (a second queue worker, an overlapping schedule) may create the same record between
				// the lookup and this write; Xero's uniqueness rules refuse the create, and it is resolved like any conflict.
				await this.writeAndResolve([...decided.creates, ...unlookable], [...updates, ...decided.updates]);
			});
			return;
		}
		await this.writeAndResolve(keyed, updates);
	}

	/**
	 * Writes, settling every record as its call returns; creates Xero refused are then looked up once (one call for
	 * all of them): those that now match an existing record get the chosen duplicate handling, the others fail with
	 * Xero's reason.
	 */
	private async writeAndResolve(creates: Entry[], updates: Update[]): Promise<void> {
		const { spec, run } = this;
		const refused = new Map<number, WriteOutcome>();
		const conflicts: Entry[] = [];
		const settled: Entry[] = [];
		await this.write(creates, updates, (written) => {
			const [entry, outcome, result] = written;
			if (outcome.ok || result !== 'Created') return this.settle(written, settled);
			refused.set(entry.index, outcome);
			conflicts.push(entry);
		});
		if (conflicts.length > 0) await this.resolveConflicts(conflicts, refused, settled);
		if (this.settledRefusal) await settleRefused(run, spec, this.settledRefusal, this.caller, settled);
	}

	/**
	 * Creates Xero refused are looked up once (one call for all of them): those that now match an existing record get
	 * the chosen duplicate handling, the others fail with Xero's reason.
	 */
	private async resolveConflicts(conflicts: Entry[], refused: Map<number, WriteOutcome>, settled: Entry[]): Promise<void> {
		const { spec, run } = this;
		const { existing, usable } = await this.lookup(conflicts, refused);
		const duplicates = usable.filter((e) => findMatch(spec, e.payload, existing, e.crmId) !== undefined);
		// Records written first were found in Xero after all: the next batches look up before writing.
		if (duplicates.length > 0) this.expectExisting = true;
		for (const entry of usable) {
			if (duplicates.includes(entry)) continue;
			run.fail(entry.index, { message: rejected(refused.get(entry.index) as WriteOutcome), code: 'VALIDATION' }, entry.payload);
		}
		const decided = this.applyDecisions(duplicates, existing);
		await this.write(decided.creates, decided.updates, (written) => this.settle(written, settled));
	}
}
