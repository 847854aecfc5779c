import { DEMO_IDS } from '../../sandbox/vtiger';
import { invoiceJson } from '../xeroSync/support';
import { crmForBlock, type CrmRun, failureOf, fromXero, moduleParam, runCrm } from './workflow';

const crm = crmForBlock();

function autoMapped() {
	return { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };
}

const WRITES = ['create', 'revise', 'update', 'delete'];

/** Every write call the sandbox has answered so far, and the records it holds. */
function snapshot() {
	const calls = crm.state().calls;
	return {
		writes: WRITES.map((operation) => calls[operation] ?? 0),
		accounts: crm.records('Accounts'),
		invoices: crm.records('Invoice'),
	};
}

/** The run made no write and changed no record. */
async function withoutWrites(run: () => Promise<CrmRun>): Promise<CrmRun> {
	const before = snapshot();
	const result = await run();
	expect(snapshot()).toEqual(before);
	return result;
}

const byItem = (main: CrmRun['main']) =>
	Object.fromEntries(main.map((item) => [(item.pairedItem as { item: number }).item, item.json]));

describe('Preview (No Writes)', () => {
	const upsertAccounts = (writeOptions = {}) => ({
		operation: 'upsert',
		module: moduleParam('Accounts'),
		inputMode: 'fields',
		fields: autoMapped(),
		matchOn: ['accountname'],
		writeOptions: { preview: true, ...writeOptions },
	});

	test('Upsert: each item says what a real run would do, with the fields an update would change; nothing is written', async () => {
		const ridgeway = crm.records('Accounts').find((record) => record.id === DEMO_IDS.accounts.ridgeway) as Record<string, string>;
		const { main, errors } = await withoutWrites(() =>
			runCrm(crm, upsertAccounts(), [
				{ accountname: ridgeway.accountname, phone: ridgeway.phone },
				{ accountname: ridgeway.accountname, phone: '+64 9 555 0199', website: 'https://ridgeway.example' },
				{ accountname: 'Preview Newcomer Ltd', phone: '+64 4 000 0000' },
				{ accountname: '', phone: '1' },
				{ accountname: 'Preview Newcomer Ltd', phone: '+64 4 000 0000' },
			]),
		);
		expect(errors).toEqual([]);
		expect(main).toHaveLength(5);
		const out = byItem(main);
		expect(out[0]).toMatchObject({ syncResult: 'Preview', action: 'unchanged', id: DEMO_IDS.accounts.ridgeway, module: 'Accounts' });
		expect(out[0].changes).toBeUndefined();
		expect(out[1]).toMatchObject({
			syncResult: 'Preview',
			action: 'update',
			id: DEMO_IDS.accounts.ridgeway,
			changes: {
				phone: { old: ridgeway.phone, new: '+64 9 555 0199' },
				website: { old: '', new: 'https://ridgeway.example' },
			},
		});
		expect(Object.keys(out[1].changes as object).sort()).toEqual(['phone', 'website']);
		expect(out[2]).toMatchObject({
			syncResult: 'Preview',
			action: 'create',
			changes: { accountname: { old: null, new: 'Preview Newcomer Ltd' }, phone: { old: null, new: '+64 4 000 0000' } },
		});
		expect(out[2].id).toBeUndefined();
		expect(out[3]).toMatchObject({ syncResult: 'Preview', action: 'fail', code: 'INPUT' });
		expect(out[3].message).toMatch(/match field accountname has no value/);
		// A real run creates the record for item 2 and finds it again for item 4, which then changes nothing.
		expect(out[4]).toMatchObject({ syncResult: 'Preview', action: 'unchanged' });
	});

	test('Update: changes old → new, unchanged when equal, fail for a record that is not there; nothing is written', async () => {
		const { main } = await withoutWrites(() =>
			runCrm(
				crm,
				{
					operation: 'update',
					module: moduleParam('Accounts'),
					inputMode: 'fields',
					recordId: '={{ $json.id }}',
					fields: { mappingMode: 'defineBelow', value: { phone: '={{ $json.phone }}' }, matchingColumns: [], schema: [] },
					writeOptions: { preview: true },
				},
				[
					{ id: DEMO_IDS.accounts.bayside, phone: '+64 9 555 0111' },
					{ id: DEMO_IDS.accounts.marine, phone: '+64 9 555 0100' },
					{ id: '11x999999', phone: '1' },
				],
			),
		);
		const out = byItem(main);
		expect(out[0]).toMatchObject({ action: 'update', id: DEMO_IDS.accounts.bayside, changes: { phone: { old: '+64 9 555 0100', new: '+64 9 555 0111' } } });
		expect(out[1]).toMatchObject({ action: 'unchanged', id: DEMO_IDS.accounts.marine });
		expect(out[2]).toMatchObject({ action: 'fail', id: '11x999999' });
		expect(String(out[2].message)).toContain('11x999999');
	});

	test('Xero input: a bill is previewed as skip; Create previews the record it would make', async () => {
		const { main } = await withoutWrites(() =>
			runCrm(
				crm,
				fromXero('upsert', 'Invoice', { writeOptions: { preview: true } }),
				[invoiceJson(1, { Type: 'ACCPAY', InvoiceID: '0f1e2d3c-0000-4000-8000-000000000001' })],
			),
		);
		expect(main[0].json).toMatchObject({ syncResult: 'Preview', action: 'skip', message: expect.stringMatching(/bill \(ACCPAY\)/) });

		const created = await withoutWrites(() =>
			runCrm(
				crm,
				{ operation: 'create', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMapped(), writeOptions: { preview: true } },
				[{ accountname: 'Preview Only Pty' }],
			),
		);
		expect(created.main[0].json).toMatchObject({ syncResult: 'Preview', action: 'create', changes: { accountname: { old: null, new: 'Preview Only Pty' } } });
	});

	test('Xero input: what a real run would create on the side first (an organisation, the free-text service) is named, not made', async () => {
		const ridgeway = crm.records('Accounts').find((record) => record.id === DEMO_IDS.accounts.ridgeway) as Record<string, string>;
		const { main } = await withoutWrites(() =>
			runCrm(
				crm,
				fromXero('upsert', 'Invoice', { writeOptions: { preview: true } }),
				[
					invoiceJson(2, { Contact: { Name: 'Preview Unknown Customer' } }),
					invoiceJson(3, { Contact: { Name: ridgeway.accountname } }),
				],
			),
		);
		const out = byItem(main);
		expect(out[0]).toMatchObject({ action: 'fail', code: 'PREVIEW_NEEDS_WRITE', message: expect.stringContaining('"Preview Unknown Customer" is not in the CRM yet') });
		expect(out[1]).toMatchObject({ action: 'fail', code: 'PREVIEW_NEEDS_WRITE', message: expect.stringContaining('Product for Free-Text Lines') });
	});

	test('with the run summary, the counts say what would happen', async () => {
		const { main } = await withoutWrites(() =>
			runCrm(crm, { ...upsertAccounts(), runSummary: true }, [{ accountname: 'Summary Preview Ltd' }, { accountname: '' }]),
		);
		expect(main).toHaveLength(3);
		expect(main[2].json).toMatchObject({ runSummary: true, operation: 'upsert', module: 'Accounts', previewed: 2, wouldCreate: 1, wouldFail: 1, created: 0, failed: 0 });
	});
});

