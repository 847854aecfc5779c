import { sleep } from '../../../../shared/sleep';
import { isFailedItem } from '../../../../shared/syncLog';
import { fieldTypes } from '../../../helpers/normalise';
import { collectPages } from '../../../helpers/paging';
import { recordLabel } from '../../../helpers/recordLabel';
import { RecordProblem } from '../../../helpers/recordProblem';
import { isUnchanged } from '../../../helpers/unchanged';
import {
	decideMatch,
	describeAlternative,
	matchWhere,
	oldestRecord,
	usableAlternatives,
} from '../../../helpers/upsertMatch';
import { withLimit } from '../../../helpers/vtql';
import type { DescribeResult, VtigerRecord } from '../../../transport';
import { encodedParamLength, VtigerApiError } from '../../../transport';
import {
	type Batch,
	checkWritten,
	currentRecord,
	dropBadReferences,
	fail,
	MATCH_BATCH,
	prepareAll,
	reviseOne,
	succeed,
} from './batch';
import { checkValues, type PreparedWrite } from './prepare';
import type { WriteInput } from './types';

/**
 * The lookup travels in the GET query string, URL-encoded. Apache's default request line limit is 8190 bytes and
 * many proxies stop at 8 KB; the session name, host and other parameters need the rest.
 */
export const MAX_LOOKUP_URL_CHARS = 6_500;

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

/** How long an ambiguous match may be another run's duplicate that it has not yet deleted (see settleCreateRaces). */
const SETTLE_WAIT_MS = { min: 2_000, max: 20_000 };

/**
 * One lookup query per chunk of items (see lookupChunks); then each item updates its single match, creates when
 * there is none, and fails when several records match. Records created earlier in the chunk are matched by later
 * items; later chunks look up after earlier ones wrote. A chunk that created records looks them up once more (see
 * settleCreateRaces). Several matches may be an overlapping run's duplicate about to be deleted, so those items are
 * tried once more after a wait as long as a chunk takes (within SETTLE_WAIT_MS) and only then fail.
 */
export async function runUpserts(
	batch: Batch,
	inputs: WriteInput[],
	describe: DescribeResult,
	userId: string,
	lastTry = false,
) {
	const ambiguous: WriteInput[] = [];
	let lastAmbiguousAt = 0;
	let longestChunkMs = 0;
	for (const chunk of lookupChunks(batch, checkedInputs(batch, inputs, describe), describe)) {
		const chunkStarted = Date.now();
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
		const created: CreatedRecord[] = [];
		for (const write of prepared) {
			const index = chunk.indexOf(write.input);
			// Decided again: an earlier item of this chunk may have created the record this one matches.
			const decision = decisions[index].kind === 'create' ? decideMatch(rows, alternatives[index]) : decisions[index];
			if (decision.kind === 'ambiguous' && !lastTry) {
				ambiguous.push(write.input);
				lastAmbiguousAt = Date.now();
				continue;
			}
			if (decision.kind === 'ambiguous') {
				const ids = decision.rows.map((row) => String(row.id)).join(', ');
				const message = `${describe.name} record ${write.label}: ${decision.rows.length} records match ${describeAlternative(decision.alternative)} (${ids}); merge them in the CRM or match on a more specific field`;
				fail(batch, write.input, new RecordProblem(message, 'AMBIGUOUS_MATCH'), write.label, describe);
				continue;
			}
			if (decision.kind === 'update') {
				await updateMatched(batch, write, decision.row, decisions[index].kind === 'create', describe);
				const result = batch.results[write.input.itemIndex];
				const at = rows.indexOf(decision.row);
				// Later items of the chunk match against what was just written.
				if (at >= 0 && result && !isFailedItem(result)) rows[at] = { ...decision.row, ...write.element, id: decision.row.id };
				continue;
			}
			const record = await createOrJoin(batch, write, describe);
			if (record) {
				created.push({ write, record });
				rows.push({ ...write.element, id: record.id });
			}
		}
		await settleCreateRaces(batch, created, prepared, describe);
		longestChunkMs = Math.max(longestChunkMs, Date.now() - chunkStarted);
	}
	if (ambiguous.length === 0) return;
	const settleMs = Math.min(Math.max(longestChunkMs, SETTLE_WAIT_MS.min), SETTLE_WAIT_MS.max);
	await sleep(lastAmbiguousAt + settleMs - Date.now());
	await runUpserts(batch, ambiguous, describe, userId, true);
}

