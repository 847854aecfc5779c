import { crmToXero, xeroToCrm } from '../../nodes/shared/mapping';

/** The product recorded from real vtiger 7.5 (transcript 18), with the sandbox's Xero custom fields. */
const retrievedProduct = {
	productname: 'Transcript Widget',
	product_no: 'PRO1',
	productcode: 'TW-1',
	unit_price: '100.50000000',
	purchase_cost: '0.00000000',
	description: 'widget product',
	qtyinstock: '50.000',
	id: '14x127',
	currency1: 100.5,
	cf_xero_item_id: '',
	cf_xero_sales_account: '200',
	cf_xero_purchase_account: '310',
};

describe('CRM Products / Services → Xero item', () => {
	it('maps a retrieved product with its account links', () => {
		const result = crmToXero('Products', retrievedProduct);
		expect(result.resource).toBe('item');
		expect(result.errors).toEqual([]);
		expect(result.record).toEqual({
			Code: 'TW-1',
			Name: 'Transcript Widget',
			Description: 'widget product',
			SalesDetails: { UnitPrice: 100.5, AccountCode: '200' },
			PurchaseDetails: { UnitPrice: 0, AccountCode: '310' },
		});
	});

	it('falls back to the CRM number when the code field is empty, and uses a chosen code field', () => {
		expect(crmToXero('Products', { ...retrievedProduct, productcode: '' }).record.Code).toBe('PRO1');
		expect(crmToXero('Products', { ...retrievedProduct, mfr_part_no: 'MFR-9' }, { itemCodeFields: { Products: 'mfr_part_no' } }).record.Code).toBe('MFR-9');
		const service = crmToXero('Services', { id: '26x129', servicename: 'Support hour', service_no: 'SER1', unit_price: '75.00000000', cf_xero_item_id: 'item-9' });
		expect(service.record).toEqual({ ItemID: 'item-9', Code: 'SER1', Name: 'Support hour', SalesDetails: { UnitPrice: 75 }, PurchaseDetails: {} });
	});

	it('refuses what Xero would refuse, naming the product', () => {
		expect(crmToXero('Products', { id: '14x5', productname: 'No code' }).errors).toEqual([
			'CRM product 14x5 has no productcode; Xero items need a Code.',
		]);
		const long = crmToXero('Products', { ...retrievedProduct, productcode: 'C'.repeat(31), productname: 'N'.repeat(51) });
		expect(long.errors).toEqual([
			`CRM product 14x127: code "${'C'.repeat(31)}" is longer than Xero's 30 characters.`,
			`CRM product 14x127: name "${'N'.repeat(51)}" is longer than Xero's 50 characters.`,
		]);
	});

	it('applies single-field overrides last, into nested details', () => {
		const result = crmToXero('Products', retrievedProduct, { overrides: { 'SalesDetails.AccountCode': '260', 'PurchaseDetails.TaxType': 'INPUT2', Description: undefined } });
		expect(result.record.SalesDetails).toEqual({ UnitPrice: 100.5, AccountCode: '260' });
		expect(result.record.PurchaseDetails).toEqual({ UnitPrice: 0, AccountCode: '310', TaxType: 'INPUT2' });
		expect(result.record).not.toHaveProperty('Description');
	});
});

describe('Xero item → CRM', () => {
	const item = {
		ItemID: 'item-1',
		Code: 'GB1-White',
		Name: 'Golf balls - white single',
		Description: 'Golf ball, white, single',
		SalesDetails: { UnitPrice: 5, AccountCode: '200', TaxType: 'OUTPUT2' },
		PurchaseDetails: { UnitPrice: 2, AccountCode: '310' },
	};

	it('maps to Products by default, never writing the CRM-assigned number', () => {
		const result = xeroToCrm('item', item);
		expect(result.fields).toEqual({
			productname: 'Golf balls - white single',
			productcode: 'GB1-White',
			description: 'Golf ball, white, single',
			unit_price: 5,
			purchase_cost: 2,
			cf_xero_sales_account: '200',
			cf_xero_purchase_account: '310',
			cf_xero_item_id: 'item-1',
		});
		expect(result.match).toEqual([
			{ field: 'cf_xero_item_id', value: 'item-1' },
			{ field: 'productcode', value: 'GB1-White' },
		]);
		const service = xeroToCrm('item', item, {}, 'Services');
		expect(service.fields).not.toHaveProperty('service_no');
		expect(service.fields.servicename).toBe('Golf balls - white single');
		expect(service.match).toEqual([
			{ field: 'cf_xero_item_id', value: 'item-1' },
			{ field: 'service_no', value: 'GB1-White' },
		]);
	});

	it('names an item without a name after its code, and leaves unpriced items unpriced', () => {
		const result = xeroToCrm('item', { ItemID: 'item-2', Code: 'BARE' });
		expect(result.fields).toMatchObject({ productname: 'BARE', unit_price: '', purchase_cost: '', cf_xero_sales_account: '' });
	});

	it('refuses an item without a code and a module that is not Products or Services', () => {
		expect(xeroToCrm('item', { ItemID: 'item-3', Name: 'x' }).errors).toEqual(['Xero item item-3 has no Code.']);
		expect(xeroToCrm('item', item, {}, 'Accounts').errors).toEqual(['Xero items map to Products or Services, not Accounts.']);
	});
});
