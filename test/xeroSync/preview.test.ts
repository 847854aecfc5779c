import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { chain, manualTrigger, node, runWorkflow } from '../harness';
import { customCredentials, expectOneOutputPerInput, runSync, sandboxForEachTest, stats, SYNC } from './support';

/**
 * Issue 16 item 5: Send's "Preview (No Writes)". Each item comes out with the action a real run would give it
 * (create, update with old → new, unchanged, skip, fail), only reads reach Xero, and a real run afterwards does
 * what the preview said.
 */
const send = (duplicateHandling: string, preview = true) => ({
	resource: 'organisation',
	operation: 'send',
	inputMode: 'json',
	duplicateHandling,
	options: preview ? { preview: true } : {},
});

const byName = (items: INodeExecutionData[]) => Object.fromEntries(items.map((item) => [String(item.json.label), item.json]));

describe('Send, Preview (No Writes)', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	const existing: IDataObject[] = [
		{ crmId: '11x1', Name: 'Same Ltd', EmailAddress: 'same@example.com' },
		{ crmId: '11x2', Name: 'Moved Ltd', EmailAddress: 'old@example.com' },
	];
	const input: IDataObject[] = [
		{ crmId: '11x1', Name: 'Same Ltd', EmailAddress: 'same@example.com' },
		{ crmId: '11x2', Name: 'Moved Ltd', EmailAddress: 'new@example.com' },
		{ crmId: '11x3', Name: 'New Ltd', EmailAddress: 'new.ltd@example.com' },
		{ crmId: '11x4', EmailAddress: 'nameless@example.com' },
	];

	async function seed(): Promise<void> {
		const first = await runSync(xero, send('skip', false), existing);
		expect(first.errors).toEqual([]);
		xero.resetStats();
	}

	it('under Update Existing: says create, update (old → new), unchanged and fail, and writes nothing', async () => {
		await seed();
		const before = xero.state();
		const run = await runSync(xero, send('update'), input);
		expectOneOutputPerInput(run.main, run.errors, input.length);
		expect(run.errors).toEqual([]);
		const items = byName(run.main);
		expect(run.main.every((item) => item.json.syncResult === 'Preview')).toBe(true);
		expect(items['Organisation "Same Ltd"']).toMatchObject({ action: 'unchanged', crmId: '11x1' });
		expect(items['Organisation "Moved Ltd"']).toMatchObject({
			action: 'update',
			changes: { EmailAddress: { old: 'old@example.com', new: 'new@example.com' } },
		});
		expect(Object.keys(items['Organisation "Moved Ltd"'].changes as IDataObject)).toEqual(['EmailAddress']);
		expect(items['Organisation "New Ltd"']).toMatchObject({ action: 'create', changes: { Name: { old: null, new: 'New Ltd' } } });
		// Checks made before any call fail in a preview too; what only Xero's write would refuse cannot be foreseen.
		expect(items['Organisation (CRM 11x4)']).toMatchObject({ action: 'fail', code: expect.any(String), message: expect.stringMatching(/Name/) });
		// Only reads reached Xero, and Xero holds what it held.
		expect(stats(xero).writes).toBe(0);
		expect(Object.keys(stats(xero).byPath).every((path) => path.startsWith('GET '))).toBe(true);
		expect(xero.state()).toEqual(before);

		// The real run does what the preview said.
		const real = await runSync(xero, send('update', false), input);
		expect(real.main.map((item) => [item.json.Name, item.json.syncResult])).toEqual([
			['Same Ltd', 'Unchanged'],
			['Moved Ltd', 'Updated'],
			['New Ltd', 'Created'],
		]);
		expect(real.errors).toHaveLength(1);
	});

	it('under Skip: a record Xero has comes out as skip', async () => {
		await seed();
		const run = await runSync(xero, send('skip'), input.slice(0, 2));
		expect(run.main.map((item) => item.json.action)).toEqual(['skip', 'skip']);
		expect(stats(xero).writes).toBe(0);
	});

	it('with the run summary: counts what would happen (wouldCreate, wouldUpdate, unchanged, wouldFail)', async () => {
		await seed();
		const sync = node(SYNC, 'n8n-nodes-xero-crm.xeroSync', {
			parameters: { authentication: 'customConnection', ...send('update'), runSummary: true },
			credentials: { xeroCustomConnectionApi: { id: '2', name: 'Xero Custom Connection' } },
			onError: 'continueErrorOutput',
		});
		const run = await runWorkflow(chain([manualTrigger(), sync], input), { credentials: { xeroCustomConnectionApi: customCredentials(xero) } as never });
		const [main] = run.output(SYNC);
		const summary = main.find((item) => item.json.runSummary === true);
		expect(summary?.json).toMatchObject({ previewed: 4, wouldCreate: 1, wouldUpdate: 1, unchanged: 1, wouldFail: 1, created: 0, updated: 0 });
		expect(stats(xero).writes).toBe(0);
	});
});

