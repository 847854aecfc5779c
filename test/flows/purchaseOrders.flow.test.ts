import { editRecord, plantPurchaseOrder, plantVendor } from './plant';
import { crmRecords, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * examples/purchase-orders-crm-to-xero.json (issue 17 item 4): CRM Vendors → Xero suppliers first (linked back by
 * cf_xero_contact_id), then CRM PurchaseOrder → Get with line items → Xero Send purchase order → CRM Update with the
 * Xero ID and status. A second run creates nothing, in Xero or in the CRM.
 */

const SEND = 'Send purchase orders to Xero';
const SUPPLIERS = 'Send suppliers to Xero';

describe('flow: CRM purchase orders → Xero', () => {
	const sandboxes = sandboxesForEachTest();
	const purchaseOrders = () => xeroStored(sandboxes.xero, 'purchaseOrders');

	it('sends suppliers first, then each order with its lines to that supplier; links both back; a second run creates nothing', async () => {
		const harbour = plantVendor(sandboxes.crm, 'Harbour Timber Supplies', { email: 'orders@harbourtimber.example' });
		const golf = plantVendor(sandboxes.crm, 'Golf Wholesale Ltd');
		const draft = plantPurchaseOrder(sandboxes.crm, 'Timber restock', harbour, {
			LineItems: [
				{ productid: '14x10', quantity: '40', listprice: '2.10', comment: 'Golf balls, white' },
				{ productid: '14x10', quantity: '10', listprice: '2.00', discount_percent: '5', comment: 'Golf balls, seconds' },
			],
		});
		const approved = plantPurchaseOrder(sandboxes.crm, 'Golf balls for the shop', golf, { postatus: 'Approved' });
		const cancelled = plantPurchaseOrder(sandboxes.crm, 'Never mind', golf, { postatus: 'Cancelled' });
		const contactsBefore = xeroStored(sandboxes.xero, 'contacts').length;
		const workflow = loadExample('purchase-orders-crm-to-xero.json');

		const first = await runFlow(sandboxes, workflow);
		expect(first.errors(SUPPLIERS)).toEqual([]);
		// The one planted bad order is logged with its reason; the others go through.
		expect(first.logged().map((entry) => [entry.crmId, entry.message])).toEqual([[cancelled, expect.stringMatching(/is cancelled in the CRM/)]]);
		expect(crmRecords(sandboxes.crm, 'XeroLogs').map((row) => row.crm_id)).toEqual([cancelled]);

		// Suppliers: two new Xero contacts, marked suppliers by their orders, each linked from its vendor.
		const contacts = xeroStored(sandboxes.xero, 'contacts');
		expect(contacts).toHaveLength(contactsBefore + 2);
		const vendors = crmRecords(sandboxes.crm, 'Vendors');
		for (const id of [harbour, golf]) {
			const vendor = vendors.find((row) => row.id === id) ?? {};
			const contact = contacts.find((row) => row.ContactID === vendor.cf_xero_contact_id);
			expect(contact).toMatchObject({ Name: vendor.vendorname, IsSupplier: true });
		}

		// Orders: each linked both ways, to its vendor's supplier, with its lines and status.
		const orders = purchaseOrders();
		expect(orders).toHaveLength(2);
		const crmOrders = crmRecords(sandboxes.crm, 'PurchaseOrder');
		for (const [id, status, lines] of [[draft, 'DRAFT', 2], [approved, 'AUTHORISED', 1]] as const) {
			const crmOrder = crmOrders.find((row) => row.id === id) ?? {};
			const order = orders.find((row) => row.PurchaseOrderID === crmOrder.cf_xero_purchaseorder_id);
			const vendor = vendors.find((row) => row.id === crmOrder.vendor_id) ?? {};
			expect(order).toMatchObject({ PurchaseOrderNumber: crmOrder.purchaseorder_no, Reference: crmOrder.subject, Status: status, ContactID: vendor.cf_xero_contact_id });
			expect(order?.LineItems as unknown[]).toHaveLength(lines);
			expect(crmOrder.cf_xero_status).toBe(status);
		}
		const timber = orders.find((row) => row.Reference === 'Timber restock') ?? {};
		expect(timber).toMatchObject({ DeliveryAddress: '9 Warehouse Lane, Nelson', SubTotal: 103 });

		// Second run: everything is Unchanged; nothing new in Xero or in the CRM.
		const crmCounts = () => ['Vendors', 'PurchaseOrder'].map((module) => crmRecords(sandboxes.crm, module).length);
		const countsBefore = crmCounts();
		sandboxes.crm.clock.advance(60);
		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.main(SEND).map((item) => item.json.syncResult).filter((result) => result !== 'Unchanged')).toEqual([]);
		expect(second.main(SUPPLIERS).map((item) => item.json.syncResult).filter((result) => result !== 'Unchanged')).toEqual([]);
		expect(purchaseOrders()).toHaveLength(2);
		expect(xeroStored(sandboxes.xero, 'contacts')).toHaveLength(contactsBefore + 2);
		expect(crmCounts()).toEqual(countsBefore);

		// Approving the draft in the CRM approves the same Xero order.
		editRecord(sandboxes.crm, draft, { postatus: 'Approved' });
		sandboxes.crm.clock.advance(60);
		const third = await runFlow(sandboxes, workflow, second.staticData);
		expect(third.main(SEND).filter((item) => item.json.crmId === draft).map((item) => item.json.syncResult)).toEqual(['Updated']);
		expect(purchaseOrders().find((row) => row.Reference === 'Timber restock')?.Status).toBe('AUTHORISED');
		expect(purchaseOrders()).toHaveLength(2);
	});
});
