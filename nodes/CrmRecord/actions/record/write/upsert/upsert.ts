import { sleep } from 'n8n-workflow';

import { isFailedItem } from '../../../../../shared/syncLog';
import { fieldTypes, type FieldTypes } from '../../../../helpers/normalise';
import { recordLabel } from '../../../../helpers/recordLabel';
import { RecordProblem } from '../../../../helpers/recordProblem';
import { decideMatch, describeAlternative, usableAlternatives } from '../../../../helpers/upsertMatch';
import type { DescribeResult, VtigerRecord } from '../../../../transport';
import type { PreparedWrite } from '../prepare';
import type { RefusedRevise, WriteRun } from '../run';
import type { WriteInput } from '../types';
import { createOrJoin, type CreatedRecord, settleCreateRaces } from './createRace';
import { checkedInputs, findCandidates, lookupChunks } from './lookups';
import { updateMatched } from './matched';

/** How long an ambiguous match may be another run's duplicate that it has not yet deleted (see settleCreateRaces). */
const SETTLE_WAIT_MS = { min: 2_000, max: 20_000 };

/** A revise still refused after the settle wait is tried again after these waits, then fails as a duplicate. */
const REVISE_RETRY_WAITS_MS = [3_000, 8_000];

/** What the walk over one module's chunks carries from chunk to chunk. */
interface Walk {
	run: WriteRun;
	describe: DescribeResult;
	userId: string;
	types: FieldTypes;
	lastTry: boolean;
	/** Items several records matched: looked up once more after the settle wait, unless this is that last try. */
	ambiguous: WriteInput[];
	lastAmbiguousAt: number;
	longestChunkMs: number;
}

/**
 * One lookup query per chunk of items (see lookupChunks); then each item updates its single match, creates when
 * there is none, and fails when several records match. Records created earlier in the chunk are matched by later
 * items; later chunks look up after earlier ones wrote. A chunk that created records looks them up once more (see
 * settleCreateRaces). Several matches may be an overlapping run's duplicate about to be deleted, so those items are
 * tried once more after a wait as long as a chunk takes (within SETTLE_WAIT_MS) and only then fail; revises refused
 * as duplicates while the chunks ran are sent again after the same wait.
 */
export async function upsertRecords(
	run: WriteRun,
	inputs: WriteInput[],
	describe: DescribeResult,
	userId: string,
	lastTry = false,
) {
	const walk: Walk = {
		run,
		describe,
		userId,
		types: fieldTypes(describe),
		lastTry,
		ambiguous: [],
		lastAmbiguousAt: 0,
		longestChunkMs: 0,
	};
	const refused: RefusedRevise[] = [];
	run.refusedRevises = refused;
	for (const chunk of lookupChunks(run, checkedInputs(run, inputs, describe), describe)) await upsertChunk(walk, chunk);
	run.refusedRevises = undefined;
	const { ambiguous } = walk;
	if (ambiguous.length === 0 && refused.length === 0) return;
	const settleMs = Math.min(Math.max(walk.longestChunkMs, SETTLE_WAIT_MS.min), SETTLE_WAIT_MS.max);
	await sleep((ambiguous.length > 0 ? walk.lastAmbiguousAt : Date.now()) + settleMs - Date.now());
	for (const { write, id } of refused) await run.revise(write, id, describe, REVISE_RETRY_WAITS_MS);
	if (ambiguous.length > 0) await upsertRecords(run, ambiguous, describe, userId, true);
}

async function upsertChunk(walk: Walk, chunk: WriteInput[]) {
	const { run, describe, types } = walk;
	const chunkStarted = Date.now();
	const alternatives = chunk.map((input) => usableAlternatives(input.alternatives));
	let rows: VtigerRecord[];
	try {
		rows = await findCandidates(run, chunk, describe);
	} catch (error) {
		for (const input of chunk) run.fail(input, error, recordLabel(input.values, describe, input.itemIndex), describe);
		return;
	}
	const decisions = chunk.map((input, index) => decideMatch(rows, alternatives[index], types));
	const prepared = await run.prepare(chunk, describe, walk.userId, (input) =>
		decisions[chunk.indexOf(input)].kind === 'create' ? 'create' : 'revise',
	);
	const created: CreatedRecord[] = [];
	for (const write of prepared) {
		const index = chunk.indexOf(write.input);
		// Decided again: an earlier item of this chunk may have created the record this one matches.
		const decision = decisions[index].kind === 'create' ? decideMatch(rows, alternatives[index], types) : decisions[index];
		if (decision.kind === 'ambiguous') {
			severalMatch(walk, write, decision.rows, describeAlternative(decision.alternative));
			continue;
		}
		if (decision.kind === 'update') {
			await updateMatched(run, write, decision.row, decisions[index].kind === 'create', describe);
			const result = run.results[write.input.itemIndex];
			const at = rows.indexOf(decision.row);
			// Later items of the chunk match against what was just written.
			if (at >= 0 && result && !isFailedItem(result)) rows[at] = { ...decision.row, ...write.element, id: decision.row.id };
			continue;
		}
		const record = await createOrJoin(run, write, describe);
		if (record) {
			if (!run.options.preview) created.push({ write, record });
			rows.push({ ...write.element, id: record.id });
		}
	}
	await settleCreateRaces(run, created, prepared, describe);
	walk.longestChunkMs = Math.max(walk.longestChunkMs, Date.now() - chunkStarted);
}

/** Waits for the last try (another run may be about to delete its copy), then fails as AMBIGUOUS_MATCH. */
function severalMatch(walk: Walk, write: PreparedWrite, rows: VtigerRecord[], matchedOn: string) {
	if (!walk.lastTry) {
		walk.ambiguous.push(write.input);
		walk.lastAmbiguousAt = Date.now();
		return;
	}
	const ids = rows.map((row) => String(row.id)).join(', ');
	const message = `${walk.describe.name} record ${write.label}: ${rows.length} records match ${matchedOn} (${ids}); merge them in the CRM or match on a more specific field`;
	walk.run.fail(write.input, new RecordProblem(message, 'AMBIGUOUS_MATCH'), write.label, walk.describe);
}
