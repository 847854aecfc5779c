import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isFailedItem } from '../../../../shared/syncLog';
import { fieldTypes, type FieldTypes } from '../../../helpers/normalise';
import { collectPages } from '../../../helpers/paging';
import { recordLabel } from '../../../helpers/recordLabel';
import { RecordProblem } from '../../../helpers/recordProblem';
import { isUnchanged } from '../../../helpers/unchanged';
import {
	decideMatch,
	describeAlternative,
	matchWhere,
	usableAlternatives,
} from '../../../helpers/upsertMatch';
import { droppedReferences, idProblem, referenceValues, roundedCurrencies } from '../../../helpers/validateRecord';
import { vtqlString, withLimit } from '../../../helpers/vtql';
import type { DescribeResult, VtigerClient, VtigerRecord } from '../../../transport';
import { encodedParamLength, VtigerApiError } from '../../../transport';
import { actionName, lineItemTypes, moduleOf, outputRecord, recordFailure } from '../../context';
import { describeReferenceIssue, findReferenceIssues } from '../../references';
import { readFieldsInput } from './fieldsInput';
import { checkValues, prepareWrite, type PreparedWrite } from './prepare';
import type { WriteInput, WriteOperation } from './types';
import { readXeroInputs } from './xeroInput';

/** Items per upsert lookup query (and ids per current-values query). */
const MATCH_BATCH = 100;

/**
 * The lookup travels in the GET query string, URL-encoded. Apache's default request line limit is 8190 bytes and
 * many proxies stop at 8 KB; the session name, host and other parameters need the rest.
 */
export const MAX_LOOKUP_URL_CHARS = 6_500;

interface Batch {
	ctx: IExecuteFunctions;
	client: VtigerClient;
	operation: WriteOperation;
	results: Array<INodeExecutionData | undefined>;
	raw: boolean;
	checkReferences: boolean;
	lineTypes?: FieldTypes;
}

function fail(batch: Batch, input: WriteInput, error: unknown, label: string, describe?: DescribeResult, id?: string) {
	batch.results[input.itemIndex] = recordFailure(batch.ctx, error, input.itemIndex, {
		action: actionName(batch.operation, input.module),
		flow: 'Xero → CRM',
		module: input.module,
		label,
		describe,
		id: id ?? input.recordId,
		xeroId: input.xeroId,
	});
}

function succeed(batch: Batch, input: WriteInput, record: VtigerRecord, describe: DescribeResult) {
	batch.results[input.itemIndex] = {
		json: outputRecord(record, { raw: batch.raw, describe, lineItemTypes: batch.lineTypes }) as IDataObject,
		pairedItem: { item: input.itemIndex },
	};
}

/** Reference ids of the whole group are checked with one query per referenced module, before anything is written. */
async function dropBadReferences(batch: Batch, prepared: PreparedWrite[], describe: DescribeResult) {
	if (!batch.checkReferences || prepared.length === 0) return prepared;
	const issues = await findReferenceIssues(
		batch.client,
		prepared.map((write) => referenceValues(write.element, describe)),
	);
	return prepared.filter((write, index) => {
		if (issues[index].length === 0) return true;
		const message = `${describe.name} record ${write.label}: ${issues[index].map(describeReferenceIssue).join('; ')}`;
		fail(batch, write.input, new RecordProblem(message, 'REFERENCE_MISSING'), write.label, describe);
		return false;
	});
}

function prepareAll(
	batch: Batch,
	inputs: WriteInput[],
	describe: DescribeResult,
	userId: string,
	mode: (input: WriteInput) => 'create' | 'revise',
): PreparedWrite[] {
	const prepared: PreparedWrite[] = [];
	for (const input of inputs) {
		try {
			prepared.push(prepareWrite(input, describe, mode(input), userId, batch.lineTypes));
		} catch (error) {
			fail(batch, input, error, `item ${input.itemIndex + 1}`, describe);
		}
	}
	return prepared;
}

