import { applyAccount } from '../accounting/accounts';
import { contactsHandler } from '../accounting/contacts';
import type { EntityHandler } from '../accounting/entity';
import { invoicesHandler } from '../accounting/invoices';
import { itemsHandler } from '../accounting/items';
import { paymentsHandler } from '../accounting/payments';
import type { Json } from '../types';
import { Tenant, type TenantProfile } from './tenant';
import { Transaction } from './transaction';

// Fixed IDs so the demo, the README and e2e scripts can name the tenants.
export const DEMO_TENANT_ID = 'a3c1f0e2-4b5d-4e6f-8a7b-9c0d1e2f3a4b';
export const SECOND_TENANT_ID = 'b4d2e1f3-5c6e-4f70-9b8c-0d1e2f3a4b5c';

function taxRate(name: string, taxType: string, rate: number, reportTaxType: string): Json {
	return {
		Name: name,
		TaxType: taxType,
		ReportTaxType: reportTaxType,
		CanApplyToAssets: true,
		CanApplyToEquity: true,
		CanApplyToExpenses: true,
		CanApplyToLiabilities: true,
		CanApplyToRevenue: true,
		DisplayTaxRate: rate,
		EffectiveRate: rate,
		Status: 'ACTIVE',
		TaxComponents: [{ Name: name.startsWith('GST') ? 'GST' : 'Tax', Rate: rate, IsCompound: false, IsNonRecoverable: false }],
	};
}

function organisation(profile: TenantProfile, extra: Json): Json {
	return {
		OrganisationID: profile.tenantId,
		APIKey: '',
		Name: profile.name,
		LegalName: profile.name,
		PaysTax: true,
		Version: profile.version,
		OrganisationType: 'COMPANY',
		BaseCurrency: profile.baseCurrency,
		CountryCode: profile.countryCode,
		IsDemoCompany: true,
		OrganisationStatus: 'ACTIVE',
		FinancialYearEndDay: 31,
		FinancialYearEndMonth: 3,
		SalesTaxBasis: 'INVOICE',
		SalesTaxPeriod: 'TWOMONTHS',
		DefaultSalesTax: 'Tax Exclusive',
		DefaultPurchasesTax: 'Tax Inclusive',
		OrganisationEntityType: 'COMPANY',
		ShortCode: profile.shortCode,
		Class: 'DEMO',
		Edition: 'BUSINESS',
		Addresses: [],
		Phones: [],
		ExternalLinks: [],
		PaymentTerms: {},
		...extra,
	};
}

function must(tx: Transaction, handler: EntityHandler, element: Json): string {
	const result = handler.apply({ tx, now: tx.now }, element, 'create');
	if (!result.id) throw new Error(`demo ${handler.resource} rejected: ${result.errors.join('; ')}`);
	return result.id;
}

function chart(tx: Transaction, salesTax: string, purchaseTax: string, bankCurrency: string): void {
	const accounts: Json[] = [
		{ Code: '090', Name: 'Business Bank Account', Type: 'BANK', BankAccountNumber: '0102030405060', CurrencyCode: bankCurrency },
		{ Code: '091', Name: 'Business Savings Account', Type: 'BANK', BankAccountNumber: '0102030405061', CurrencyCode: bankCurrency },
		{ Code: '200', Name: 'Sales', Type: 'REVENUE', TaxType: salesTax },
		{ Code: '260', Name: 'Other Revenue', Type: 'REVENUE', TaxType: salesTax },
		{ Code: '270', Name: 'Interest Income', Type: 'OTHERINCOME', TaxType: 'NONE' },
		{ Code: '310', Name: 'Cost of Goods Sold', Type: 'DIRECTCOSTS', TaxType: purchaseTax },
		{ Code: '400', Name: 'Advertising', Type: 'OVERHEADS', TaxType: purchaseTax },
		{ Code: '404', Name: 'Bank Fees', Type: 'OVERHEADS', TaxType: 'NONE' },
		{ Code: '412', Name: 'Consulting & Accounting', Type: 'EXPENSE', TaxType: purchaseTax },
		{ Code: '429', Name: 'General Expenses', Type: 'EXPENSE', TaxType: purchaseTax },
		{ Code: '453', Name: 'Office Expenses', Type: 'EXPENSE', TaxType: purchaseTax },
		{ Code: '469', Name: 'Rent', Type: 'OVERHEADS', TaxType: purchaseTax },
		{ Code: '489', Name: 'Telephone & Internet', Type: 'OVERHEADS', TaxType: purchaseTax },
		{ Code: '493', Name: 'Travel - National', Type: 'OVERHEADS', TaxType: purchaseTax },
		{ Code: '630', Name: 'Inventory', Type: 'INVENTORY', TaxType: 'NONE' },
		{ Code: '720', Name: 'Computer Equipment', Type: 'FIXED', TaxType: purchaseTax },
		{ Code: '970', Name: 'Owner A Funds Introduced', Type: 'EQUITY', TaxType: 'NONE' },
	];
	for (const account of accounts) {
		const result = applyAccount(tx, tx.now, account);
		if (!result.id) throw new Error(`demo account ${String(account.Code)} rejected: ${result.errors.join('; ')}`);
	}
	// System accounts cannot be created through the API, so they are written directly.
	const system: Json[] = [
		{ Code: '610', Name: 'Accounts Receivable', Type: 'CURRENT', SystemAccount: 'DEBTORS' },
		{ Code: '800', Name: 'Accounts Payable', Type: 'CURRLIAB', SystemAccount: 'CREDITORS' },
		{ Code: '820', Name: 'GST', Type: 'CURRLIAB', SystemAccount: 'GST' },
	];
	for (const account of system) {
		const result = applyAccount(tx, tx.now, { ...account, TaxType: 'NONE' });
		const id = result.id as string;
		tx.put('accounts', id, { ...tx.get('accounts', id), SystemAccount: account.SystemAccount });
	}
	const archived = applyAccount(tx, tx.now, { Code: '499', Name: 'Old Expenses', Type: 'EXPENSE', TaxType: purchaseTax, Status: 'ARCHIVED' });
	if (!archived.id) throw new Error(archived.errors.join('; '));
}

