import { sleep } from 'n8n-workflow';
import { isFailedItem } from '../../../../shared/syncLog';
import { fieldTypes } from '../../../helpers/normalise';
import { recordLabel } from '../../../helpers/recordLabel';
import { RecordProblem } from '../../../helpers/recordProblem';
import { decideMatch, describeAlternative, usableAlternatives } from '../../../helpers/upsertMatch';
import type { DescribeResult, VtigerRecord } from '../../../transport';
import { createOrJoin, type CreatedRecord, settleCreateRaces } from './createRace';
import { checkedInputs, findCandidates, lookupChunks } from './lookups';
import { updateMatched } from './matched';
import type { RefusedRevise, WriteRun } from './run';
import type { WriteInput } from './types';

/** How long an ambiguous match may be another run's duplicate that it has not yet deleted (see settleCreateRaces). */
const SETTLE_WAIT_MS = { min: 2_000, max: 20_000 };

/** A revise still refused after the settle wait is tried again after these waits, then fails as a duplicate. */
const REVISE_RETRY_WAITS_MS = [3_000, 8_000];

/**
 * One lookup query per chunk of items (see lookupChunks); then each item updates its single match, creates when
 * there is none, and fails when several records match. Records created earlier in the chunk are matched by later
 * items; later chunks look up after earlier ones wrote. A chunk that created records looks them up once more (see
 * settleCreateRaces). Several matches may be an overlapping run's duplicate about to be deleted, so those items are
 * tried once more after a wait as long as a chunk takes (within SETTLE_WAIT_MS) and only then fail.
 */
export async function upsertRecords(
	run: WriteRun,
	inputs: WriteInput[],
	describe: DescribeResult,
	userId: string,
	lastTry = false,
) {
	const ambiguous: WriteInput[] = [];
	let lastAmbiguousAt = 0;
	let longestChunkMs = 0;
	const refused: RefusedRevise[] = [];
	const types = fieldTypes(describe);
	run.refusedRevises = refused;
	for (const chunk of lookupChunks(run, checkedInputs(run, inputs, describe), describe)) {
		const chunkStarted = Date.now();
		const alternatives = chunk.map((input) => usableAlternatives(input.alternatives));
		let rows: VtigerRecord[];
		try {
			rows = await findCandidates(run, chunk, describe);
		} catch (error) {
			for (const input of chunk) run.fail(input, error, recordLabel(input.values, describe, input.itemIndex), describe);
			continue;
		}
		const decisions = chunk.map((input, index) => decideMatch(rows, alternatives[index], types));
		const prepared = await run.prepare(chunk, describe, userId, (input) =>
			decisions[chunk.indexOf(input)].kind === 'create' ? 'create' : 'revise',
		);
		const created: CreatedRecord[] = [];
		for (const write of prepared) {
			const index = chunk.indexOf(write.input);
			// Decided again: an earlier item of this chunk may have created the record this one matches.
			const decision = decisions[index].kind === 'create' ? decideMatch(rows, alternatives[index], types) : decisions[index];
			if (decision.kind === 'ambiguous' && !lastTry) {
				ambiguous.push(write.input);
				lastAmbiguousAt = Date.now();
				continue;
			}
			if (decision.kind === 'ambiguous') {
				const ids = decision.rows.map((row) => String(row.id)).join(', ');
				const message = `${describe.name} record ${write.label}: ${decision.rows.length} records match ${describeAlternative(decision.alternative)} (${ids}); merge them in the CRM or match on a more specific field`;
				run.fail(write.input, new RecordProblem(message, 'AMBIGUOUS_MATCH'), write.label, describe);
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
				created.push({ write, record });
				rows.push({ ...write.element, id: record.id });
			}
		}
		await settleCreateRaces(run, created, prepared, describe);
		longestChunkMs = Math.max(longestChunkMs, Date.now() - chunkStarted);
	}
	run.refusedRevises = undefined;
	if (ambiguous.length === 0 && refused.length === 0) return;
	const settleMs = Math.min(Math.max(longestChunkMs, SETTLE_WAIT_MS.min), SETTLE_WAIT_MS.max);
	await sleep((ambiguous.length > 0 ? lastAmbiguousAt : Date.now()) + settleMs - Date.now());
	for (const { write, id } of refused) await run.revise(write, id, describe, REVISE_RETRY_WAITS_MS);
	if (ambiguous.length > 0) await upsertRecords(run, ambiguous, describe, userId, true);
}
