import type { CurrencyRow, Engine } from '../engine';
import type { ModuleExtension } from '../schema/registry';
import { createRecord } from '../ops/save';
import { DEMO_CUSTOM_FIELDS, DEMO_MODULES } from './customFields';

const NZD: CurrencyRow = {
	id: '21x2',
	currency_name: 'New Zealand, Dollars',
	currency_code: 'NZD',
	currency_symbol: '$',
	conversion_rate: '1.65000',
	currency_status: 'Active',
	defaultid: '0',
	deleted: '0',
};

export const DEMO_EXTENSION: ModuleExtension & { currencies: CurrencyRow[] } = {
	modules: DEMO_MODULES,
	customFields: DEMO_CUSTOM_FIELDS,
	currencies: [NZD],
};

// Ids are deterministic (one shared crmid sequence from 2); seedDemoData checks them so these stay true.
export const DEMO_IDS = {
	accounts: { ridgeway: '11x2', bayside: '11x3', marine: '11x4', cityAgency: '11x5' },
	contacts: { ridgeway: '12x6', bayside: '12x7', marine: '12x8', cityAgency: '12x9' },
	products: { golfBalls: '14x10', tshirt: '14x11', book: '14x12' },
	services: { devDay: '26x13' },
	invoices: { ridgewayUsd: '7x14', baysideNzd: '7x15', marineDraft: '7x16' },
	quotes: { cityAgency: '4x17' },
	xeroAccounts: { sales: '42x18', otherRevenue: '42x19', costOfGoods: '42x20', bank: '42x21' },
	currencies: { usd: '21x1', nzd: '21x2' },
	admin: '19x1',
};

const OWNER = { assigned_user_id: '19x1' };

function account(name: string, city: string, country: string, email: string, xeroId = '') {
	return { accountname: name, ...OWNER, bill_city: city, bill_country: country, ship_city: city, ship_country: country, bill_street: '1 Demo Street', email1: email, phone: '+64 9 555 0100', website: '', cf_xero_contact_id: xeroId };
}

