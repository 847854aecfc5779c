import type { CrmRecord } from '../../../nodes/shared/mapping';
import type { CatalogItem } from './arbitraries';
import { MemoryCrm, PREFIXES } from './memoryCrm';

/** The CRM currencies the round trips resolve CurrencyCode against. */
export const CURRENCIES: Array<CrmRecord & { id: string }> = ['USD', 'NZD', 'EUR', 'GBP', 'AUD'].map((code, index) => ({
	id: `21x${index + 1}`,
	currency_code: code,
	currency_name: code,
}));

/**
 * A CRM holding the catalog's products (they came from Xero, so they are linked to their items and send their
 * ItemCode back) and the organisation of the Xero contact, for invoice and quote round trips.
 */
export function crmWith(items: CatalogItem[], contact: Record<string, unknown>): MemoryCrm {
	const products = items.map((item, index) => {
		const id = item.module === 'Products' ? `14x${100 + index}` : `26x${100 + index}`;
		return item.module === 'Products'
			? { id, productname: `Product ${item.code}`, productcode: item.code, product_no: `PRO${index}`, cf_xero_sales_account: item.salesAccount, cf_xero_item_id: `item-${index}` }
			: { id, servicename: `Service ${item.code}`, service_no: item.code, cf_xero_sales_account: item.salesAccount, cf_xero_item_id: `item-${index}` };
	});
	const account = { id: '11x50', accountname: String(contact.Name), cf_xero_contact_id: String(contact.ContactID), bill_street: '1 Main St', ship_street: '2 Dock Rd' };
	return new MemoryCrm([...CURRENCIES, ...products, account], PREFIXES);
}
