import type { IDataObject } from 'n8n-workflow';
import { entry, expectOneOutputPerInput, runSync, sandboxForBlock, sendJson, stats, stored } from './support';

const send = sendJson('purchaseOrder', { duplicateHandling: 'update' });
const get = (extra: IDataObject) => ({ resource: 'purchaseOrder', operation: 'get', ...extra });

function orderJson(n: number, extra: IDataObject = {}): IDataObject {
	return {
		crmId: `5x${2000 + n}`,
		PurchaseOrderNumber: `CRM-PO-${String(n).padStart(3, '0')}`,
		Reference: `Restock ${n}`,
		Contact: { Name: `Supplier ${n % 3}` },
		Date: `2026-0${1 + (n % 3)}-15`,
		Status: 'DRAFT',
		LineItems: [{ Description: 'Timber', Quantity: 2 + n, UnitAmount: 25, AccountCode: '310' }],
		...extra,
	};
}

describe('Xero Sync: Purchase Order', () => {
	const xero = sandboxForBlock({ data: 'empty' });

	it('sends a batch with lines; a partial failure leaves on the error output as its sync-log entry', async () => {
		const items = Array.from({ length: 6 }, (_, i) => orderJson(i));
		items[3] = orderJson(3, { LineItems: [{ Description: 'Bad account', Quantity: 1, UnitAmount: 5, AccountCode: '999' }] });
		const run = await runSync(xero, send(), items);
		expectOneOutputPerInput(run.main, run.errors, 6);
		expect(run.main).toHaveLength(5);
		expect(run.main[0].json).toMatchObject({ syncResult: 'Created', PurchaseOrderNumber: 'CRM-PO-000', Status: 'DRAFT', SubTotal: 50 });
		expect(run.errors).toHaveLength(1);
		expect(run.errors[0].pairedItem).toEqual({ item: 3 });
		expect(entry(run.errors[0])).toMatchObject({ action: 'Send Purchase Order', flow: 'CRM → Xero', crmId: '5x2003', code: 'VALIDATION' });
		expect(String(entry(run.errors[0]).message)).toMatch(/CRM-PO-003.*Account code '999'/);
		expect(stored(xero, 'purchaseOrders')).toHaveLength(5);
		const suppliers = stored(xero, 'contacts').filter((c) => String(c.Name).startsWith('Supplier'));
		expect(suppliers.every((c) => c.IsSupplier === true)).toBe(true);
	});

	it('a second run creates nothing: matched by PurchaseOrderNumber, unchanged ones are not written', async () => {
		const items = Array.from({ length: 6 }, (_, i) => orderJson(i));
		items[3] = orderJson(3, { LineItems: [{ Description: 'Bad account', Quantity: 1, UnitAmount: 5, AccountCode: '999' }] });
		xero.resetStats();
		const again = await runSync(xero, send(), items);
		expect(again.main.filter((i) => i.json.syncResult === 'Created')).toEqual([]);
		expect(again.main.map((i) => i.json.syncResult)).toEqual(['Unchanged', 'Unchanged', 'Unchanged', 'Unchanged', 'Unchanged']);
		expect(stored(xero, 'purchaseOrders')).toHaveLength(5);
		// Only the order Xero refused last time is tried again (and refused again); the others cost no write.
		expect(again.errors).toHaveLength(1);
		expect(stats(xero).byPath['PUT /PurchaseOrders']).toBe(1);
		expect(stats(xero).byPath['POST /PurchaseOrders'] ?? 0).toBe(0);
		// An approval is an update of the same order, through the same match.
		const approved = await runSync(xero, send(), [orderJson(0, { Status: 'AUTHORISED' })]);
		expect(approved.main[0].json).toMatchObject({ syncResult: 'Updated', Status: 'AUTHORISED', PurchaseOrderNumber: 'CRM-PO-000' });
		const billed = await runSync(xero, send(), [{ PurchaseOrderID: approved.main[0].json.PurchaseOrderID, Status: 'BILLED' }]);
		expect(billed.main[0].json).toMatchObject({ syncResult: 'Updated', Status: 'BILLED' });
	});

	it('duplicate handling: Skip links, Fail reports the existing order; DELETED is refused before any call', async () => {
		const skipped = await runSync(xero, send({ duplicateHandling: 'skip' }), [orderJson(1, { Reference: 'changed' })]);
		expect(skipped.main[0].json).toMatchObject({ syncResult: 'Skipped', Reference: 'Restock 1' });
		const failed = await runSync(xero, send({ duplicateHandling: 'fail' }), [orderJson(1)]);
		expect(entry(failed.errors[0])).toMatchObject({ code: 'DUPLICATE' });
		expect(String(entry(failed.errors[0]).message)).toMatch(/Purchase Order Number "CRM-PO-001" already exists/);
		xero.resetStats();
		const deleted = await runSync(xero, send(), [orderJson(9, { Status: 'DELETED' })]);
		expect(entry(deleted.errors[0])).toMatchObject({ code: 'PURCHASE_ORDER_STATUS' });
		expect(stats(xero).calls).toBe(0);
	});

	it('Get: one by number or ID, many by status and order date as Xero parameters, changed since last run', async () => {
		const one = await runSync(xero, get({ getMode: 'one', recordId: 'CRM-PO-002' }), [{}]);
		expect(one.main[0].json).toMatchObject({ PurchaseOrderNumber: 'CRM-PO-002' });
		expect((one.main[0].json.LineItems as unknown[]).length).toBe(1);
		const byId = await runSync(xero, get({ getMode: 'one', recordId: one.main[0].json.PurchaseOrderID }), [{}]);
		expect(byId.main[0].json.PurchaseOrderNumber).toBe('CRM-PO-002');
		const missing = await runSync(xero, get({ getMode: 'one', recordId: 'PO-NONE' }), [{}]);
		expect(entry(missing.errors[0])).toMatchObject({ code: 'NOT_FOUND' });

		const billed = await runSync(xero, get({ getMode: 'many', returnAll: true, filters: { status: ['BILLED'] } }), [{}]);
		expect(billed.main.map((i) => i.json.PurchaseOrderNumber)).toEqual(['CRM-PO-000']);
		const february = await runSync(xero, get({ getMode: 'many', returnAll: true, filters: { dateFrom: '2026-02-01', dateTo: '2026-02-28' } }), [{}]);
		expect(february.main.map((i) => i.json.PurchaseOrderNumber).sort()).toEqual(['CRM-PO-001', 'CRM-PO-004']);
		const two = await runSync(xero, get({ getMode: 'many', returnAll: true, filters: { status: ['DRAFT', 'BILLED'] } }), [{}]);
		expect(entry(two.errors[0])).toMatchObject({ code: 'BAD_FILTER' });
		expect(String(entry(two.errors[0]).message)).toMatch(/one status at a time/);

		const first = await runSync(xero, get({ getMode: 'changedSince' }), [{}]);
		expect(first.main).toHaveLength(5);
		const second = await runSync(xero, get({ getMode: 'changedSince' }), [{}], { staticData: first.staticData });
		expect(second.main).toHaveLength(0);
		await runSync(xero, send(), [orderJson(2, { Reference: 'edited' })]);
		const third = await runSync(xero, get({ getMode: 'changedSince' }), [{}], { staticData: second.staticData });
		expect(third.main.map((i) => i.json.PurchaseOrderNumber)).toEqual(['CRM-PO-002']);
	});
});