/**
 * What vtiger accepts but silently changes, found in its answer: a reference to a missing record stored as "" (when
 * references were not checked up front) and amounts rounded to the user's currency decimals. The record is written,
 * so the failure names it for a fix.
 */
function checkWritten(batch: Batch, write: PreparedWrite, record: VtigerRecord, describe: DescribeResult) {
	const id = String(record.id);
	const what = `${describe.name} record ${write.label} was written as ${id}, but`;
	const dropped = droppedReferences(write.element, record, describe);
	if (dropped.length > 0) {
		const message = `${what} vtiger dropped ${dropped.map((ref) => `${ref.field} = ${ref.id}`).join(', ')}: no such record. Fix the reference and update ${id}.`;
		return fail(batch, write.input, new RecordProblem(message, 'REFERENCE_DROPPED'), write.label, describe, id);
	}
	const rounded = roundedCurrencies(write.element, record, describe);
	if (rounded.length > 0) {
		const changes = rounded.map((r) => `${r.field} ${r.sent} to ${r.stored}`).join(', ');
		const message = `${what} the CRM rounded ${changes}. Set "Number of Currency Decimals" to 2 in the CRM user's My Preferences, then update ${id} again.`;
		return fail(batch, write.input, new RecordProblem(message, 'CURRENCY_ROUNDED'), write.label, describe, id);
	}
	succeed(batch, write.input, record, describe);
}

async function createOne(batch: Batch, write: PreparedWrite, describe: DescribeResult) {
	try {
		checkWritten(batch, write, await batch.client.create(describe.name, write.element), describe);
	} catch (error) {
		fail(batch, write.input, error, write.label, describe);
	}
}

async function reviseOne(batch: Batch, write: PreparedWrite, id: string, describe: DescribeResult) {
	try {
		checkWritten(batch, write, await batch.client.revise({ ...write.element, id }), describe);
	} catch (error) {
		fail(batch, write.input, error, write.label, describe, id);
	}
}

async function runCreates(batch: Batch, inputs: WriteInput[], describe: DescribeResult, userId: string) {
	const prepared = await dropBadReferences(batch, prepareAll(batch, inputs, describe, userId, () => 'create'), describe);
	for (const write of prepared) await createOne(batch, write, describe);
}

/** Query rows carry no LineItems; a write that sends lines is compared with the retrieved record instead. */
async function currentRecord(batch: Batch, row: VtigerRecord, element: Record<string, unknown>): Promise<VtigerRecord> {
	if (!('LineItems' in element)) return row;
	try {
		return await batch.client.retrieve(String(row.id));
	} catch {
		return row;
	}
}

/** The records about to be updated, one query per 100 ids; missing ones are left for revise to report. */
async function currentRows(batch: Batch, module: string, ids: string[]): Promise<Map<string, VtigerRecord>> {
	const rows = new Map<string, VtigerRecord>();
	const unique = [...new Set(ids)];
	for (let start = 0; start < unique.length; start += MATCH_BATCH) {
		const chunk = unique.slice(start, start + MATCH_BATCH);
		const base = `SELECT * FROM ${module} WHERE id IN (${chunk.map(vtqlString).join(', ')})`;
		try {
			for (const row of await collectPages((page) => batch.client.query(withLimit(base, page.offset, page.count)))) {
				rows.set(String(row.id), row);
			}
		} catch {
			// Without the current values every update is simply written.
		}
	}
	return rows;
}

/**
 * Updates skip records whose values would not change: a "write the Xero ID back" step after a CRM → Xero send then
 * leaves modifiedtime alone, and the next Get Changes does not see the record again.
 */