async function updateMatched(
	batch: Batch,
	write: PreparedWrite,
	row: VtigerRecord,
	preparedAsCreate: boolean,
	describe: DescribeResult,
) {
	if (preparedAsCreate && !('assigned_user_id' in write.input.values)) {
		// Prepared as a create, so it carries defaults the matched record already has a say in.
		delete write.element.assigned_user_id;
	}
	const current = await currentRecord(batch, row, write.element);
	if (isUnchanged(current, write.element, fieldTypes(describe))) succeed(batch, write.input, current, describe);
	else await reviseOne(batch, write, String(row.id), describe);
}

interface CreatedRecord {
	write: PreparedWrite;
	record: VtigerRecord;
}

/**
 * Creates the record; when vtiger's duplicate prevention (Accounts by name) refuses it because another execution
 * created it after our lookup, updates that one instead. Returns the record when this call created it.
 */
async function createOrJoin(batch: Batch, write: PreparedWrite, describe: DescribeResult): Promise<VtigerRecord | undefined> {
	let record: VtigerRecord;
	try {
		record = await batch.client.create(describe.name, write.element);
	} catch (error) {
		const again = isDuplicateRefusal(error) ? await lookupAgain(batch, [write.input], describe) : undefined;
		const decision = again && decideMatch(again, usableAlternatives(write.input.alternatives));
		if (decision?.kind === 'update') await updateMatched(batch, write, decision.row, true, describe);
		else fail(batch, write.input, error, write.label, describe);
		return undefined;
	}
	checkWritten(batch, write, record, describe);
	return record;
}

/**
 * Modules without duplicate prevention (Contacts, custom modules such as XeroAccounts) take the same record from two
 * executions (queue workers, overlapping schedules) that both looked up before either created. So the chunk's new
 * records are looked up again, and every execution keeps the oldest of the records that now match: crmids only grow,
 * so they agree without talking. The later creator deletes its own record and sends its values, and those of the
 * items of the chunk that updated it, to the oldest.
 */
async function settleCreateRaces(batch: Batch, created: CreatedRecord[], prepared: PreparedWrite[], describe: DescribeResult) {
	if (created.length === 0) return;
	const rows = await lookupAgain(batch, created.map(({ write }) => write.input), describe);
	if (!rows) return;
	for (const { write, record } of created) {
		const decision = decideMatch(rows, usableAlternatives(write.input.alternatives));
		const oldest = decision.kind === 'ambiguous' ? oldestRecord(decision.rows) : undefined;
		if (!oldest || String(oldest.id) === String(record.id)) continue;
		const id = String(record.id);
		const writers = prepared.filter((other) => {
			const result = batch.results[other.input.itemIndex];
			return other === write || (result !== undefined && !isFailedItem(result) && String(result.json.id) === id);
		});
		try {
			await batch.client.delete(id);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			const message = `${describe.name} record ${write.label} was created as ${id} while another run created the same record as ${String(oldest.id)}; deleting the duplicate ${id} failed, so delete it in the CRM if it is still there. The CRM said: ${reason}`;
			for (const writer of writers) fail(batch, writer.input, new RecordProblem(message, 'DUPLICATE_CREATED'), writer.label, describe, id);
			continue;
		}
		for (const writer of writers) await updateMatched(batch, writer, oldest, true, describe);
	}
}

function isDuplicateRefusal(error: unknown): boolean {
	return error instanceof VtigerApiError && error.code === '0' && /duplicate/i.test(error.message);
}

/** Undefined when the lookup cannot be made or fails: the caller then keeps what it has. */
async function lookupAgain(batch: Batch, inputs: WriteInput[], describe: DescribeResult): Promise<VtigerRecord[] | undefined> {
	const base = lookupBase(describe.name, inputs);
	if (base === undefined) return undefined;
	try {
		return await collectPages((page) => batch.client.query(withLimit(base, page.offset, page.count)));
	} catch {
		return undefined;
	}
}
