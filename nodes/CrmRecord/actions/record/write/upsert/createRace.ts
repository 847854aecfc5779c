import { isFailedItem } from '../../../../../shared/syncLog';
import { fieldTypes } from '../../../../helpers/normalise';
import { RecordProblem } from '../../../../helpers/recordProblem';
import { decideMatch, oldestRecord, usableAlternatives } from '../../../../helpers/upsertMatch';
import { isDuplicateRefusal, type DescribeResult, type VtigerRecord } from '../../../../transport';
import { findCandidates } from './lookups';
import type { PreparedWrite } from '../prepare';
import type { WriteRun } from '../run';
import type { WriteInput } from '../types';
import { updateMatched } from './matched';

export interface CreatedRecord {
	write: PreparedWrite;
	record: VtigerRecord;
}

/**
 * Creates the record; when vtiger's duplicate prevention (Accounts by name) refuses it because another execution
 * created it after our lookup, updates that one instead. vtiger checks before it inserts with nothing locked between,
 * so overlapping runs may have made several copies by then: the refused create joins the oldest, the copy every run
 * keeps (see settleCreateRaces). Returns the record when this call created it.
 */
export async function createOrJoin(run: WriteRun, write: PreparedWrite, describe: DescribeResult): Promise<VtigerRecord | undefined> {
	if (run.options.preview) {
		// Nothing is created; later items of the chunk still match the record this one would create.
		run.previewCreate(write, describe);
		return { ...write.element, id: '' };
	}
	let record: VtigerRecord;
	try {
		record = await run.createInCrm(describe, write.element, write.label);
	} catch (error) {
		const again = isDuplicateRefusal(error) ? await lookupAgain(run, [write.input], describe) : undefined;
		const decision = again && decideMatch(again, usableAlternatives(write.input.alternatives), fieldTypes(describe));
		const survivor = decision?.kind === 'update' ? decision.row : decision?.kind === 'ambiguous' ? oldestRecord(decision.rows) : undefined;
		if (survivor) await updateMatched(run, write, survivor, true, describe);
		else run.fail(write.input, error, write.label, describe);
		return undefined;
	}
	run.checkWritten(write, record, describe, 'Created');
	return record;
}

/**
 * Modules without duplicate prevention (Contacts, custom modules such as XeroAccounts) take the same record from two
 * executions (queue workers, overlapping schedules) that both looked up before either created. So the chunk's new
 * records are looked up again, and every execution keeps the oldest of the records that now match: crmids only grow,
 * so they agree without talking. The later creator deletes its own record and sends its values, and those of the
 * items of the chunk that updated it, to the oldest.
 */
export async function settleCreateRaces(run: WriteRun, created: CreatedRecord[], prepared: PreparedWrite[], describe: DescribeResult) {
	if (created.length === 0) return;
	const rows = await lookupAgain(run, created.map(({ write }) => write.input), describe);
	if (!rows) return;
	for (const { write, record } of created) {
		const decision = decideMatch(rows, usableAlternatives(write.input.alternatives), fieldTypes(describe));
		const oldest = decision.kind === 'ambiguous' ? oldestRecord(decision.rows) : undefined;
		if (!oldest || String(oldest.id) === String(record.id)) continue;
		const id = String(record.id);
		const writers = prepared.filter((other) => {
			const result = run.results[other.input.itemIndex];
			return other === write || (result !== undefined && !isFailedItem(result) && String(result.json.id) === id);
		});
		try {
			await run.client.delete(id);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			const message = `${describe.name} record ${write.label} was created as ${id} while another run created the same record as ${String(oldest.id)}; deleting the duplicate ${id} failed, so delete it in the CRM if it is still there. The CRM said: ${reason}`;
			for (const writer of writers) run.fail(writer.input, new RecordProblem(message, 'DUPLICATE_CREATED'), writer.label, describe, id);
			continue;
		}
		for (const writer of writers) await updateMatched(run, writer, oldest, true, describe);
	}
}

/** Undefined when the lookup fails: the caller then keeps what it has. */
async function lookupAgain(run: WriteRun, inputs: WriteInput[], describe: DescribeResult): Promise<VtigerRecord[] | undefined> {
	try {
		return await findCandidates(run, inputs, describe);
	} catch {
		return undefined;
	}
}
