import fc from 'fast-check';

import type { ChangedRecord, ChangeCursorState as CursorState } from '../../nodes/shared/xero/changeCursor';
import {
	advanceCursor,
	httpInstant,
	SECOND as LOOKBACK_MS,
	startCursor,
	unprocessedChanges,
	windowStartMs,
} from '../../nodes/shared/xero/changeCursor';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0, 0);
const id = (n: number) => `0000000${n}-aaaa-bbbb-cccc-dddddddddddd`;

describe('polling cursor', () => {
	it('asks from one second before the cursor second, in whole UTC seconds', () => {
		const state = startCursor(T0 + 400);
		expect(windowStartMs(state)).toBe(T0 - LOOKBACK_MS);
		expect(httpInstant(windowStartMs(state))).toBe('2026-11-21T11:59:59Z');
	});

	it('emits nothing from before the start (first activation does not flood)', () => {
		const state = startCursor(T0 + 500);
		const records = [
			{ id: id(1), updatedMs: T0 - 200 },
			{ id: id(2), updatedMs: T0 + 499 },
			{ id: id(3), updatedMs: T0 + 500 },
		];
		expect(unprocessedChanges(state, records).map((r) => r.id)).toEqual([id(3)]);
	});

	it('skips a change already processed in the same second, emits a later change in that second', () => {
		let state = startCursor(T0);
		const first = unprocessedChanges(state, [{ id: id(1), updatedMs: T0 + 100 }]);
		expect(first).toHaveLength(1);
		state = advanceCursor(state, first);
		// Next poll: Xero answers with the boundary record again plus one changed later in the same second.
		const second = unprocessedChanges(state, [
			{ id: id(1), updatedMs: T0 + 100 },
			{ id: id(2), updatedMs: T0 + 800 },
		]);
		expect(second.map((r) => r.id)).toEqual([id(2)]);
		state = advanceCursor(state, second);
		expect(state.cursorMs).toBe(T0 + 800);
		// The same record changed again within that second is a new change.
		const third = unprocessedChanges(state, [
			{ id: id(1), updatedMs: T0 + 100 },
			{ id: id(1), updatedMs: T0 + 900 },
			{ id: id(2), updatedMs: T0 + 800 },
		]);
		expect(third).toEqual([{ id: id(1), updatedMs: T0 + 900 }]);
	});

	it('does not re-emit an older version of a record than the one processed', () => {
		const state = advanceCursor(startCursor(T0), [{ id: id(1), updatedMs: T0 + 900 }]);
		expect(unprocessedChanges(state, [{ id: id(1), updatedMs: T0 + 300 }])).toEqual([]);
	});

	it('keeps one change per record per poll, the newest', () => {
		const state = startCursor(T0);
		const result = unprocessedChanges(state, [
			{ id: id(1), updatedMs: T0 + 2000 },
			{ id: id(1), updatedMs: T0 + 5000 },
		]);
		expect(result).toEqual([{ id: id(1), updatedMs: T0 + 5000 }]);
	});

	it('forgets processed changes once they fall out of the look-back window', () => {
		let state = advanceCursor(startCursor(T0), [{ id: id(1), updatedMs: T0 + 100 }]);
		state = advanceCursor(state, [{ id: id(2), updatedMs: T0 + 5_000 }]);
		expect(Object.keys(state.processed)).toEqual([id(2)]);
	});

	it('does not move when nothing new was processed', () => {
		const state = advanceCursor(startCursor(T0), [{ id: id(1), updatedMs: T0 + 100 }]);
		expect(advanceCursor(state, [])).toEqual(state);
	});

	it('stays plain JSON (it is stored in static data)', () => {
		const state = advanceCursor(startCursor(T0), [{ id: id(1), updatedMs: T0 + 100 }]);
		expect(JSON.parse(JSON.stringify(state))).toEqual(state);
	});

	/**
	 * Model check: a stream of changes (record, time) becomes visible over a series of polls; each poll sees every
	 * change visible so far whose time is at or after its If-Modified-Since (the server's view), the cursor persists
	 * through JSON. Every change that is still the newest version of its record at poll time is delivered exactly once.
	 */
	it('delivers every change once and none twice across any sequence of polls', () => {
		const change = fc.record({ rec: fc.integer({ min: 1, max: 6 }), at: fc.integer({ min: 0, max: 6000 }) });
		fc.assert(
			fc.property(
				fc.array(change, { maxLength: 40 }),
				fc.array(fc.integer({ min: 0, max: 7000 }), { minLength: 1, maxLength: 12 }),
				fc.boolean(),
				(changes, pollTimes, inclusive) => {
					const polls = [...new Set(pollTimes)].sort((a, b) => a - b).concat(9000);
					let state: CursorState = startCursor(T0);
					const delivered: string[] = [];
					for (const pollAt of polls) {
						const since = Date.parse(httpInstant(windowStartMs(state)));
						// Current version of each record: the latest change visible at poll time.
						const current = new Map<number, number>();
						for (const c of changes) {
							if (c.at > pollAt) continue;
							current.set(c.rec, Math.max(current.get(c.rec) ?? -1, c.at));
						}
						const answer: ChangedRecord[] = [...current.entries()]
							.map(([rec, at]) => ({ id: id(rec), updatedMs: T0 + at }))
							// Xero's second precision: compare the record's second with the header's second.
							.filter((r) => {
								const second = Math.floor(r.updatedMs / 1000) * 1000;
								return inclusive ? second >= since : r.updatedMs > since;
							});
						const fresh = unprocessedChanges(state, answer);
						delivered.push(...fresh.map((r) => `${r.id}@${r.updatedMs}`));
						state = JSON.parse(JSON.stringify(advanceCursor(state, fresh))) as CursorState;
					}
					expect(new Set(delivered).size).toBe(delivered.length);
					// The final version of every record must have been delivered.
					const finalVersions = new Map<number, number>();
					for (const c of changes) finalVersions.set(c.rec, Math.max(finalVersions.get(c.rec) ?? -1, c.at));
					for (const [rec, at] of finalVersions) expect(delivered).toContain(`${id(rec)}@${T0 + at}`);
				},
			),
			{ numRuns: 300 },
		);
	});
});
