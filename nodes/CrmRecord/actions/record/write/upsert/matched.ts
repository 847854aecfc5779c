import { fieldTypes } from '../../../../helpers/normalise';
import { isUnchanged } from '../../../../helpers/unchanged';
import type { DescribeResult, VtigerRecord } from '../../../../transport';
import type { PreparedWrite } from '../prepare';
import { settledByPolicy } from '../conflicts';
import type { WriteRun } from '../run';

/** Updates the record an upsert matched, or leaves it alone when nothing would change. */
export async function updateMatched(
	run: WriteRun,
	write: PreparedWrite,
	row: VtigerRecord,
	preparedAsCreate: boolean,
	describe: DescribeResult,
) {
	if (preparedAsCreate && !('assigned_user_id' in write.input.values)) {
		// Prepared as a create, so it carries defaults the matched record already has a say in.
		delete write.element.assigned_user_id;
	}
	const current = await run.currentRecord(row, write.element);
	if (await settledByPolicy(run, write, current, describe, String(row.id))) return;
	if (isUnchanged(current, write.element, fieldTypes(describe))) run.unchanged(write, current, describe);
	else await run.revise(write, String(row.id), describe, [], current);
}