export function seedDemoData(engine: Engine): void {
	const user = '19x1';
	const made: string[] = [];
	const add = (module: string, element: Record<string, unknown>) => made.push(engine.idOf(createRecord(engine, module, element, user)));

	add('Accounts', account('Ridgeway University', 'Wellington', 'New Zealand', 'accounts@ridgeway.example.com'));
	add('Accounts', account('Bayside Club', 'Auckland', 'New Zealand', 'office@bayside.example.com'));
	add('Accounts', account('Marine Systems', 'Sydney', 'Australia', 'ap@marine.example.com'));
	add('Accounts', account('City Agency', 'New York', 'USA', 'billing@cityagency.example.com'));
	const contact = (first: string, last: string, accountId: string, email: string) => ({ firstname: first, lastname: last, account_id: accountId, email, ...OWNER, mailingcity: '' });
	add('Contacts', contact('Lorraine', 'Ridgeway', DEMO_IDS.accounts.ridgeway, 'lorraine@ridgeway.example.com'));
	add('Contacts', contact('Sam', 'Bayside', DEMO_IDS.accounts.bayside, 'sam@bayside.example.com'));
	add('Contacts', contact('Mia', 'Marine', DEMO_IDS.accounts.marine, 'mia@marine.example.com'));
	add('Contacts', contact('Alex', 'Agency', DEMO_IDS.accounts.cityAgency, 'alex@cityagency.example.com'));
	const item = (name: string, code: string, price: string, cost: string, stock: string, description: string) => ({
		productname: name, productcode: code, unit_price: price, purchase_cost: cost, qtyinstock: stock, description, discontinued: '1', usageunit: 'Units', ...OWNER,
		cf_xero_item_id: '', cf_xero_sales_account: '200', cf_xero_purchase_account: '310',
	});
	add('Products', item('Golf balls - white single', 'GB1-White', '5.00', '2.00', '100', 'Golf ball, white, single'));
	add('Products', item('T-Shirt Large Black', 'TSHIRT', '40.00', '20.00', '25', 'Cotton t-shirt, large, black'));
	add('Products', item('Fish out of Water: Finding Your Brand', 'BOOK', '19.95', '12.00', '40', 'Paperback book'));
	add('Services', {
		servicename: 'Development work - developer onsite per day', unit_price: '500.00', purchase_cost: '0', discontinued: '1', service_usageunit: 'Days', description: 'DevD', ...OWNER,
		cf_xero_item_id: '', cf_xero_sales_account: '200', cf_xero_purchase_account: '',
	});
	const invoice = (subject: string, accountId: string, contactId: string, currency: string, status: string, lines: unknown[]) => ({
		subject, account_id: accountId, contact_id: contactId, ...OWNER, invoicedate: '2026-11-01', duedate: '2026-12-01', invoicestatus: status,
		bill_street: '1 Demo Street', ship_street: '1 Demo Street', currency_id: currency, hdnTaxType: 'group', LineItems: lines,
		// vtiger also insists on a top-level productid (it is a mandatory field of the module).
		productid: (lines[0] as { productid: string }).productid, cf_xero_invoice_id: '', cf_xero_status: '',
	});
	add('Invoice', invoice('Golf day supplies', DEMO_IDS.accounts.ridgeway, DEMO_IDS.contacts.ridgeway, DEMO_IDS.currencies.usd, 'Approved', [
		{ productid: DEMO_IDS.products.golfBalls, quantity: '40', listprice: '5.00', comment: 'Range balls' },
		{ productid: DEMO_IDS.products.tshirt, quantity: '4', listprice: '40.00', discount_percent: '10' },
	]));
	add('Invoice', invoice('Club website build', DEMO_IDS.accounts.bayside, DEMO_IDS.contacts.bayside, DEMO_IDS.currencies.nzd, 'Approved', [
		{ productid: DEMO_IDS.services.devDay, quantity: '3', listprice: '500.00', comment: 'Onsite days' },
	]));
	add('Invoice', invoice('Reading list', DEMO_IDS.accounts.marine, DEMO_IDS.contacts.marine, DEMO_IDS.currencies.usd, 'Created', [
		{ productid: DEMO_IDS.products.book, quantity: '10', listprice: '19.95' },
	]));
	add('Quotes', {
		subject: 'Agency merchandise', account_id: DEMO_IDS.accounts.cityAgency, contact_id: DEMO_IDS.contacts.cityAgency, ...OWNER, quotestage: 'Delivered', validtill: '2026-12-31',
		bill_street: '1 Demo Street', ship_street: '1 Demo Street', currency_id: DEMO_IDS.currencies.usd, hdnTaxType: 'group', cf_xero_invoice_id: '', cf_xero_status: '', productid: DEMO_IDS.products.tshirt,
		LineItems: [
			{ productid: DEMO_IDS.products.tshirt, quantity: '20', listprice: '38.00' },
			{ productid: DEMO_IDS.services.devDay, quantity: '1', listprice: '500.00' },
		],
	});
	const xeroAccount = (name: string, code: string, type: string, taxType: string, cls: string, description: string) => ({
		xero_account_name: name, xero_account_code: code, xero_account_type: type, xero_tax_type: taxType, xero_account_class: cls, xero_account_status: 'ACTIVE', xero_account_id: '', description, ...OWNER,
	});
	const hasXeroAccounts = engine.registry.exists('XeroAccounts');
	if (hasXeroAccounts) add('XeroAccounts', xeroAccount('Sales', '200', 'REVENUE', 'OUTPUT2', 'REVENUE', 'Income from any normal business activity'));
	if (hasXeroAccounts) add('XeroAccounts', xeroAccount('Other Revenue', '260', 'REVENUE', 'OUTPUT2', 'REVENUE', 'Any other income that does not relate to normal business activities'));
	if (hasXeroAccounts) add('XeroAccounts', xeroAccount('Cost of Goods Sold', '310', 'DIRECTCOSTS', 'INPUT2', 'EXPENSE', 'Cost of goods sold by the business'));
	if (hasXeroAccounts) add('XeroAccounts', xeroAccount('Business Bank Account', '090', 'BANK', 'NONE', 'ASSET', ''));

	const expected = [
		...Object.values(DEMO_IDS.accounts), ...Object.values(DEMO_IDS.contacts), ...Object.values(DEMO_IDS.products), ...Object.values(DEMO_IDS.services),
		...Object.values(DEMO_IDS.invoices), ...Object.values(DEMO_IDS.quotes), ...(hasXeroAccounts ? Object.values(DEMO_IDS.xeroAccounts) : []),
	];
	if (made.join() !== expected.join()) throw new Error(`demo ids drifted: ${made.join()} != ${expected.join()}`);
}
