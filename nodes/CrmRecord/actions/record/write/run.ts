import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { fieldTypes, type FieldTypes } from '../../../helpers/normalise';
import { overwrittenOnCreate } from '../../../helpers/aftersave';
import { RecordProblem } from '../../../helpers/recordProblem';
import { droppedReferences, referenceValues, roundedCurrencies } from '../../../helpers/validateRecord';
import { isDuplicateRefusal, type DescribeResult, type VtigerClient, type VtigerRecord } from '../../../transport';
import type { ConflictPolicy } from '../../../../shared/conflictPolicy';
import { logEntryOf } from '../../../../shared/syncLog';
import { DEFAULT_SYNC_HASH_FIELD } from '../../../../shared/xero/linkHash';
import { actionName, lineItemTypes, outputRecord, recordFailure } from '../../context';
import { describeReferenceIssue, findReferenceIssues } from '../../references';
import { readInputs } from './input/read';
import { prepareWrite, type PreparedWrite } from './prepare';
import { missingHashField, type ConflictSettings } from './conflicts';
import { fieldChanges, previewItem, readOnlyClient } from './preview';
import type { WriteInput, WriteOperation } from './types';

/** How one operation writes the items of one module (see create.ts, update.ts, upsert/upsert.ts). */
export type ModuleWriter = (run: WriteRun, inputs: WriteInput[], describe: DescribeResult, userId: string) => Promise<void>;

export interface RefusedRevise {
	write: PreparedWrite;
	id: string;
}

export interface RunOptions {
	raw: boolean;
	checkReferences: boolean;
	lineTypes?: FieldTypes;
	/** "Preview (No Writes)": only reads are made, and each item says what a real run would do to it. */
	preview?: boolean;
	/** Xero input with a Conflict Policy other than Always Write (conflicts.ts). */
	conflict?: ConflictSettings;
}

/** What a real write did to the record, in the words Xero Sync's items use. */
export type WriteResult = 'Created' | 'Updated' | 'Unchanged';

function conflictSettings(options: IDataObject): ConflictSettings | undefined {
	const policy = (options.conflictPolicy as ConflictPolicy | undefined) ?? 'sourceAlways';
	if (policy === 'sourceAlways') return undefined;
	return { policy, hashField: String(options.syncHashField ?? '').trim() || DEFAULT_SYNC_HASH_FIELD };
}

function groupByModule(inputs: WriteInput[]): Map<string, WriteInput[]> {
	const groups = new Map<string, WriteInput[]>();
	for (const input of inputs) {
		if (!groups.has(input.module)) groups.set(input.module, []);
		groups.get(input.module)?.push(input);
	}
	return groups;
}

/**
 * One Create, Update or Upsert execution: the items read as write inputs, and one result slot per input item, which
 * every path settles exactly once as a success (succeed, checkWritten) or a sync-log failure (fail). An item no path
 * settled comes out as a failure too, so each input item ends in exactly one output.
 */
export class WriteRun {
	readonly results: Array<INodeExecutionData | undefined>;

	/** The items that were read without error, in input order. */
	readonly inputs: WriteInput[] = [];

	/** Xero input: an organisation's person, written as the account's primary contact after the accounts. */
	readonly primaryContacts = new Map<number, { contact: Record<string, unknown>; xeroId?: string | null }>();

	/**
	 * vtiger's duplicate check runs on every save, revises included: while an overlapping run's copy of a record
	 * exists, the revise of the copy every run keeps is refused. Upserts collect those revises here and send them
	 * again once every run has settled its races (see upsertRecords), instead of waiting inside a chunk for a run
	 * that may itself be waiting for this one.
	 */
	refusedRevises?: RefusedRevise[];

	constructor(
		readonly ctx: IExecuteFunctions,
		readonly client: VtigerClient,
		readonly operation: WriteOperation,
		itemCount: number,
		readonly options: RunOptions,
	) {
		this.results = new Array(itemCount);
	}

	/** Reads the items (fields, Xero record or sync-log entry); an item that cannot be read fails here. */
	static async start(
		ctx: IExecuteFunctions,
		items: INodeExecutionData[],
		client: VtigerClient,
		operation: WriteOperation,
	): Promise<WriteRun> {
		const options = ctx.getNodeParameter('writeOptions', 0, {}) as IDataObject;
		const preview = options.preview === true;
		const reader = preview ? readOnlyClient(client) : client;
		const run = new WriteRun(ctx, reader, operation, items.length, {
			raw: options.rawOutput === true,
			checkReferences: options.checkReferences !== false,
			lineTypes: await lineItemTypes(reader),
			preview,
			conflict: conflictSettings(options),
		});
		for (const read of await readInputs(ctx, items, reader, operation)) {
			if ('error' in read) {
				run.fail(read.input, read.error, `item ${read.input.itemIndex + 1}`);
				continue;
			}
			if ('skipped' in read) {
				run.skip(read.input, read.skipped);
				continue;
			}
			run.inputs.push(read.input);
			if (read.contact && read.input.module === 'Accounts') {
				run.primaryContacts.set(read.input.itemIndex, { contact: read.contact, xeroId: read.input.xeroId });
			}
		}
		return run;
	}