/**
 * A tenant with its organisation, tax rates and chart of accounts (banked in its base currency; `taxes` are the sales
 * and purchase tax types), and the open transaction its demo records are written in.
 */
function openTenant(
	now: number,
	profile: TenantProfile,
	organisationFields: Json,
	taxRates: Json[],
	[salesTax, purchaseTax]: [string, string],
): { tenant: Tenant; tx: Transaction } {
	const tenant = new Tenant(profile);
	tenant.organisation = organisation(profile, organisationFields);
	tenant.taxRates = taxRates;
	const tx = new Transaction(tenant, now);
	chart(tx, salesTax, purchaseTax, profile.baseCurrency);
	return { tenant, tx };
}

function demoCompany(now: number, withRecords: boolean): Tenant {
	const profile: TenantProfile = {
		tenantId: DEMO_TENANT_ID,
		name: 'Demo Company (NZ)',
		baseCurrency: 'NZD',
		countryCode: 'NZ',
		version: 'NZ',
		shortCode: '!sBx9k',
		createdAt: Date.UTC(2024, 0, 15),
		currencies: ['AUD', 'USD'],
	};
	const taxRates = [
		taxRate('GST on Income', 'OUTPUT2', 15, 'OUTPUT'),
		taxRate('GST on Expenses', 'INPUT2', 15, 'INPUT'),
		taxRate('No GST', 'NONE', 0, 'NONE'),
		taxRate('Zero Rated', 'ZERORATED', 0, 'OUTPUT'),
		taxRate('GST on Imports', 'GSTONIMPORTS', 0, 'GSTONIMPORTS'),
	];
	const { tenant, tx } = openTenant(now, profile, { Timezone: 'NEWZEALANDSTANDARDTIME', TaxNumber: '101-112-123' }, taxRates, ['OUTPUT2', 'INPUT2']);
	if (!withRecords) {
		tx.commit();
		return tenant;
	}
	const contacts: Json[] = [
		{ Name: 'ABC Furniture', FirstName: 'Trish', LastName: 'Rawlings', EmailAddress: 'info@abfl.com', ContactNumber: 'CUST-001' },
		{ Name: 'Bayside Club', FirstName: 'Bob', LastName: 'Partridge', EmailAddress: 'secretarybob@bayside.co', ContactNumber: 'CUST-002' },
		{ Name: 'City Limousines', EmailAddress: 'bookings@citylimos.co', ContactNumber: 'CUST-003' },
		{ Name: 'Marine Systems', EmailAddress: 'accounts@marinesystems.co', ContactNumber: 'CUST-004', DefaultCurrency: 'AUD' },
		{ Name: 'Ridgeway University', EmailAddress: 'accounts@ridgeway.edu', ContactNumber: 'CUST-005', DefaultCurrency: 'USD' },
		{ Name: 'PowerDirect', EmailAddress: 'billing@powerdirect.co', ContactNumber: 'SUPP-001' },
		{ Name: 'Old Supplier Ltd', ContactStatus: 'ARCHIVED', ContactNumber: 'SUPP-002' },
	];
	const contactIds = contacts.map((contact) => must(tx, contactsHandler, contact));
	const items: Json[] = [
		{ Code: 'BOOK', Name: 'Fiction Books', Description: 'Fiction books, paperback', PurchaseDescription: 'Fiction books bought in', SalesDetails: { UnitPrice: 19.95, AccountCode: '200', TaxType: 'OUTPUT2' }, PurchaseDetails: { UnitPrice: 12.5, AccountCode: '310', TaxType: 'INPUT2' } },
		{ Code: 'GB1-White', Name: 'Golf balls - white single', Description: 'Golf ball, white, single', SalesDetails: { UnitPrice: 5.5, AccountCode: '200', TaxType: 'OUTPUT2' }, PurchaseDetails: { UnitPrice: 2.1, AccountCode: '310', TaxType: 'INPUT2' } },
		{ Code: 'DESK', Name: 'Office desk', Description: 'Standing office desk', SalesDetails: { UnitPrice: 899, AccountCode: '200', TaxType: 'OUTPUT2' }, PurchaseDetails: { UnitPrice: 520, AccountCode: '310', TaxType: 'INPUT2' } },
		{ Code: 'CONSULT', Name: 'Consulting hour', Description: 'Consulting, per hour', SalesDetails: { UnitPrice: 150, AccountCode: '200', TaxType: 'OUTPUT2' } },
		{ Code: 'ADS', Name: 'Advertising space', Description: 'Advertising space', PurchaseDetails: { UnitPrice: 300, AccountCode: '400', TaxType: 'INPUT2' } },
	];
	for (const item of items) must(tx, itemsHandler, item);
	const invoice = (contact: number, status: string, lines: Json[], extra: Json = {}) =>
		must(tx, invoicesHandler, {
			Type: 'ACCREC',
			Contact: { ContactID: contactIds[contact] },
			Date: '2026-10-01',
			DueDate: '2026-10-31',
			Status: status,
			LineItems: lines,
			...extra,
		});
	invoice(0, 'DRAFT', [{ ItemCode: 'DESK', Quantity: 2 }], { Reference: 'Office fit-out' });
	invoice(1, 'AUTHORISED', [{ ItemCode: 'GB1-White', Quantity: 40 }, { Description: 'Club engraving', Quantity: 1, UnitAmount: 60, AccountCode: '200' }], { Reference: 'Tournament' });
	const paid = invoice(2, 'AUTHORISED', [{ ItemCode: 'CONSULT', Quantity: 3 }], { Reference: 'Fleet review' });
	invoice(4, 'AUTHORISED', [{ ItemCode: 'CONSULT', Quantity: 10 }], { CurrencyCode: 'USD', Reference: 'Research project' });
	must(tx, invoicesHandler, {
		Type: 'ACCPAY',
		Contact: { ContactID: contactIds[5] },
		InvoiceNumber: 'PD-7781',
		Date: '2026-10-05',
		DueDate: '2026-10-20',
		Status: 'AUTHORISED',
		LineItems: [{ Description: 'Electricity October', Quantity: 1, UnitAmount: 245.6, AccountCode: '429' }],
	});
	const total = Number(tx.get('invoices', paid)?.Total);
	must(tx, paymentsHandler, { Invoice: { InvoiceID: paid }, Account: { Code: '090' }, Date: '2026-10-12', Amount: total, Reference: 'DD 4471' });
	tx.commit();
	return tenant;
}