async function runUpdates(batch: Batch, inputs: WriteInput[], describe: DescribeResult, userId: string) {
	const types = fieldTypes(describe);
	const withId = inputs.filter((input) => {
		const problem = input.recordId ? idProblem(input.recordId, describe) : 'Record ID is empty';
		if (!problem) return true;
		const label = input.recordId || `item ${input.itemIndex + 1}`;
		fail(batch, input, new RecordProblem(`${describe.name} record ${label}: ${problem}`, 'WRONG_MODULE'), label, describe);
		return false;
	});
	const prepared = await dropBadReferences(batch, prepareAll(batch, withId, describe, userId, () => 'revise'), describe);
	const rows = await currentRows(batch, describe.name, prepared.map((write) => write.input.recordId as string));
	for (const write of prepared) {
		const id = write.input.recordId as string;
		const row = rows.get(id);
		if (row) {
			const current = await currentRecord(batch, row, write.element);
			if (isUnchanged(current, write.element, types)) {
				succeed(batch, write.input, current, describe);
				continue;
			}
		}
		await reviseOne(batch, write, id, describe);
	}
}

function lookupBase(module: string, inputs: WriteInput[]): string | undefined {
	const where = matchWhere(inputs.map((input) => usableAlternatives(input.alternatives)));
	return where === undefined ? undefined : `SELECT * FROM ${module} WHERE ${where}`;
}

/** The encoded length of the longest statement paging would send for this lookup. */
function lookupUrlLength(base: string | undefined): number {
	return base === undefined ? 0 : encodedParamLength(withLimit(base, 99_900, 100));
}

/**
 * Splits the items into lookups of at most MATCH_BATCH items whose encoded query stays under MAX_LOOKUP_URL_CHARS,
 * so one long name costs its own lookup, not the whole batch. An item whose match values alone do not fit (or cannot
 * be put in a query) fails alone, with the reason.
 */
function lookupChunks(batch: Batch, inputs: WriteInput[], describe: DescribeResult): WriteInput[][] {
	const chunks: WriteInput[][] = [];
	let current: WriteInput[] = [];
	for (const input of inputs) {
		let alone: number;
		try {
			alone = lookupUrlLength(lookupBase(describe.name, [input]));
		} catch (error) {
			fail(batch, input, error, recordLabel(input.values, describe, input.itemIndex), describe);
			continue;
		}
		if (alone > MAX_LOOKUP_URL_CHARS) {
			const label = recordLabel(input.values, describe, input.itemIndex);
			const fields = usableAlternatives(input.alternatives).flat().map((pair) => pair.field);
			const message = `${describe.name} record ${label}: the value of the match field ${[...new Set(fields)].join(', ')} is too long to look up in the CRM (the lookup would be ${alone} characters in the request URL; the limit is ${MAX_LOOKUP_URL_CHARS}). Shorten the value or change "Match On" to another field.`;
			fail(batch, input, new RecordProblem(message, 'MATCH_VALUE_TOO_LONG'), label, describe);
			continue;
		}
		const candidate = [...current, input];
		if (candidate.length <= MATCH_BATCH && lookupUrlLength(lookupBase(describe.name, candidate)) <= MAX_LOOKUP_URL_CHARS) {
			current = candidate;
			continue;
		}
		chunks.push(current);
		current = [input];
	}
	if (current.length > 0) chunks.push(current);
	return chunks;
}

/** Values that could not be sent or would be stored mangled fail their record before any lookup. */
function checkedInputs(batch: Batch, inputs: WriteInput[], describe: DescribeResult): WriteInput[] {
	return inputs.filter((input) => {
		try {
			checkValues(input, describe);
			return true;
		} catch (error) {
			fail(batch, input, error, recordLabel(input.values, describe, input.itemIndex), describe);
			return false;
		}
	});
}

/**
 * One lookup query per chunk of items (see lookupChunks); then each item updates its single match, creates when
 * there is none, and fails when several records match. Records created earlier in the chunk are matched by later
 * items; later chunks look up after earlier ones wrote.
 */
