import { crmToXero, xeroResourceOf, xeroToCrm, type CrmRecord } from '../../nodes/shared/mapping';

/** The purchase order created in real vtiger 7.5 (transcript 32), as the create answered, trimmed. */
const order = {
	id: '5x2243',
	purchaseorder_no: 'PO1',
	subject: 'Transcript PO 1',
	vendor_id: '2x2239',
	duedate: '2024-03-01',
	postatus: 'Created',
	currency_id: '21x1',
	conversion_rate: '1.000',
	bill_street: '1 Main Street',
	ship_street: '9 Warehouse Lane',
	ship_city: 'Springfield',
	LineItems: [
		{ productid: '14x2240', quantity: '4.000', listprice: '12.50000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: 'four part A', entity_type: 'Products', deleted: '0' },
		{ productid: '14x2241', quantity: '10.000', listprice: '3.99000000', discount_percent: '5.000', discount_amount: '0.00000000', comment: '', entity_type: 'Products', product_name: 'PO Part B', deleted: '0' },
	],
};
const records = {
	'2x2239': { id: '2x2239', vendorname: 'Transcript Supplies Inc', cf_xero_contact_id: 'c-9', street: '5 Depot Road', city: 'Shelbyville' },
	'14x2240': { id: '14x2240', productname: 'PO Part A', productcode: 'PARTA', cf_xero_purchase_account: '310', cf_xero_item_id: '' },
	'14x2241': { id: '14x2241', productname: 'PO Part B', productcode: 'PARTB', cf_xero_purchase_account: '', cf_xero_item_id: 'item-b' },
	'21x1': { id: '21x1', currency_code: 'USD' },
};
/** Sends a CRM purchase order with its vendor, products and currency resolved from `known` (the records above unless told). */
const sent = (purchaseOrder: CrmRecord, known: Record<string, CrmRecord | null> = records) => crmToXero('PurchaseOrder', purchaseOrder, { resolved: { records: known } });

describe('CRM PurchaseOrder → Xero purchase order', () => {
	it('maps the vendor to its linked supplier, lines to purchase lines, postatus to a Xero status', () => {
		expect(xeroResourceOf('PurchaseOrder')).toBe('purchaseOrder');
		const result = sent(order);
		expect(result.errors).toEqual([]);
		expect(result.resource).toBe('purchaseOrder');
		expect(result.record).toEqual({
			PurchaseOrderNumber: 'PO1',
			Reference: 'Transcript PO 1',
			Contact: { ContactID: 'c-9' },
			DeliveryDate: '2024-03-01',
			DeliveryAddress: '9 Warehouse Lane, Springfield',
			CurrencyCode: 'USD',
			Status: 'DRAFT',
			LineItems: [
				// Purchase lines book to the product's purchase account; one without any is fine for Xero.
				{ Description: 'four part A', Quantity: 4, UnitAmount: 12.5, AccountCode: '310' },
				{ ItemCode: 'PARTB', Description: 'PO Part B', Quantity: 10, UnitAmount: 3.99, DiscountRate: 5 },
			],
		});
	});

	it('names an unlinked vendor, keeps Xero its number once linked, and sends approval', () => {
		const unlinked = { ...records, '2x2239': { id: '2x2239', vendorname: 'Transcript Supplies Inc' } };
		expect(sent(order, unlinked).record.Contact).toEqual({ Name: 'Transcript Supplies Inc' });
		const linked = sent({ ...order, cf_xero_purchaseorder_id: 'po-1', postatus: 'Received Shipment' });
		expect(linked.record).toMatchObject({ PurchaseOrderID: 'po-1', Status: 'AUTHORISED' });
		expect(linked.record).not.toHaveProperty('PurchaseOrderNumber');
	});

	it('does not send an order closed in Xero (billed), and refuses cancelled or vendor-less orders with reasons', () => {
		const billed = sent({ ...order, cf_xero_purchaseorder_id: 'po-1', cf_xero_status: 'BILLED' });
		expect(billed.settled).toBe('BILLED');
		expect(billed.settledNote).toMatch(/BILLED in Xero/);
		const cancelled = sent({ ...order, postatus: 'Cancelled' });
		expect(cancelled.errors.join(' ')).toMatch(/cancelled in the CRM/);
		const noVendor = sent({ ...order, vendor_id: '' });
		expect(noVendor.errors.join(' ')).toMatch(/has no vendor \(vendor_id\)/);
	});
});

describe('Xero purchase order → CRM PurchaseOrder', () => {
	const xeroOrder = {
		PurchaseOrderID: 'po-1',
		PurchaseOrderNumber: 'PO-0007',
		Reference: '',
		Status: 'BILLED',
		Contact: { ContactID: 'c-9', Name: 'Transcript Supplies Inc' },
		DeliveryDate: '2026-03-01T00:00:00',
		DeliveryAddress: '',
		CurrencyRate: 1,
		LineItems: [{ ItemCode: 'PARTA', Description: 'Part A', Quantity: 2, UnitAmount: 12.5, AccountCode: '310' }],
	};
	const found = {
		'Vendors.cf_xero_contact_id=c-9': { id: '2x2239', vendorname: 'Transcript Supplies Inc', street: '5 Depot Road', city: 'Shelbyville' },
		'Products.productcode=PARTA': { id: '14x2240', productcode: 'PARTA', cf_xero_purchase_account: '310' },
	};

	it('resolves the vendor by the supplier link, fills vtiger mandatory fields and the link to upsert on', () => {
		const result = xeroToCrm('purchaseOrder', xeroOrder, { resolved: { found } });
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([]);
		expect(result.module).toBe('PurchaseOrder');
		expect(result.fields).toMatchObject({
			subject: 'Xero purchase order PO-0007',
			vendor_id: '2x2239',
			postatus: 'Received Shipment',
			duedate: '2026-03-01',
			bill_street: '5 Depot Road',
			ship_street: '5 Depot Road',
			cf_xero_purchaseorder_id: 'po-1',
			cf_xero_status: 'BILLED',
		});
		expect(result.lineItems).toEqual([{ productid: '14x2240', quantity: 2, listprice: 12.5, comment: 'Part A' }]);
		expect(result.match[0]).toEqual({ field: 'cf_xero_purchaseorder_id', value: 'po-1' });
	});

	it('says to get suppliers first when the supplier is no CRM vendor', () => {
		const result = xeroToCrm('purchaseOrder', xeroOrder, {
			resolved: { found: { ...found, 'Vendors.cf_xero_contact_id=c-9': null, 'Vendors.vendorname=Transcript Supplies Inc': null } },
		});
		expect(result.errors.join(' ')).toMatch(/is not a CRM vendor; get suppliers from Xero into Vendors first/);
	});
});
