import type { VtigerSandbox } from '../../sandbox/vtiger';
import { DEMO_IDS } from '../../sandbox/vtiger';
import { createRecord, modifyRecord } from '../../sandbox/vtiger/ops/save';

/**
 * Planted bad records, written straight into the CRM sandbox's store (as another user of the CRM would have), so a
 * flow meets them among good records.
 */

const ADMIN = '19x1';

export function plantCurrency(crm: VtigerSandbox, code: string, name: string): string {
	const engine = crm.engine();
	const id = `21x${engine.currencies.length + 1}`;
	engine.currencies.push({
		id,
		currency_name: name,
		currency_code: code,
		currency_symbol: code,
		conversion_rate: '0.92000',
		currency_status: 'Active',
		defaultid: '0',
		deleted: '0',
	});
	return id;
}

export function plantInvoice(crm: VtigerSandbox, subject: string, fields: Record<string, unknown>): string {
	const engine = crm.engine();
	const record = createRecord(
		engine,
		'Invoice',
		{
			subject,
			account_id: DEMO_IDS.accounts.ridgeway,
			assigned_user_id: ADMIN,
			invoicedate: '2026-11-10',
			duedate: '2026-12-10',
			invoicestatus: 'Created',
			bill_street: '1 Demo Street',
			ship_street: '1 Demo Street',
			currency_id: DEMO_IDS.currencies.usd,
			hdnTaxType: 'group',
			cf_xero_invoice_id: '',
			cf_xero_status: '',
			productid: DEMO_IDS.products.golfBalls,
			LineItems: [{ productid: DEMO_IDS.products.golfBalls, quantity: '2', listprice: '5.00' }],
			...fields,
		},
		ADMIN,
	);
	return engine.idOf(record);
}

export function plantAccount(crm: VtigerSandbox, name: string, fields: Record<string, unknown> = {}): string {
	const engine = crm.engine();
	const record = createRecord(engine, 'Accounts', { accountname: name, assigned_user_id: ADMIN, bill_street: '9 Planted Road', ...fields }, ADMIN);
	return engine.idOf(record);
}

/** Sets fields on an existing record the way a CRM user's edit would (revise semantics, modifiedtime moves). */
export function editRecord(crm: VtigerSandbox, id: string, fields: Record<string, unknown>): void {
	const engine = crm.engine();
	const record = engine.store.records.get(Number(id.split('x')[1]));
	if (!record) throw new Error(`no CRM record ${id}`);
	modifyRecord(engine, record, fields, ADMIN, 'revise');
}

export function plantProduct(crm: VtigerSandbox, name: string, fields: Record<string, unknown>): string {
	const engine = crm.engine();
	const record = createRecord(
		engine,
		'Products',
		{ productname: name, assigned_user_id: ADMIN, unit_price: '10.00', purchase_cost: '4.00', discontinued: '1', cf_xero_item_id: '', cf_xero_sales_account: '200', cf_xero_purchase_account: '310', ...fields },
		ADMIN,
	);
	return engine.idOf(record);
}

export function plantVendor(crm: VtigerSandbox, name: string, fields: Record<string, unknown> = {}): string {
	const engine = crm.engine();
	const record = createRecord(engine, 'Vendors', { vendorname: name, assigned_user_id: ADMIN, street: '12 Mill Road', city: 'Nelson', ...fields }, ADMIN);
	return engine.idOf(record);
}

/** A purchase order as a CRM user enters it: mandatory vendor, both addresses, status and line items. */
export function plantPurchaseOrder(crm: VtigerSandbox, subject: string, vendorId: string, fields: Record<string, unknown> = {}): string {
	const engine = crm.engine();
	const record = createRecord(
		engine,
		'PurchaseOrder',
		{
			subject,
			vendor_id: vendorId,
			assigned_user_id: ADMIN,
			postatus: 'Created',
			duedate: '2026-12-20',
			bill_street: '1 Demo Street',
			ship_street: '9 Warehouse Lane',
			ship_city: 'Nelson',
			currency_id: DEMO_IDS.currencies.nzd,
			hdnTaxType: 'group',
			cf_xero_purchaseorder_id: '',
			cf_xero_status: '',
			productid: DEMO_IDS.products.golfBalls,
			LineItems: [{ productid: DEMO_IDS.products.golfBalls, quantity: '100', listprice: '2.10', comment: 'Golf balls, white' }],
			...fields,
		},
		ADMIN,
	);
	return engine.idOf(record);
}
