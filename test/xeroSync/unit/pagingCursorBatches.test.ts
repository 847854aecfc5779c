import { XERO_RESOURCES } from '../../../nodes/shared/xero/resources';
import { clampBatchSize, splitIntoBatches } from '../../../nodes/XeroSync/helpers/batches';
import { batchIdempotencyKey } from '../../../nodes/XeroSync/helpers/idempotency';
import { listQuery } from '../../../nodes/XeroSync/get/listQuery';
import { hasMorePages } from '../../../nodes/XeroSync/get/paging';
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
