import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { chain, manualTrigger, node, runWorkflow } from '../harness';
import { customCredentials, invoiceJson, runSync, sandboxForBlock, SYNC } from './support';

describe('Run summary on Xero Sync', () => {
	const xero = sandboxForBlock();

	/** Send with the summary on (runSync checks one output per input, which the summary adds one to). */
	async function sendWithSummary(items: IDataObject[]) {
		const sync = node(SYNC, 'n8n-nodes-xero-crm.xeroSync', {
			parameters: { authentication: 'customConnection', resource: 'invoice', operation: 'send', inputMode: 'json', runSummary: true },
			credentials: { xeroCustomConnectionApi: { id: '2', name: 'Xero Custom Connection' } },
			onError: 'continueErrorOutput',
		});
		const run = await runWorkflow(chain([manualTrigger(), sync], items), {
			credentials: { xeroCustomConnectionApi: customCredentials(xero) } as never,
		});
		const [main, errors] = run.output(SYNC) as [INodeExecutionData[], INodeExecutionData[]];
		return { run, main, errors };
	}

	it('Send: the records, then one summary item with the counts, the failures among them, and every input paired', async () => {
		const { run, main, errors } = await sendWithSummary([
			invoiceJson(1, { InvoiceNumber: 'SUM-1' }),
			invoiceJson(2, { InvoiceNumber: 'SUM-2', Status: 'PAID' }),
			invoiceJson(3, { InvoiceNumber: 'SUM-3' }),
		]);
		expect(errors).toHaveLength(1);
		expect(main.map((item) => item.json.syncResult)).toEqual(['Created', 'Created', undefined]);
		const summary = main[2];
		expect(summary.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(summary.json).toMatchObject({
			runSummary: true,
			node: SYNC,
			resource: 'invoice',
			operation: 'send',
			inputItems: 3,
			created: 2,
			updated: 0,
			unchanged: 0,
			skipped: 0,
			conflicts: 0,
			failed: 1,
		});
		expect(Number(summary.json.durationMs)).toBeGreaterThanOrEqual(0);
		expect(run.raw.data.resultData.runData[SYNC][0].hints).toEqual([
			expect.objectContaining({ message: '1 of 3 records failed; they are on the error output as sync-log entries' }),
		]);
	});

	it('Get: the summary counts the records read', async () => {
		const run = await runSync(xero, { resource: 'invoice', operation: 'get', getMode: 'many', returnAll: true, runSummary: true }, []);
		const summary = run.main[run.main.length - 1];
		expect(summary.json).toMatchObject({ runSummary: true, resource: 'invoice', operation: 'get', read: run.main.length - 1, failed: 0 });
		expect(run.main.length).toBeGreaterThan(1);
	});
});
