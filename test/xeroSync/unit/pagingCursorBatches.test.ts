import { XERO_RESOURCES } from '../../../nodes/shared/xero/resources';
import { clampBatchSize, splitIntoBatches } from '../../../nodes/XeroSync/helpers/batches';
import { applyChanges, changesSince, cursorKey, readCursor } from '../../../nodes/XeroSync/helpers/changeCursor';
import { batchIdempotencyKey } from '../../../nodes/XeroSync/helpers/idempotency';
import { listQuery } from '../../../nodes/XeroSync/helpers/listQuery';
import { hasMorePages } from '../../../nodes/XeroSync/helpers/paging';
import { runPool } from '../../../nodes/XeroSync/helpers/pool';

describe('batches', () => {
	it('splits into batches of at most 50', () => {
		expect(clampBatchSize(500)).toBe(50);
		expect(clampBatchSize(0)).toBe(50);
		expect(clampBatchSize(7)).toBe(7);
		expect(splitIntoBatches([...Array(120).keys()], 50).map((b) => b.length)).toEqual([50, 50, 20]);
	});
});

describe('idempotency key', () => {
	const parts = { executionId: 'e1', nodeId: 'n1', method: 'POST', path: '/Invoices', body: { Invoices: [{ a: 1 }] } };
	it('is stable for the same batch and changes with any part', () => {
		expect(batchIdempotencyKey(parts)).toBe(batchIdempotencyKey({ ...parts }));
		expect(batchIdempotencyKey(parts)).not.toBe(batchIdempotencyKey({ ...parts, executionId: 'e2' }));
		expect(batchIdempotencyKey(parts)).not.toBe(batchIdempotencyKey({ ...parts, body: { Invoices: [{ a: 2 }] } }));
		expect(batchIdempotencyKey(parts).length).toBeLessThanOrEqual(128);
	});
});

describe('hasMorePages', () => {
	it('stops on a short page or at the reported page count, without an empty-page call', () => {
		expect(hasMorePages(1, 100, 99)).toBe(false);
		expect(hasMorePages(1, 100, 100)).toBe(true);
		expect(hasMorePages(2, 100, 100, { pageCount: 2 })).toBe(false);
		expect(hasMorePages(2, 100, 100, { itemCount: 200 })).toBe(false);
		expect(hasMorePages(2, 100, 100, { itemCount: 201 })).toBe(true);
	});
});

describe('listQuery', () => {
	it('uses Xero parameters where they exist and ANDs the rest into where', () => {
		expect(
			listQuery(XERO_RESOURCES.invoice, {
				status: ['DRAFT', 'AUTHORISED'],
				contactId: 'c1',
				dateFrom: '2026-01-05',
				includeArchived: true,
				searchTerm: 'abc',
				where: 'Total>10',
			}),
		).toEqual({
			Statuses: 'DRAFT,AUTHORISED',
			ContactIDs: 'c1',
			includeArchived: true,
			searchTerm: 'abc',
			where: '(Date>=DateTime(2026, 1, 5)) AND (Total>10)',
		});
		expect(listQuery(XERO_RESOURCES.account, { status: ['ACTIVE'], searchTerm: 'ignored' })).toEqual({
			where: 'Status=="ACTIVE"',
		});
	});
});

describe('change cursor', () => {
	const rec = (id: string, updated: string) => ({ id, updated, record: { id, updated } });

	it('asks for changes since cursor minus the overlap', () => {
		expect(changesSince({ seen: {} }, 300)).toBeUndefined();
		expect(changesSince({ cursor: '2026-01-01T00:10:00.000Z', seen: {} }, 300)).toBe('2026-01-01T00:05:00.000Z');
		expect(changesSince({ seen: {} }, 0, '2026-02-01T00:00:00Z')).toBe('2026-02-01T00:00:00.000Z');
		expect(cursorKey('invoice', undefined)).toBe('changedSince:invoice:custom-connection');
		expect(readCursor(undefined)).toEqual({ seen: {} });
	});

	it('delivers each change once across runs, including ones at the boundary', () => {
		const first = applyChanges({ seen: {} }, [rec('a', '2026-01-01T00:00:00Z'), rec('b', '2026-01-01T00:01:00Z')], 300);
		expect(first.deliver.map((r) => r.id)).toEqual(['a', 'b']);
		expect(first.next.cursor).toBe('2026-01-01T00:01:00.000Z');
		// The overlap re-reads a and b; only c (same second as b) and a's new version are new.
		const second = applyChanges(
			first.next,
			[rec('b', '2026-01-01T00:01:00Z'), rec('c', '2026-01-01T00:01:00Z'), rec('a', '2026-01-01T00:02:00Z')],
			300,
		);
		expect(second.deliver.map((r) => r.id)).toEqual(['c', 'a']);
		expect(second.next.cursor).toBe('2026-01-01T00:02:00.000Z');
		const third = applyChanges(second.next, [], 300);
		expect(third.deliver).toEqual([]);
		expect(third.next.cursor).toBe(second.next.cursor);
	});

	it('holds the cursor at the moved record when a record shifted pages during the run', () => {
		const run = applyChanges(
			{ seen: {} },
			[rec('x', '2026-01-01T00:00:10Z'), rec('z', '2026-01-01T00:00:30Z'), rec('x', '2026-01-01T00:05:00Z')],
			60,
		);
		expect(run.deliver.map((r) => [r.id, r.updated])).toEqual([
			['z', '2026-01-01T00:00:30Z'],
			['x', '2026-01-01T00:05:00Z'],
		]);
		expect(run.next.cursor).toBe('2026-01-01T00:00:10.000Z');
		// the next run re-reads from there and delivers only the record that slipped between pages
		const next = applyChanges(
			run.next,
			[rec('y', '2026-01-01T00:00:20Z'), rec('z', '2026-01-01T00:00:30Z'), rec('x', '2026-01-01T00:05:00Z')],
			60,
		);
		expect(next.deliver.map((r) => r.id)).toEqual(['y']);
	});

	it('forgets delivered records once they are older than the overlap window', () => {
		const run = applyChanges(
			{ seen: {} },
			[rec('old', '2026-01-01T00:00:00Z'), rec('new', '2026-01-01T01:00:00Z')],
			60,
		);
		expect(Object.keys(run.next.seen)).toEqual(['new']);
	});
});

describe('runPool', () => {
	it('runs every task once, in start order, never more than the limit at a time', async () => {
		let running = 0;
		let peak = 0;
		const started: number[] = [];
		await runPool([...Array(12).keys()], 5, async (task) => {
			started.push(task);
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setTimeout(resolve, 5 + (task % 3)));
			running--;
		});
		expect(started).toEqual([...Array(12).keys()]);
		expect(peak).toBe(5);
	});
});