describe('Run summary', () => {
	test('a real upsert: one extra item on the main output with the counts, the time span and every input paired', async () => {
		const name = 'Summary Counted Ltd';
		await runCrm(crm, { operation: 'create', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMapped() }, [{ accountname: name, phone: '1' }]);
		const started = Date.now();
		const { main, errors, run } = await runCrm(
			crm,
			{ operation: 'upsert', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMapped(), matchOn: ['accountname'], runSummary: true },
			[
				{ accountname: name, phone: '1' },
				{ accountname: name, phone: '2' },
				{ accountname: 'Summary Fresh Ltd' },
				{ accountname: 'Summary Broken Ltd', account_id: '11x999999' },
			],
		);
		expect(errors.map((item) => failureOf(item).itemIndex)).toEqual([3]);
		expect(main.map((item) => item.json.syncResult)).toEqual(['Unchanged', 'Updated', 'Created', undefined]);
		const summary = main[3];
		expect(summary.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(summary.json).toMatchObject({
			runSummary: true,
			node: 'CRM',
			module: 'Accounts',
			operation: 'upsert',
			inputItems: 4,
			created: 1,
			updated: 1,
			unchanged: 1,
			skipped: 0,
			conflicts: 0,
			failed: 1,
		});
		expect(summary.json.previewed).toBeUndefined();
		const startedAt = Date.parse(String(summary.json.startedAt));
		const finishedAt = Date.parse(String(summary.json.finishedAt));
		expect(startedAt).toBeGreaterThanOrEqual(started - 1000);
		expect(finishedAt - startedAt).toBe(summary.json.durationMs);
		// n8n says "executed successfully" whatever the items say; the output panel warns how many failed.
		expect(run.raw.data.resultData.runData.CRM[0].hints).toEqual([
			expect.objectContaining({ type: 'warning', message: '1 of 4 records failed; they are on the error output as sync-log entries' }),
		]);
	});

	test('off by default: no summary item; a read counts what it returned', async () => {
		const plain = await runCrm(crm, { operation: 'get', module: moduleParam('Accounts'), recordId: DEMO_IDS.accounts.bayside });
		expect(plain.main).toHaveLength(1);
		expect(plain.run.raw.data.resultData.runData.CRM[0].hints ?? []).toEqual([]);
		const read = await runCrm(crm, { operation: 'get', module: moduleParam('Accounts'), recordId: DEMO_IDS.accounts.bayside, runSummary: true });
		expect(read.main[1].json).toMatchObject({ runSummary: true, operation: 'get', read: 1, failed: 0 });
	});
});