async function runUpserts(batch: Batch, inputs: WriteInput[], describe: DescribeResult, userId: string) {
	const types = fieldTypes(describe);
	for (const chunk of lookupChunks(batch, checkedInputs(batch, inputs, describe), describe)) {
		const alternatives = chunk.map((input) => usableAlternatives(input.alternatives));
		const base = lookupBase(describe.name, chunk);
		let rows: VtigerRecord[] = [];
		if (base !== undefined) {
			try {
				rows = await collectPages((page) => batch.client.query(withLimit(base, page.offset, page.count)));
			} catch (error) {
				for (const input of chunk) fail(batch, input, error, recordLabel(input.values, describe, input.itemIndex), describe);
				continue;
			}
		}
		const decisions = chunk.map((input, index) => decideMatch(rows, alternatives[index]));
		const prepared = await dropBadReferences(
			batch,
			prepareAll(batch, chunk, describe, userId, (input) =>
				decisions[chunk.indexOf(input)].kind === 'create' ? 'create' : 'revise',
			),
			describe,
		);
		for (const write of prepared) {
			const index = chunk.indexOf(write.input);
			// Decided again: an earlier item of this chunk may have created the record this one matches.
			const decision = decisions[index].kind === 'create' ? decideMatch(rows, alternatives[index]) : decisions[index];
			if (decision.kind === 'ambiguous') {
				const ids = decision.rows.map((row) => String(row.id)).join(', ');
				const message = `${describe.name} record ${write.label}: ${decision.rows.length} records match ${describeAlternative(decision.alternative)} (${ids}); merge them in the CRM or match on a more specific field`;
				fail(batch, write.input, new RecordProblem(message, 'AMBIGUOUS_MATCH'), write.label, describe);
				continue;
			}
			const updateMatched = async (row: VtigerRecord, preparedAsCreate: boolean) => {
				if (preparedAsCreate && !('assigned_user_id' in write.input.values)) {
					// Prepared as a create, so it carries defaults the matched record already has a say in.
					delete write.element.assigned_user_id;
				}
				const current = await currentRecord(batch, row, write.element);
				if (isUnchanged(current, write.element, types)) succeed(batch, write.input, current, describe);
				else await reviseOne(batch, write, String(row.id), describe);
			};
			if (decision.kind === 'update') {
				await updateMatched(decision.row, decisions[index].kind === 'create');
				continue;
			}
			try {
				checkWritten(batch, write, await batch.client.create(describe.name, write.element), describe);
			} catch (error) {
				// Another execution (a second worker, an overlapping schedule) created the record after our lookup:
				// vtiger's duplicate prevention says so, and the upsert becomes the update it would have been.
				const winner = isDuplicateRefusal(error) ? await matchAfterRace(batch, write.input, describe) : undefined;
				if (winner) await updateMatched(winner, true);
				else fail(batch, write.input, error, write.label, describe);
			}
			const created = batch.results[write.input.itemIndex];
			if (created && !isFailedItem(created)) rows.push({ ...write.element, id: created.json.id } as VtigerRecord);
		}
	}
}

function isDuplicateRefusal(error: unknown): boolean {
	return error instanceof VtigerApiError && error.code === '0' && /duplicate/i.test(error.message);
}

