import type { IDataObject } from 'n8n-workflow';

import type { ChangePageReader } from '../../nodes/shared/xero/changeCursor';
import { readChanges, readChangesUntilFailure, SECOND } from '../../nodes/shared/xero/changeCursor';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0, 0);
const PAGE = 3;
const record = (n: number, at: number): IDataObject => ({ ID: `r${n}`, UpdatedDateUTC: `/Date(${at}+0000)/` });

/** Xero's answer to "changed since, ordered by UpdatedDateUTC", PAGE a page, failing on the calls listed. */
function reader(records: IDataObject[], failOnCall: number[]) {
	let calls = 0;
	const read: ChangePageReader = async (since, page) => {
		calls += 1;
		if (failOnCall.includes(calls)) throw new Error(`call ${calls} failed`);
		const from = since === undefined ? -Infinity : Date.parse(since);
		const all = records.filter((r) => Number(/\d+/.exec(String(r.UpdatedDateUTC))?.[0]) >= from);
		const rows = all.slice((page - 1) * PAGE, page * PAGE);
		return { rows, full: rows.length === PAGE };
	};
	return read;
}

describe('reading changes until a call fails', () => {
	const spread = Array.from({ length: 10 }, (_, i) => record(i, T0 + i * 5 * SECOND));

	it('keeps what came before the failure, a prefix in time, and says what failed', async () => {
		const result = await readChangesUntilFailure(reader(spread, [3]), T0, { idField: 'ID', paged: true });
		expect(result.records.map((r) => r.ID)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
		expect(String((result.failure as Error).message)).toBe('call 3 failed');
		expect(result.holdMs).toBeUndefined();
		await expect(readChanges(reader(spread, [3]), T0, { idField: 'ID', paged: true })).rejects.toThrow('call 3 failed');
	});

	it('holds the cursor before a same-second group a failure cut short, which was never checked for shifts', async () => {
		// r0..r6 share one second: more than a page, so they are read by position.
		const group = [...Array.from({ length: 7 }, (_, i) => record(i, T0 + 10 * SECOND + i)), record(7, T0 + 20 * SECOND)];
		const result = await readChangesUntilFailure(reader(group, [3]), T0 + 10 * SECOND, { idField: 'ID', paged: true });
		expect(result.failure).toBeDefined();
		expect(result.records.map((r) => r.ID)).toEqual(['r0', 'r1', 'r2']);
		// As for a group that moved: the next window (a look-back before the held second) reads the group again.
		expect(result.holdMs).toBe(T0 + 11 * SECOND);
	});

	it('reads everything and sets no failure when every call answers', async () => {
		const result = await readChangesUntilFailure(reader(spread, []), T0, { idField: 'ID', paged: true });
		expect(result.records).toHaveLength(10);
		expect('failure' in result).toBe(false);
	});
});
