import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { ChangeCursorState, ChangePage } from '../../nodes/shared/xero/changeCursor';
import { advanceCursor, readChanges, startCursor, unprocessedChanges, updatedMs, windowStartMs } from '../../nodes/shared/xero/changeCursor';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0, 0);
const id = (n: number) => `3333333${n}-aaaa-bbbb-cccc-dddddddddddd`;

type Action =
	| { kind: 'update'; rec: number; gap: number }
	| { kind: 'leave'; rec: number }
	| { kind: 'none' };

/**
 * A server like Xero's list endpoints: ordered by UpdatedDateUTC, paged by position, If-Modified-Since in whole
 * seconds (inclusive or not), and between any two page reads records change (move to the end), leave the result
 * (archived, deleted, no longer matching a status filter) or come back (with a new timestamp). After the changes stop,
 * two quiet runs: every record in the result by then has had its final version delivered, and no version twice.
 */
describe('change reader with a result that shifts while its pages are read (issue 11, defect 2)', () => {
	it('never passes a record it did not deliver', async () => {
		const action: fc.Arbitrary<Action> = fc.oneof(
			fc.record({ kind: fc.constant('update' as const), rec: fc.integer({ min: 1, max: 9 }), gap: fc.integer({ min: 1, max: 2500 }) }),
			fc.record({ kind: fc.constant('leave' as const), rec: fc.integer({ min: 1, max: 9 }) }),
			fc.constant({ kind: 'none' as const }),
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(action, { maxLength: 60 }),
				fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
				fc.boolean(),
				fc.integer({ min: 1, max: 3 }),
				async (actions, runLengths, inclusive, pageSize) => {
					let now = T0 + 1;
					// record -> UpdatedDateUTC while it is in the result
					const live = new Map<number, number>();
					for (let rec = 1; rec <= 9; rec++) live.set(rec, (now += 300));
					let next = 0;
					const act = () => {
						const step = actions[next++];
						if (step === undefined || step.kind === 'none') return;
						if (step.kind === 'leave') live.delete(step.rec);
						else live.set(step.rec, (now += step.gap));
					};
					const page = (since: string | undefined, number: number): ChangePage => {
						act();
						const sinceMs = since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(since);
						const rows: IDataObject[] = [...live.entries()]
							.filter(([, at]) => (inclusive ? Math.floor(at / 1000) * 1000 >= sinceMs : at > sinceMs))
							.sort((a, b) => a[1] - b[1] || a[0] - b[0])
							.slice((number - 1) * pageSize, number * pageSize)
							.map(([rec, at]) => ({ ItemID: id(rec), UpdatedDateUTC: `/Date(${at}+0000)/` }));
						return { rows, full: rows.length === pageSize };
					};

					let state: ChangeCursorState = startCursor(T0);
					const delivered: string[] = [];
					const run = async () => {
						const { records, holdMs } = await readChanges(async (since, n) => page(since, n), windowStartMs(state), {
							idField: 'ItemID',
							paged: true,
						});
						const fresh = unprocessedChanges(
							state,
							records.map((r) => ({ id: String(r.ItemID), updatedMs: updatedMs(r) })),
						);
						delivered.push(...fresh.map((r) => `${r.id}@${r.updatedMs}`));
						state = JSON.parse(JSON.stringify(advanceCursor(state, fresh, holdMs))) as ChangeCursorState;
					};
					for (const length of runLengths) {
						await run();
						for (let i = 0; i < length; i++) act();
					}
					while (next < actions.length) act();
					await run();
					await run();

					expect(new Set(delivered).size).toBe(delivered.length);
					for (const [rec, at] of live) expect(delivered).toContain(`${id(rec)}@${at}`);
				},
			),
			{ numRuns: 1500 },
		);
	});
});
