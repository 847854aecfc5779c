import { collectPages } from '../../../../helpers/paging';
import { recordLabel } from '../../../../helpers/recordLabel';
import { RecordProblem } from '../../../../helpers/recordProblem';
import { matchWhere, usableAlternatives } from '../../../../helpers/upsertMatch';
import { withLimit } from '../../../../helpers/vtql';
import type { DescribeResult, VtigerRecord } from '../../../../transport';
import { encodedParamLength } from '../../../../transport';
import type { WriteRun } from '../run';
import { checkValues } from '../prepare';
import type { WriteInput } from '../types';

/** Items per upsert lookup query. */
const MATCH_BATCH = 100;

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
export function lookupChunks(run: WriteRun, inputs: WriteInput[], describe: DescribeResult): WriteInput[][] {
	const chunks: WriteInput[][] = [];
	let current: WriteInput[] = [];
	for (const input of inputs) {
		let alone: number;
		try {
			alone = lookupUrlLength(lookupBase(describe.name, [input]));
		} catch (error) {
			run.fail(input, error, recordLabel(input.values, describe, input.itemIndex), describe);
			continue;
		}
		if (alone > MAX_LOOKUP_URL_CHARS) {
			const label = recordLabel(input.values, describe, input.itemIndex);
			const fields = usableAlternatives(input.alternatives).flat().map((pair) => pair.field);
			const message = `${describe.name} record ${label}: the value of the match field ${[...new Set(fields)].join(', ')} is too long to look up in the CRM (the lookup would be ${alone} characters in the request URL; the limit is ${MAX_LOOKUP_URL_CHARS}). Shorten the value or change "Match On" to another field.`;
			run.fail(input, new RecordProblem(message, 'MATCH_VALUE_TOO_LONG'), label, describe);
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
export function checkedInputs(run: WriteRun, inputs: WriteInput[], describe: DescribeResult): WriteInput[] {
	return inputs.filter((input) => {
		try {
			checkValues(input, describe);
			return true;
		} catch (error) {
			run.fail(input, error, recordLabel(input.values, describe, input.itemIndex), describe);
			return false;
		}
	});
}

/** Every record that may match one of the items: one query (paged past vtiger's 100-row cap). */
export async function findCandidates(run: WriteRun, inputs: WriteInput[], describe: DescribeResult): Promise<VtigerRecord[]> {
	const base = lookupBase(describe.name, inputs);
	if (base === undefined) return [];
	return await collectPages((page) => run.client.query(withLimit(base, page.offset, page.count)));
}
