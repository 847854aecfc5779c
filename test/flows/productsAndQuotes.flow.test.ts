import { DEMO_IDS } from '../../sandbox/vtiger';
import { plantProduct } from './plant';
import { countBy, crmRecords, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * examples/products-items-accounts.json: Xero accounts → CRM Xero Accounts; CRM products → Xero items with their
 * account links (→ CRM Update with the item ID); Xero items → CRM products.
 * examples/quotes-to-xero-draft-invoices.json: CRM quote → DRAFT Xero invoice → CRM Update with the invoice ID.
 */

const SEND_ITEMS = 'Send items to Xero';
const SAVE_ITEM = 'Save Xero item ID in CRM';
const UPSERT_PRODUCTS = 'Upsert products in CRM';
const UPSERT_ACCOUNTS = 'Upsert Xero accounts in CRM';

const unique = (values: unknown[]) => [...countBy(values.map((value) => String(value).toLowerCase())).values()].every((n) => n === 1);

describe('flow: products ↔ Xero items, with Xero accounts', () => {
	const sandboxes = sandboxesForEachTest();

	it('copies the chart of accounts, sends products with their account codes, brings Xero items back, and a second run duplicates nothing', async () => {
		const workflow = loadExample('products-items-accounts.json');
		const first = await runFlow(sandboxes, workflow);
		for (const node of [UPSERT_ACCOUNTS, SEND_ITEMS, SAVE_ITEM, UPSERT_PRODUCTS]) {
			expect({ node, errors: first.errors(node).map((item) => item.json.message) }).toEqual({ node, errors: [] });
		}
		expect(first.logged()).toEqual([]);

		const xeroAccounts = xeroStored(sandboxes.xero, 'accounts');
		const crmAccounts = crmRecords(sandboxes.crm, 'XeroAccounts');
		for (const account of xeroAccounts) {
			const row = crmAccounts.find((crmAccount) => crmAccount.xero_account_id === account.AccountID);
			expect(row).toMatchObject({ xero_account_code: account.Code, xero_account_name: account.Name, xero_account_type: account.Type });
		}
		expect(unique(crmAccounts.map((row) => row.xero_account_code))).toBe(true);

		const items = xeroStored(sandboxes.xero, 'items');
		const products = crmRecords(sandboxes.crm, 'Products');
		for (const id of Object.values(DEMO_IDS.products)) {
			const product = products.find((row) => row.id === id) ?? {};
			const item = items.find((row) => row.ItemID === product.cf_xero_item_id);
			expect(item).toMatchObject({
				Code: product.productcode,
				SalesDetails: expect.objectContaining({ AccountCode: product.cf_xero_sales_account }),
				PurchaseDetails: expect.objectContaining({ AccountCode: product.cf_xero_purchase_account }),
			});
		}
		for (const item of items) {
			expect(products.filter((row) => row.cf_xero_item_id === item.ItemID)).toHaveLength(1);
		}
		expect(unique(products.map((row) => row.productcode))).toBe(true);

		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.logged()).toEqual([]);
		expect(xeroStored(sandboxes.xero, 'items')).toHaveLength(items.length);
		expect(crmRecords(sandboxes.crm, 'Products')).toHaveLength(products.length);
		expect(crmRecords(sandboxes.crm, 'XeroAccounts')).toHaveLength(crmAccounts.length);
	});

	it('puts a product linked to a Xero account that does not exist, and one with an over-long code, on the failure log', async () => {
		const badAccount = plantProduct(sandboxes.crm, 'Mystery gadget', { productcode: 'MYSTERY', cf_xero_sales_account: '999' });
		const longCode = plantProduct(sandboxes.crm, 'Long code', { productcode: 'X'.repeat(31) });
		const run = await runFlow(sandboxes, loadExample('products-items-accounts.json'));
		const logged = run.logged();
		expect(logged.map((entry) => entry.crmId).sort()).toEqual([badAccount, longCode].sort());
		expect(String(logged.find((entry) => entry.crmId === badAccount)?.message)).toMatch(/999/);
		expect(String(logged.find((entry) => entry.crmId === longCode)?.message)).toMatch(/longer than Xero's 30 characters/);
		const items = xeroStored(sandboxes.xero, 'items');
		expect(items.some((item) => item.Code === 'MYSTERY')).toBe(false);
		for (const id of Object.values(DEMO_IDS.products)) {
			expect(crmRecords(sandboxes.crm, 'Products').find((row) => row.id === id)?.cf_xero_item_id).toBeTruthy();
		}
	});
});

describe('flow: CRM quote → Xero draft invoice', () => {
	const SEND = 'Send draft invoice to Xero';
	const sandboxes = sandboxesForEachTest();

	it('turns the quote into one DRAFT invoice with its lines, linked both ways, also on a second run', async () => {
		// The quote's products must be Xero items first (the products flow does that).
		await runFlow(sandboxes, loadExample('products-items-accounts.json'));
		const workflow = loadExample('quotes-to-xero-draft-invoices.json');
		const before = xeroStored(sandboxes.xero, 'invoices').length;

		const first = await runFlow(sandboxes, workflow);
		expect(first.errors(SEND).map((item) => item.json.message)).toEqual([]);
		expect(first.logged()).toEqual([]);
		const invoices = xeroStored(sandboxes.xero, 'invoices');
		expect(invoices).toHaveLength(before + 1);
		const quote = crmRecords(sandboxes.crm, 'Quotes').find((row) => row.id === DEMO_IDS.quotes.cityAgency) ?? {};
		const draft = invoices.find((row) => row.InvoiceID === quote.cf_xero_invoice_id);
		expect(draft).toMatchObject({ Type: 'ACCREC', Status: 'DRAFT', Reference: `${String(quote.quote_no)} ${String(quote.subject)}` });
		// The T-shirt is a Xero item now (linked by the products flow); the service is not, so its line carries its account.
		expect((draft?.LineItems as Array<Record<string, unknown>>).map((line) => [line.ItemCode, line.Quantity, line.UnitAmount, line.AccountCode])).toEqual([
			['TSHIRT', 20, 38, '200'],
			[undefined, 1, 500, '200'],
		]);

		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.errors(SEND)).toEqual([]);
		expect(xeroStored(sandboxes.xero, 'invoices')).toHaveLength(before + 1);
	});
});
