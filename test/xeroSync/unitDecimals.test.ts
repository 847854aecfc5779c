import type { IDataObject } from 'n8n-workflow';
import { runSync, sandboxForBlock, sendJson, stats } from './support';

/**
 * Quotes and purchase orders are read without `unitdp` (Xero's lists for them take none), so Xero answers their unit
 * amounts at 2 places. A re-send of a 4-place price must compare at those 2 places, or it is written on every run.
 */
describe('Send: unit amounts of quotes and purchase orders compare at the 2 places Xero answers them in', () => {
	const xero = sandboxForBlock({});
	const line = (account: string) => ({ Description: 'Metered work', Quantity: 3, UnitAmount: 12.3456, AccountCode: account });

	async function resendIsUnchanged(resource: string, record: IDataObject, numberField: string): Promise<void> {
		const send = sendJson(resource, { duplicateHandling: 'update' });
		const first = await runSync(xero, send(), [record]);
		expect(first.errors).toEqual([]);
		const number = first.main[0].json[numberField];
		xero.resetStats();
		for (let run = 0; run < 2; run++) {
			const again = await runSync(xero, send(), [{ ...record, [numberField]: number }]);
			expect(again.errors).toEqual([]);
			expect(again.main[0].json.syncResult).toBe('Unchanged');
		}
		expect(stats(xero).writes).toBe(0);
	}

	it('a quote with a 4-place unit price is Unchanged on the next two sends', async () => {
		await resendIsUnchanged('quote', { Contact: { Name: 'Decimals Customer' }, Date: '2026-11-02', LineItems: [line('200')] }, 'QuoteNumber');
	});

	it('a purchase order with a 4-place unit price is Unchanged on the next two sends', async () => {
		await resendIsUnchanged('purchaseOrder', { Contact: { Name: 'Decimals Supplier' }, LineItems: [line('310')] }, 'PurchaseOrderNumber');
	});
});