	/** A run of its own for records written on the side (primary contacts), with its own result slots. */
	subRun(operation: WriteOperation, options: Partial<RunOptions>): WriteRun {
		return new WriteRun(this.ctx, this.client, operation, this.results.length, { ...this.options, ...options });
	}

	/** Each module's describe and the user once, then its items go to `write`; failing that, they fail. */
	async writeEachModule(write: ModuleWriter): Promise<void> {
		for (const [module, group] of groupByModule(this.inputs)) {
			let describe: DescribeResult;
			let userId: string;
			try {
				describe = await this.client.describe(module);
				userId = (await this.client.session()).userId;
			} catch (error) {
				for (const input of group) this.fail(input, error, `item ${input.itemIndex + 1}`);
				continue;
			}
			const noHashField = group.some((input) => input.xero) ? missingHashField(this, describe) : undefined;
			if (noHashField) {
				for (const input of group) this.fail(input, new RecordProblem(noHashField, 'CONFIGURATION'), `item ${input.itemIndex + 1}`, describe);
				continue;
			}
			await write(this, group, describe, userId);
		}
	}

	output(): INodeExecutionData[] {
		return this.results.map(
			(result, index) =>
				result ??
				recordFailure(this.ctx, new Error('was not processed'), index, {
					action: actionName(this.operation, ''),
					flow: 'Xero → CRM',
					module: '',
					label: `item ${index + 1}`,
				}),
		);
	}

	fail(input: WriteInput, error: unknown, label: string, describe?: DescribeResult, id?: string) {
		const failure = recordFailure(this.ctx, error, input.itemIndex, {
			action: actionName(this.operation, input.module),
			flow: 'Xero → CRM',
			module: input.module,
			label,
			describe,
			id: id ?? input.recordId,
			xeroId: input.xeroId,
		});
		const entry = logEntryOf(failure);
		this.results[input.itemIndex] =
			this.options.preview && entry
				? previewItem(input, 'fail', { id: entry.crmId, label, message: entry.message, code: entry.code })
				: failure;
	}

	/** Changed on both sides and the Conflict Policy reports it: a CONFLICT sync-log entry, or the preview's "conflict". */
	conflict(write: PreparedWrite, problem: RecordProblem, describe: DescribeResult, id: string) {
		if (!this.options.preview) return this.fail(write.input, problem, write.label, describe, id);
		this.results[write.input.itemIndex] = previewItem(write.input, 'conflict', { id, label: write.label, message: problem.message, code: problem.code });
	}

	/** Nothing to write for this item, and nothing wrong with it: it says why. */
	skip(input: WriteInput, reason: string) {
		if (this.options.preview) {
			this.results[input.itemIndex] = previewItem(input, 'skip', { message: reason });
			return;
		}
		this.results[input.itemIndex] = {
			json: { syncResult: 'Skipped', reason, xeroId: input.xeroId ?? null },
			pairedItem: { item: input.itemIndex },
		};
	}

	succeed(input: WriteInput, record: VtigerRecord, describe: DescribeResult, result: WriteResult) {
		const json = outputRecord(record, { raw: this.options.raw, describe, lineItemTypes: this.options.lineTypes });
		this.results[input.itemIndex] = { json: { ...json, syncResult: result }, pairedItem: { item: input.itemIndex } };
	}

	/** The record already holds what would be written: nothing is sent, and the item says so. */
	unchanged(write: PreparedWrite, current: VtigerRecord, describe: DescribeResult) {
		if (this.options.preview) {
			this.results[write.input.itemIndex] = previewItem(write.input, 'unchanged', { id: String(current.id), label: write.label });
			return;
		}
		this.succeed(write.input, current, describe, 'Unchanged');
	}

	/**
	 * Turns the inputs into what vtiger receives (an input that cannot be written fails alone), then checks the
	 * reference ids of the whole group with one query per referenced module, before anything is written.
	 */
	async prepare(
		inputs: WriteInput[],
		describe: DescribeResult,
		userId: string,
		mode: (input: WriteInput) => 'create' | 'revise',
	): Promise<PreparedWrite[]> {
		const prepared: PreparedWrite[] = [];
		for (const input of inputs) {
			try {
				prepared.push(prepareWrite(input, describe, mode(input), userId, this.options.lineTypes));
			} catch (error) {
				this.fail(input, error, `item ${input.itemIndex + 1}`, describe);
			}
		}
		if (!this.options.checkReferences || prepared.length === 0) return prepared;
		const issues = await findReferenceIssues(
			this.client,
			prepared.map((write) => referenceValues(write.element, describe)),
		);
		return prepared.filter((write, index) => {
			if (issues[index].length === 0) return true;
			const message = `${describe.name} record ${write.label}: ${issues[index].map(describeReferenceIssue).join('; ')}`;
			this.fail(write.input, new RecordProblem(message, 'REFERENCE_MISSING'), write.label, describe);
			return false;
		});
	}

