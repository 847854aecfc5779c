import { logEntryOf } from '../../nodes/shared/syncLog';
import { entry, invoiceJson, runSync, sandboxForBlock } from './support';

describe('On Error modes and input modes', () => {
	const xero = sandboxForBlock();

	const items = [invoiceJson(1, { InvoiceNumber: 'MODE-1' }), invoiceJson(2, { InvoiceNumber: 'MODE-2', Status: 'PAID' })];
	const send = { resource: 'invoice', operation: 'send', inputMode: 'json' };

	it('Continue (regular output) keeps failed records on the main output as log entries', async () => {
		const run = await runSync(xero, send, items, { onError: 'continueRegularOutput' });
		expect(run.main).toHaveLength(2);
		expect(run.main.map((i) => logEntryOf(i)?.result ?? i.json.syncResult)).toEqual(['Created', 'Failed']);
	});

	it('Stop Workflow fails the run with an error naming the failed records', async () => {
		const run = await runSync(xero, send, [invoiceJson(3, { InvoiceNumber: 'MODE-3', Status: 'VOIDED' })], { onError: 'stopWorkflow' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^1 of 1 records failed:\n- Invoice "MODE-3"/);
	});

	it('sends a CRM record auto-mapped, with a single-field override', async () => {
		const run = await runSync(
			xero,
			{
				resource: 'organisation',
				operation: 'send',
				inputMode: 'crmRecord',
				crmModule: 'Accounts',
				overridesUi: { override: [{ path: 'Website', value: 'https://mapped.example' }] },
			},
			[{ id: '11x777', accountname: 'Mapped Traders', email1: 'mapped@traders.example', account_no: 'ACC77' }],
		);
		expect(run.errors).toEqual([]);
		expect(run.main[0].json).toMatchObject({
			crmId: '11x777',
			Name: 'Mapped Traders',
			ContactNumber: '11x777',
			Website: 'https://mapped.example',
			syncResult: 'Created',
		});
	});

	it('fails every record with the reason when the chosen organisation is not connected, without trying each batch', async () => {
		const input = Array.from({ length: 400 }, (_, i) => invoiceJson(i, { InvoiceNumber: `GONE-${i}` }));
		xero.resetStats();
		const run = await runSync(xero, send, input, { auth: 'oAuth2', tenantId: '00000000-0000-4000-8000-000000000000' });
		expect(run.main).toEqual([]);
		expect(new Set(run.errors.map((i) => entry(i).code))).toEqual(new Set(['HTTP_403']));
		expect(String(entry(run.errors[0]).message)).toMatch(/organisation|tenant|connect/i);
		expect(xero.stats().totals.calls).toBeLessThanOrEqual(5);
	});
});
