import { DEMO_IDS } from '../../sandbox/vtiger';
import { createRecord } from '../../sandbox/vtiger/ops/save';
import { callsTo, crmForBlock, failureOf, fromXero, runCrm } from './workflow';

/** Xero purchase orders (as Xero Sync's Get gives them) → vtiger PurchaseOrder, upserted by cf_xero_purchaseorder_id. */
let vendorId: string;
const SUPPLIER_ID = '7d1e0c52-0000-4000-8000-000000000009';

const crm = crmForBlock('demo', {
	ready(crm) {
		const engine = crm.engine();
		vendorId = engine.idOf(createRecord(engine, 'Vendors', { vendorname: 'Harbour Timber Supplies', assigned_user_id: '19x1', street: '12 Mill Road', city: 'Nelson', cf_xero_contact_id: SUPPLIER_ID }, '19x1'));
	},
});
const calls = callsTo(crm);

const order = {
	PurchaseOrderID: '0c7f3b1a-0000-4000-8000-000000000001',
	PurchaseOrderNumber: 'PO-0042',
	Reference: 'Timber restock',
	Status: 'AUTHORISED',
	Type: 'PURCHASEORDER',
	Contact: { ContactID: SUPPLIER_ID, Name: 'Harbour Timber Supplies' },
	Date: '2026-11-20T00:00:00',
	DeliveryDate: '2026-12-01T00:00:00',
	DeliveryAddress: '9 Warehouse Lane, Nelson',
	CurrencyCode: 'NZD',
	CurrencyRate: 1,
	LineItems: [{ ItemCode: 'GB1-White', Description: 'Golf balls, white', Quantity: 100, UnitAmount: 2.1, AccountCode: '310' }],
};

const upsert = fromXero('upsert', 'PurchaseOrder');

describe('Xero purchase orders → CRM PurchaseOrder (upsert, auto-mapped)', () => {
	test('creates the order for the vendor linked to the supplier, with its lines, status and link', async () => {
		const before = crm.records('PurchaseOrder').length;
		const { main, errors } = await runCrm(crm, upsert, [order]);
		expect(errors.map((item) => failureOf(item).message)).toEqual([]);
		expect(main[0].json).toMatchObject({
			subject: 'Timber restock',
			vendor_id: vendorId,
			postatus: 'Approved',
			duedate: '2026-12-01',
			ship_street: '9 Warehouse Lane, Nelson',
			bill_street: '12 Mill Road',
			cf_xero_purchaseorder_id: order.PurchaseOrderID,
			cf_xero_status: 'AUTHORISED',
		});
		expect(crm.records('PurchaseOrder').length).toBe(before + 1);
		const stored = crm.records('PurchaseOrder').find((row) => row.id === main[0].json.id) ?? {};
		const lines = stored.LineItems as Array<Record<string, unknown>>;
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ productid: DEMO_IDS.products.golfBalls });
	});

	test('a second run writes nothing; a billed order updates the same record', async () => {
		const before = { create: calls('create'), revise: calls('revise') };
		const again = await runCrm(crm, upsert, [order]);
		expect(again.errors).toHaveLength(0);
		expect(calls('create') - before.create).toBe(0);
		expect(calls('revise') - before.revise).toBe(0);
		const billed = await runCrm(crm, upsert, [{ ...order, Status: 'BILLED' }]);
		expect(billed.main[0].json).toMatchObject({ postatus: 'Received Shipment', cf_xero_status: 'BILLED' });
		expect(crm.records('PurchaseOrder').filter((row) => row.cf_xero_purchaseorder_id === order.PurchaseOrderID)).toHaveLength(1);
	});

	test('an order whose supplier is no CRM vendor fails saying to get suppliers first', async () => {
		const { main, errors } = await runCrm(crm, upsert, [{ ...order, PurchaseOrderID: '0c7f3b1a-0000-4000-8000-000000000002', Contact: { ContactID: '7d1e0c52-0000-4000-8000-0000000000ff', Name: 'Unknown Supplier' } }]);
		expect(main).toHaveLength(0);
		expect(failureOf(errors[0]).message).toMatch(/"Unknown Supplier" is not a CRM vendor; get suppliers from Xero into Vendors first/);
	});
});