async function matchAfterRace(batch: Batch, input: WriteInput, describe: DescribeResult): Promise<VtigerRecord | undefined> {
	const base = lookupBase(describe.name, [input]);
	if (base === undefined) return undefined;
	try {
		const rows = await collectPages((page) => batch.client.query(withLimit(base, page.offset, page.count)));
		const decision = decideMatch(rows, usableAlternatives(input.alternatives));
		return decision.kind === 'update' ? decision.row : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A Xero organisation's person becomes the account's primary Contacts record, upserted on its Xero ID or on
 * account and last name. A failure fails the item: rerunning the upsert repeats nothing that already worked.
 */
async function writePrimaryContacts(batch: Batch, contacts: Map<number, { contact: Record<string, unknown>; xeroId?: string | null }>) {
	const inputs: WriteInput[] = [];
	for (const [itemIndex, { contact, xeroId }] of contacts) {
		const account = batch.results[itemIndex];
		if (!account || isFailedItem(account)) continue;
		const values = { ...contact, account_id: account.json.id };
		const link = Object.keys(contact).find((field) => field.startsWith('cf_') && contact[field]);
		inputs.push({
			itemIndex,
			module: 'Contacts',
			xeroId,
			values,
			alternatives: [
				...(link ? [[{ field: link, value: contact[link] }]] : []),
				[
					{ field: 'account_id', value: account.json.id },
					{ field: 'lastname', value: contact.lastname },
				],
			],
		});
	}
	if (inputs.length === 0) return;
	const sub: Batch = { ...batch, operation: 'upsert', raw: true, results: new Array(batch.results.length) };
	try {
		const describe = await batch.client.describe('Contacts');
		await runUpserts(sub, inputs, describe, (await batch.client.session()).userId);
	} catch (error) {
		for (const input of inputs) fail(sub, input, error, `item ${input.itemIndex + 1}`);
	}
	for (const input of inputs) {
		const result = sub.results[input.itemIndex];
		const account = batch.results[input.itemIndex] as INodeExecutionData;
		if (result && !isFailedItem(result)) {
			account.json.primaryContactId = result.json.id;
			continue;
		}
		const reason = result ? String(result.json.message ?? '') : 'was not written';
		const message = `Accounts record ${String(account.json.id)} was written, but its primary contact failed: ${reason}`;
		const accountInput: WriteInput = { ...input, module: 'Accounts', recordId: String(account.json.id) };
		fail(batch, accountInput, new RecordProblem(message, 'CONTACT'), String(account.json.id));
	}
}

function groupByModule(inputs: WriteInput[]): Map<string, WriteInput[]> {
	const groups = new Map<string, WriteInput[]>();
	for (const input of inputs) {
		if (!groups.has(input.module)) groups.set(input.module, []);
		groups.get(input.module)?.push(input);
	}
	return groups;
}

export async function writeItems(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
	operation: WriteOperation,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('writeOptions', 0, {}) as IDataObject;
	const batch: Batch = {
		ctx: this,
		client,
		operation,
		results: new Array(items.length),
		raw: options.rawOutput === true,
		checkReferences: options.checkReferences !== false,
		lineTypes: await lineItemTypes(client),
	};

	const inputs: WriteInput[] = [];
	const contacts = new Map<number, { contact: Record<string, unknown>; xeroId?: string | null }>();
	if (this.getNodeParameter('inputMode', 0, 'fields') === 'xero') {
		for (const read of await readXeroInputs(this, items, client, operation)) {
			if ('error' in read) {
				fail(batch, read.input, read.error, `item ${read.input.itemIndex + 1}`);
				continue;
			}
			inputs.push(read.input);
			if (read.contact && read.input.module === 'Accounts' && operation !== 'update') {
				contacts.set(read.input.itemIndex, { contact: read.contact, xeroId: read.input.xeroId });
			}
		}
	} else {
		for (let i = 0; i < items.length; i++) {
			const module = moduleOf(this, i);
			try {
				if (module === '') throw new Error('Choose a module');
				inputs.push(readFieldsInput(this, items[i], i, module, operation));
			} catch (error) {
				batch.results[i] = recordFailure(this, error, i, {
					action: actionName(operation, module),
					flow: 'Xero → CRM',
					module,
					label: `item ${i + 1}`,
				});
			}
		}
	}

	for (const [module, group] of groupByModule(inputs)) {
		let describe: DescribeResult;
		let userId: string;
		try {
			describe = await client.describe(module);
			userId = (await client.session()).userId;
		} catch (error) {
			for (const input of group) fail(batch, input, error, `item ${input.itemIndex + 1}`);
			continue;
		}
		if (operation === 'create') await runCreates(batch, group, describe, userId);
		else if (operation === 'update') await runUpdates(batch, group, describe, userId);
		else await runUpserts(batch, group, describe, userId);
	}

	if (contacts.size > 0) await writePrimaryContacts(batch, contacts);

	return batch.results.map(
		(result, index) =>
			result ??
			recordFailure(this, new Error('was not processed'), index, {
				action: actionName(operation, ''),
				flow: 'Xero → CRM',
				module: '',
				label: `item ${index + 1}`,
			}),
	);
}
