import type { INodeExecutionData } from 'n8n-workflow';

import { CONFLICT_CODE, countResults, runSummaryJson } from '../../nodes/shared/runSummary';
import { failedItem } from '../../nodes/shared/syncLog';

const node = { id: '1', name: 'Sync', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

function result(syncResult: string, extra = {}): INodeExecutionData {
	return { json: { id: '11x1', syncResult, ...extra }, pairedItem: { item: 0 } };
}

function failure(code?: string): INodeExecutionData {
	return failedItem(node, { app: 'CRM', action: 'Upsert Accounts', flow: 'Xero → CRM', message: 'bad', code }, 0);
}

describe('countResults', () => {
	test('counts each syncResult once, failures from their sync-log entries and conflicts apart from them', () => {
		const counts = countResults([
			result('Created'),
			result('Created'),
			result('Updated'),
			result('Unchanged'),
			result('Skipped'),
			failure('INPUT'),
			failure(CONFLICT_CODE),
			result('Conflict'),
		]);
		expect(counts).toEqual({ created: 2, updated: 1, unchanged: 1, skipped: 1, conflicts: 2, failed: 1, deleted: 0, read: 0 });
	});

	test('reads count as read, deletions as deleted; an unknown syncResult counts under its own name', () => {
		const counts = countResults([
			{ json: { InvoiceID: 'a' } },
			{ json: { id: '11x2', module: 'Accounts', deleted: true } },
			result('Linked'),
		]);
		expect(counts).toMatchObject({ read: 1, deleted: 1, linked: 1, created: 0, failed: 0 });
	});

	test('a preview counts what would happen, and nothing as done', () => {
		const counts = countResults([
			result('Preview', { action: 'create' }),
			result('Preview', { action: 'update' }),
			result('Preview', { action: 'update' }),
			result('Preview', { action: 'unchanged' }),
			result('Preview', { action: 'skip' }),
			result('Preview', { action: 'fail' }),
		]);
		expect(counts).toEqual({
			created: 0,
			updated: 0,
			unchanged: 1,
			skipped: 1,
			conflicts: 0,
			failed: 0,
			deleted: 0,
			read: 0,
			previewed: 6,
			wouldCreate: 1,
			wouldUpdate: 2,
			wouldConflict: 0,
			wouldFail: 1,
		});
	});

	test('no items, all zero and no preview counts', () => {
		expect(countResults([])).toEqual({ created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, failed: 0, deleted: 0, read: 0 });
	});
});

test('runSummaryJson: marked, scoped, timed', () => {
	const startedAt = new Date('2026-01-02T03:04:05.000Z');
	const finishedAt = new Date('2026-01-02T03:04:06.250Z');
	const json = runSummaryJson('Xero Sync', { resource: 'invoice', operation: 'send' }, { startedAt, finishedAt }, 3, countResults([result('Created')]));
	expect(json).toMatchObject({
		runSummary: true,
		node: 'Xero Sync',
		resource: 'invoice',
		operation: 'send',
		startedAt: '2026-01-02T03:04:05.000Z',
		finishedAt: '2026-01-02T03:04:06.250Z',
		durationMs: 1250,
		inputItems: 3,
		created: 1,
	});
	expect(Object.keys(json)[0]).toBe('runSummary');
});