function secondDemo(now: number, withRecords: boolean): Tenant {
	const profile: TenantProfile = {
		tenantId: SECOND_TENANT_ID,
		name: 'Second Demo Ltd',
		baseCurrency: 'AUD',
		countryCode: 'AU',
		version: 'AU',
		shortCode: '!q2Lm7',
		createdAt: Date.UTC(2025, 5, 2),
		currencies: ['NZD'],
	};
	const taxRates = [
		taxRate('GST on Income', 'OUTPUT', 10, 'OUTPUT'),
		taxRate('GST on Expenses', 'INPUT', 10, 'INPUT'),
		taxRate('GST Free Income', 'EXEMPTOUTPUT', 0, 'EXEMPTOUTPUT'),
		taxRate('BAS Excluded', 'BASEXCLUDED', 0, 'BASEXCLUDED'),
		taxRate('No Tax', 'NONE', 0, 'NONE'),
	];
	const { tenant, tx } = openTenant(now, profile, { Timezone: 'AUSEASTERNSTANDARDTIME', RegistrationNumber: '53 004 085 616' }, taxRates, ['OUTPUT', 'INPUT']);
	if (!withRecords) {
		tx.commit();
		return tenant;
	}
	const customer = must(tx, contactsHandler, { Name: 'Harbour Cafe', EmailAddress: 'hello@harbourcafe.au', ContactNumber: 'C-100' });
	must(tx, contactsHandler, { Name: 'Southern Supplies', EmailAddress: 'ar@southernsupplies.au', ContactNumber: 'S-200' });
	must(tx, itemsHandler, { Code: 'COFFEE-1KG', Name: 'Coffee beans 1kg', Description: 'Roasted coffee beans, 1kg', SalesDetails: { UnitPrice: 42, AccountCode: '200', TaxType: 'OUTPUT' }, PurchaseDetails: { UnitPrice: 25, AccountCode: '310', TaxType: 'INPUT' } });
	must(tx, invoicesHandler, { Type: 'ACCREC', Contact: { ContactID: customer }, Date: '2026-10-03', DueDate: '2026-11-02', Status: 'AUTHORISED', LineItems: [{ ItemCode: 'COFFEE-1KG', Quantity: 12 }] });
	tx.commit();
	return tenant;
}

/**
 * 'demo': both organisations with contacts, items, invoices (DRAFT, AUTHORISED, PAID) and a bill.
 * 'empty': the same organisations with only their settings (currencies, tax rates, chart of accounts), so tests
 * can count exactly what they create.
 */
export function buildTenants(data: 'demo' | 'empty', now: number): Tenant[] {
	const withRecords = data === 'demo';
	return [demoCompany(now, withRecords), secondDemo(now, withRecords)];
}
