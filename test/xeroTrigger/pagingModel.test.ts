import fc from 'fast-check';

import type { ChangedRecord, CursorState } from '../../nodes/XeroTrigger/helpers/cursor';
import {
	advanceCursor,
	ifModifiedSince,
	pagingHold,
	startCursor,
	unprocessedChanges,
} from '../../nodes/XeroTrigger/helpers/cursor';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0, 0);
const PAGE_SIZE = 2;
const id = (n: number) => `2222222${n}-aaaa-bbbb-cccc-dddddddddddd`;

type Action = { kind: 'update'; rec: number; gap: number } | { kind: 'read' };

/**
 * A server that orders changes by UpdatedDateUTC and pages by position, with records updated between the reads of
 * one poll's pages. Whatever the interleaving, every record's final version is delivered, and no version twice.
 */
describe('polling cursor with pages that shift while they are read', () => {
	it('delivers every final version once', () => {
		const action: fc.Arbitrary<Action> = fc.oneof(
			fc.record({
				kind: fc.constant('update' as const),
				rec: fc.integer({ min: 1, max: 7 }),
				gap: fc.integer({ min: 1, max: 900 }),
			}),
			fc.constant({ kind: 'read' as const }),
		);
		fc.assert(
			fc.property(fc.array(action, { maxLength: 80 }), fc.boolean(), (actions, inclusive) => {
				let now = T0 + 1;
				const current = new Map<number, number>();
				let state: CursorState = startCursor(T0);
				const delivered: string[] = [];
				let page = 0;
				let read: ChangedRecord[] = [];
				let firstPageDate = 0;

				const answer = (): ChangedRecord[] => {
					const since = Date.parse(ifModifiedSince(state));
					return [...current.entries()]
						.map(([rec, at]) => ({ id: id(rec), updatedMs: at }))
						.filter((r) => (inclusive ? Math.floor(r.updatedMs / 1000) * 1000 >= since : r.updatedMs > since))
						.sort((a, b) => a.updatedMs - b.updatedMs || a.id.localeCompare(b.id));
				};
				const readPage = () => {
					page++;
					// The Date header of the first page's answer: server time, whole seconds.
					if (page === 1) firstPageDate = Math.floor(now / 1000) * 1000;
					const rows = answer().slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
					read.push(...rows);
					if (rows.length < PAGE_SIZE) {
						const fresh = unprocessedChanges(state, read);
						delivered.push(...fresh.map((r) => `${r.id}@${r.updatedMs}`));
						state = JSON.parse(
							JSON.stringify(advanceCursor(state, fresh, pagingHold(read, page > 1 ? firstPageDate : undefined))),
						) as CursorState;
						page = 0;
						read = [];
					}
				};

				for (const step of actions) {
					if (step.kind === 'update') {
						now += step.gap;
						current.set(step.rec, now);
					} else {
						readPage();
					}
				}
				// Quiet time: finish the poll under way, then two complete polls with nothing changing.
				while (page !== 0) readPage();
				for (let poll = 0; poll < 2; poll++) {
					readPage();
					while (page !== 0) readPage();
				}

				expect(new Set(delivered).size).toBe(delivered.length);
				for (const [rec, at] of current) expect(delivered).toContain(`${id(rec)}@${at}`);
			}),
			{
				numRuns: 3000,
				examples: [
					[
						[
							{ kind: 'update', rec: 2, gap: 1 },
							{ kind: 'update', rec: 1, gap: 1 },
							{ kind: 'read' },
							{ kind: 'update', rec: 1, gap: 263 },
							{ kind: 'update', rec: 1, gap: 698 },
							{ kind: 'update', rec: 2, gap: 331 },
							{ kind: 'update', rec: 3, gap: 705 },
						],
						false,
					],
				],
			},
		);
	});
});