	/**
	 * What vtiger accepts but silently changes, found in its answer: a reference to a missing record stored as "" (when
	 * references were not checked up front) and amounts rounded to the user's currency decimals. The record is written,
	 * so the failure names it for a fix.
	 */
	checkWritten(write: PreparedWrite, record: VtigerRecord, describe: DescribeResult, result: WriteResult) {
		const id = String(record.id);
		const what = `${describe.name} record ${write.label} was written as ${id}, but`;
		const dropped = droppedReferences(write.element, record, describe);
		if (dropped.length > 0) {
			const message = `${what} vtiger dropped ${dropped.map((ref) => `${ref.field} = ${ref.id}`).join(', ')}: no such record. Fix the reference and update ${id}.`;
			return this.fail(write.input, new RecordProblem(message, 'REFERENCE_DROPPED'), write.label, describe, id);
		}
		const rounded = roundedCurrencies(write.element, record, describe);
		if (rounded.length > 0) {
			const changes = rounded.map((r) => `${r.field} ${r.sent} to ${r.stored}`).join(', ');
			const message = `${what} the CRM rounded ${changes}. Set "Number of Currency Decimals" to 2 in the CRM user's My Preferences, then update ${id} again.`;
			return this.fail(write.input, new RecordProblem(message, 'CURRENCY_ROUNDED'), write.label, describe, id);
		}
		this.succeed(write.input, record, describe, result);
	}

	/** Preview: the record a create would make, every field it would get listed as new. */
	previewCreate(write: PreparedWrite, describe: DescribeResult) {
		const changes = fieldChanges(undefined, write.element, fieldTypes(describe));
		this.results[write.input.itemIndex] = previewItem(write.input, 'create', { label: write.label, changes });
	}

	/** Preview: the fields a revise would change, compared with the record as the CRM has it now (read if not given). */
	async previewRevise(write: PreparedWrite, id: string, describe: DescribeResult, current?: VtigerRecord) {
		let existing = current;
		try {
			existing ??= await this.client.retrieve(id);
		} catch (error) {
			return this.fail(write.input, error, write.label, describe, id);
		}
		const changes = fieldChanges(existing, write.element, fieldTypes(describe));
		const action = Object.keys(changes).length === 0 ? 'unchanged' : 'update';
		this.results[write.input.itemIndex] = previewItem(write.input, action, { id, label: write.label, changes: action === 'update' ? changes : undefined });
	}

	/**
	 * vtiger's create, then a revise of what its aftersave handler overwrote (an invoice's balance: see
	 * helpers/aftersave.ts), so the record holds what was sent and the next run finds it unchanged.
	 */
	async createInCrm(describe: DescribeResult, element: Record<string, unknown>, label: string): Promise<VtigerRecord> {
		const created = await this.client.create(describe.name, element);
		const again = overwrittenOnCreate(describe.name, element, created);
		if (!again) return created;
		try {
			return await this.client.revise({ ...again, id: created.id });
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			const fields = Object.keys(again).join(', ');
			const problem = new RecordProblem(
				`${describe.name} record ${label} was created as ${String(created.id)}, but writing its ${fields} again after vtiger recomputed it failed; the next run writes it. The CRM said: ${reason}`,
				'RECOMPUTED_FIELDS',
			);
			throw problem;
		}
	}

	async create(write: PreparedWrite, describe: DescribeResult) {
		if (this.options.preview) return this.previewCreate(write, describe);
		try {
			this.checkWritten(write, await this.createInCrm(describe, write.element, write.label), describe, 'Created');
		} catch (error) {
			this.fail(write.input, error, write.label, describe);
		}
	}

	/** A duplicate refusal is kept for later while an upsert collects them, else retried after each of the waits. */
	async revise(write: PreparedWrite, id: string, describe: DescribeResult, retryWaitsMs: number[] = [], current?: VtigerRecord) {
		if (this.options.preview) return await this.previewRevise(write, id, describe, current);
		try {
			this.checkWritten(write, await this.client.revise({ ...write.element, id }), describe, 'Updated');
		} catch (error) {
			if (isDuplicateRefusal(error) && this.refusedRevises) return this.refusedRevises.push({ write, id });
			const [wait, ...later] = retryWaitsMs;
			if (wait === undefined || !isDuplicateRefusal(error)) return this.fail(write.input, error, write.label, describe, id);
			await sleep(wait);
			await this.revise(write, id, describe, later);
		}
	}

	/** Query rows carry no LineItems; a write that sends lines is compared with the retrieved record instead. */
	async currentRecord(row: VtigerRecord, element: Record<string, unknown>): Promise<VtigerRecord> {
		if (!('LineItems' in element)) return row;
		try {
			return await this.client.retrieve(String(row.id));
		} catch {
			return row;
		}
	}
}
