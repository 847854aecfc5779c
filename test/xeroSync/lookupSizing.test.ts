import type { IDataObject } from 'n8n-workflow';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { entry, runSync, stats } from './support';

/** Issue 11: lookups sized for Xero, which refuses long OR-chains on organisations with very many records. */
describe('Lookups on a high-volume organisation', () => {
	let xero: XeroSandbox;
	beforeAll(async () => {
		// Xero's threshold is 100,000 records; the sandbox applies the same rule from 20 here.
		xero = await startXeroSandbox({ data: 'empty', validate: true, highVolumeThreshold: 20 });
	});
	afterAll(() => xero.close());

	it('splits a refused lookup into small ones and matches every record', async () => {
		const items: IDataObject[] = Array.from({ length: 30 }, (_v, n) => ({ crmId: `11x${n}`, Name: `Volume Co ${n}`, ContactNumber: `VOL-${n}` }));
		const send = () =>
			runSync(xero, { resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'skip' }, items);
		const first = await send();
		expect(first.errors.map((item) => entry(item).message)).toEqual([]);
		xero.resetStats();
		const again = await send();
		expect(again.errors.map((item) => entry(item).message)).toEqual([]);
		expect(again.main.map((item) => item.json.syncResult)).toEqual(Array(30).fill('Skipped'));
		expect(stats(xero).writes).toBe(0);
	});
});
