import { fieldTypes } from '../../../helpers/normalise';
import { collectPages, VTIGER_PAGE_SIZE } from '../../../helpers/paging';
import { RecordProblem } from '../../../helpers/recordProblem';
import { isUnchanged } from '../../../helpers/unchanged';
import { idProblem } from '../../../helpers/validateRecord';
import { vtqlString, withLimit } from '../../../helpers/vtql';
import type { DescribeResult, VtigerRecord } from '../../../transport';
import { settledByPolicy } from './conflicts';
import type { WriteRun } from './run';
import type { WriteInput } from './types';

/** The records about to be updated, one query (one page) per 100 ids; missing ones are left for revise to report. */
async function currentRows(run: WriteRun, module: string, ids: string[]): Promise<Map<string, VtigerRecord>> {
	const rows = new Map<string, VtigerRecord>();
	const unique = [...new Set(ids)];
	for (let start = 0; start < unique.length; start += VTIGER_PAGE_SIZE) {
		const chunk = unique.slice(start, start + VTIGER_PAGE_SIZE);
		const base = `SELECT * FROM ${module} WHERE id IN (${chunk.map(vtqlString).join(', ')})`;
		try {
			for (const row of await collectPages((page) => run.client.query(withLimit(base, page.offset, page.count)))) {
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
export async function updateRecords(run: WriteRun, inputs: WriteInput[], describe: DescribeResult, userId: string) {
	const types = fieldTypes(describe);
	const withId = inputs.filter((input) => {
		const problem = input.recordId ? idProblem(input.recordId, describe) : 'Record ID is empty';
		if (!problem) return true;
		const label = input.recordId || `item ${input.itemIndex + 1}`;
		run.fail(input, new RecordProblem(`${describe.name} record ${label}: ${problem}`, 'WRONG_MODULE'), label, describe);
		return false;
	});
	const prepared = await run.prepare(withId, describe, userId, () => 'revise');
	const rows = await currentRows(run, describe.name, prepared.map((write) => write.input.recordId as string));
	for (const write of prepared) {
		const id = write.input.recordId as string;
		const row = rows.get(id);
		const current = row && (await run.currentRecord(row, write.element));
		if (current && (await settledByPolicy(run, write, current, describe, id))) continue;
		if (current && isUnchanged(current, write.element, types)) {
			run.unchanged(write, current, describe);
			continue;
		}
		await run.revise(write, id, describe, [], current);
	}
}
