import type { IDataObject } from 'n8n-workflow';
import { runSync } from '../xeroSync/support';
import { loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * examples/purchase-orders-to-bills.json (issue 17 item 4): approved Xero purchase orders → DRAFT bills with their
 * lines → the orders marked BILLED; a second run bills nothing.
 */

const BILLS = 'Send bills to Xero';
const MARK = 'Mark purchase orders billed';

describe('flow: approved purchase orders → Xero bills', () => {
	const sandboxes = sandboxesForEachTest();
	const orders = () => xeroStored(sandboxes.xero, 'purchaseOrders');

	it('bills each approved order once, with its lines and number, marks it BILLED; drafts wait; a second run creates nothing', async () => {
		const line = (description: string, quantity: number) => ({ Description: description, Quantity: quantity, UnitAmount: 12.5, AccountCode: '310' });
		const seeded = await runSync(sandboxes.xero, { resource: 'purchaseOrder', operation: 'send', inputMode: 'json', duplicateHandling: 'update' }, [
			{ PurchaseOrderNumber: 'PO-A1', Contact: { Name: 'Harbour Timber Supplies' }, Status: 'AUTHORISED', LineItems: [line('Timber', 4), line('Nails', 2)] },
			{ PurchaseOrderNumber: 'PO-A2', Contact: { Name: 'Golf Wholesale Ltd' }, Status: 'AUTHORISED', LineItems: [line('Golf balls', 40)] },
			{ PurchaseOrderNumber: 'PO-D1', Contact: { Name: 'Golf Wholesale Ltd' }, Status: 'DRAFT', LineItems: [line('Tees', 100)] },
		]);
		expect(seeded.errors).toEqual([]);
		const billsBefore = xeroStored(sandboxes.xero, 'invoices').filter((invoice) => invoice.Type === 'ACCPAY').length;
		const workflow = loadExample('purchase-orders-to-bills.json');

		const first = await runFlow(sandboxes, workflow);
		expect(first.logged()).toEqual([]);
		expect(first.main(BILLS).map((item) => item.json.syncResult)).toEqual(['Created', 'Created']);
		expect(first.main(MARK).map((item) => [item.json.PurchaseOrderNumber, item.json.Status, item.json.syncResult])).toEqual([
			['PO-A1', 'BILLED', 'Updated'],
			['PO-A2', 'BILLED', 'Updated'],
		]);
		const bills = xeroStored(sandboxes.xero, 'invoices').filter((invoice) => invoice.Type === 'ACCPAY');
		expect(bills).toHaveLength(billsBefore + 2);
		for (const order of orders().filter((row) => row.PurchaseOrderNumber !== 'PO-D1')) {
			expect(order.Status).toBe('BILLED');
			const bill = bills.find((row) => row.Reference === order.PurchaseOrderNumber) ?? {};
			expect(bill).toMatchObject({ InvoiceNumber: order.PurchaseOrderNumber, Status: 'DRAFT', ContactID: order.ContactID, SubTotal: order.SubTotal, Total: order.Total });
			expect((bill.LineItems as unknown[]).length).toBe((order.LineItems as unknown[]).length);
		}
		expect(orders().find((row) => row.PurchaseOrderNumber === 'PO-D1')?.Status).toBe('DRAFT');

		const second = await runFlow(sandboxes, workflow);
		expect(second.logged()).toEqual([]);
		expect(second.main(BILLS)).toEqual([]);
		expect(xeroStored(sandboxes.xero, 'invoices').filter((invoice) => invoice.Type === 'ACCPAY')).toHaveLength(billsBefore + 2);
	});

	it('an order billed elsewhere meanwhile is found, not billed twice: the bill matches on supplier and number', async () => {
		await runSync(sandboxes.xero, { resource: 'purchaseOrder', operation: 'send', inputMode: 'json' }, [
			{ PurchaseOrderNumber: 'PO-B1', Contact: { Name: 'Harbour Timber Supplies' }, Status: 'AUTHORISED', LineItems: [{ Description: 'Timber', Quantity: 1, UnitAmount: 10, AccountCode: '310' }] },
		]);
		const bill = { resource: 'invoice', operation: 'send', inputMode: 'billFromPurchaseOrder', duplicateHandling: 'update' };
		const order = (await runSync(sandboxes.xero, { resource: 'purchaseOrder', operation: 'get', getMode: 'one', recordId: 'PO-B1' }, [{}])).main[0].json;
		const once = await runSync(sandboxes.xero, bill, [order]);
		expect(once.main[0].json.syncResult).toBe('Created');
		const twice = await runSync(sandboxes.xero, bill, [order]);
		expect(twice.main[0].json.syncResult).toBe('Unchanged');
		const draft = await runSync(sandboxes.xero, bill, [{ ...order, Status: 'DRAFT' }]);
		expect(String((draft.errors[0].json.error as IDataObject).message)).toMatch(/PO-B1 is DRAFT; only an AUTHORISED \(approved\) order is billed/);
	});
});
