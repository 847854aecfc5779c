import type { IDataObject } from 'n8n-workflow';

import { entry, expectOneOutputPerInput, runSync, sandboxForEachTest, stats } from './support';

/**
 * Issue 16 item 3, Conflicts (Xero Sync Send side). The item carries the hash stored with its link at the last sync
 * (cf_xero_sync_hash); a Xero-only edit is not overwritten, a both-sides edit follows the policy, and a second run
 * writes nothing. A Xero edit is made here by a default-policy send (the sandbox sees it as any other write).
 */
const send = (conflictPolicy?: string) => ({
	resource: 'organisation',
	operation: 'send',
	inputMode: 'json',
	duplicateHandling: 'update',
	options: conflictPolicy ? { conflictPolicy } : {},
});

describe('Send, Conflict Policy', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	const base: IDataObject = { crmId: '11x1', Name: 'Both Ltd', EmailAddress: 'first@example.com' };

	/** Links the record under a policy and returns the hash the write-back would save. */
	async function link(policy: string): Promise<string> {
		const first = await runSync(xero, send(policy), [base]);
		expect(first.errors).toEqual([]);
		const hash = first.main[0].json.syncHash as string;
		expect(typeof hash).toBe('string');
		return hash;
	}

	async function editInXero(email: string): Promise<void> {
		const edit = await runSync(xero, send(), [{ ...base, EmailAddress: email }]);
		expect(edit.main[0].json.syncResult).toBe('Updated');
		xero.resetStats();
	}

	it('does not overwrite a Xero-only edit with the stale CRM copy, and a second run writes nothing', async () => {
		const hash = await link('fail');
		await editInXero('xero@example.com');
		for (let round = 0; round < 2; round++) {
			const run = await runSync(xero, send('fail'), [{ ...base, cf_xero_sync_hash: hash }]);
			expectOneOutputPerInput(run.main, run.errors, 1);
			expect(run.main[0].json).toMatchObject({ syncResult: 'Skipped', syncHash: hash, EmailAddress: 'xero@example.com', syncNote: expect.stringMatching(/Xero has the newer edit/) });
			expect(stats(xero).writes).toBe(0);
		}
	});

	it('a CRM-only edit is written and its new hash comes out; the next run is Unchanged', async () => {
		const hash = await link('fail');
		xero.resetStats();
		const run = await runSync(xero, send('fail'), [{ ...base, EmailAddress: 'crm@example.com', cf_xero_sync_hash: hash }]);
		expect(run.main[0].json).toMatchObject({ syncResult: 'Updated', EmailAddress: 'crm@example.com' });
		const next = run.main[0].json.syncHash as string;
		expect(next).not.toBe(hash);
		xero.resetStats();
		const again = await runSync(xero, send('fail'), [{ ...base, EmailAddress: 'crm@example.com', cf_xero_sync_hash: next }]);
		expect(again.main[0].json).toMatchObject({ syncResult: 'Unchanged', syncHash: next });
		expect(stats(xero).writes).toBe(0);
	});

	it.each([
		['xeroWins', 'Skipped', 'xero@example.com'],
		['crmWins', 'Updated', 'crm@example.com'],
	])('both sides changed under %s: %s', async (policy, result, email) => {
		const hash = await link(policy);
		await editInXero('xero@example.com');
		const run = await runSync(xero, send(policy), [{ ...base, EmailAddress: 'crm@example.com', cf_xero_sync_hash: hash }]);
		expect(run.errors).toEqual([]);
		expect(run.main[0].json).toMatchObject({ syncResult: result, EmailAddress: email });
		expect(stats(xero).writes).toBe(result === 'Updated' ? 1 : 0);
	});

	it('both sides changed under newest: the later edit wins (CRM modifiedtime vs Xero UpdatedDateUTC)', async () => {
		const hash = await link('newest');
		await editInXero('xero@example.com');
		const older = await runSync(xero, send('newest'), [
			{ ...base, EmailAddress: 'crm@example.com', cf_xero_sync_hash: hash, modifiedtime: '2000-01-01 00:00:00' },
		]);
		expect(older.main[0].json).toMatchObject({ syncResult: 'Skipped', EmailAddress: 'xero@example.com' });
		const newer = await runSync(xero, send('newest'), [
			{ ...base, EmailAddress: 'crm@example.com', cf_xero_sync_hash: hash, modifiedtime: '2999-01-01 00:00:00' },
		]);
		expect(newer.main[0].json).toMatchObject({ syncResult: 'Updated', EmailAddress: 'crm@example.com' });
	});

	it('both sides changed under fail: a CONFLICT sync-log entry naming both versions, nothing written', async () => {
		const hash = await link('fail');
		await editInXero('xero@example.com');
		const run = await runSync(xero, send('fail'), [{ ...base, EmailAddress: 'crm@example.com', cf_xero_sync_hash: hash }]);
		expectOneOutputPerInput(run.main, run.errors, 1);
		expect(run.main).toEqual([]);
		const failure = entry(run.errors[0]) as unknown as IDataObject;
		expect(JSON.stringify(failure)).toMatch(/CONFLICT/);
		expect(JSON.stringify(failure)).toMatch(/Both Ltd/);
		expect(JSON.stringify(failure)).toMatch(/crm@example\.com/);
		expect(JSON.stringify(failure)).toMatch(/xero@example\.com/);
		expect(stats(xero).writes).toBe(0);
	});

	it('the default policy keeps today\'s behaviour: the stale CRM copy is written', async () => {
		const hash = await link('fail');
		await editInXero('xero@example.com');
		const run = await runSync(xero, send(), [{ ...base, cf_xero_sync_hash: hash }]);
		expect(run.main[0].json).toMatchObject({ syncResult: 'Updated', EmailAddress: 'first@example.com' });
		expect(run.main[0].json.syncHash).toBeUndefined();
	});
});
