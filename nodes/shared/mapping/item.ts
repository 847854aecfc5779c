import { linkedCrmResult } from './linkedResult';
import { linkFieldOf, type MappingOptions } from './options';
import { applyOverrides, compact } from './overrides';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroToCrmResult } from './types';
import { isCrmId, num, text } from './vtigerValues';

/** vtiger assigns these record numbers itself on create, so a mapping never writes them. */
export const CRM_NUMBER_FIELDS: Readonly<Record<string, string>> = {
	Accounts: 'account_no',
	Contacts: 'contact_no',
	Products: 'product_no',
	Services: 'service_no',
	Invoice: 'invoice_no',
	Quotes: 'quote_no',
	SalesOrder: 'salesorder_no',
};

export const ITEM_NAME_FIELDS: Readonly<Record<string, string>> = { Products: 'productname', Services: 'servicename' };

const XERO_CODE_MAX = 30;
const XERO_NAME_MAX = 50;

export function itemCodeFieldOf(options: MappingOptions, module: string): string {
	return options.itemCodeFields[module] || CRM_NUMBER_FIELDS[module] || '';
}

/** The Xero item code of a CRM product or service: its code field, else its CRM number (PRO1, SER1). */
export function crmItemCode(module: string, record: CrmRecord, options: MappingOptions): string {
	return text(record[itemCodeFieldOf(options, module)]) || text(record[CRM_NUMBER_FIELDS[module]]);
}

/** Products or Services, from a line item's entity_type or the record's name field: id prefixes differ per install. */
export function itemModuleOf(record: CrmRecord, fallback: string): string {
	if (text(record.entity_type)) return text(record.entity_type);
	if ('servicename' in record) return 'Services';
	if ('productname' in record) return 'Products';
	return fallback;
}

export function xeroItemToCrm(item: XeroRecord, options: MappingOptions, module: string = options.itemModule): XeroToCrmResult {
	const errors: string[] = [];
	const xeroId = text(item.ItemID) || null;
	const code = text(item.Code);
	if (!code) errors.push(`Xero item ${xeroId ?? '(no ItemID)'} has no Code.`);
	const nameField = ITEM_NAME_FIELDS[module];
	if (!nameField) errors.push(`Xero items map to Products or Services, not ${module}.`);
	const sales = (item.SalesDetails ?? {}) as XeroRecord;
	const purchase = (item.PurchaseDetails ?? {}) as XeroRecord;

	const fields: CrmRecord = {
		// vtiger requires a name; Xero does not, and an item without one is shown by its code.
		[nameField ?? 'productname']: text(item.Name) || code,
		description: text(item.Description),
		unit_price: num(sales.UnitPrice) ?? '',
		purchase_cost: num(purchase.UnitPrice) ?? '',
	};
	const codeField = itemCodeFieldOf(options, module);
	const codeWritable = codeField !== CRM_NUMBER_FIELDS[module];
	if (codeField && codeWritable) fields[codeField] = code;
	if (options.itemAccountFields.sales) fields[options.itemAccountFields.sales] = text(sales.AccountCode);
	if (options.itemAccountFields.purchase) fields[options.itemAccountFields.purchase] = text(purchase.AccountCode);
	const link = linkFieldOf(options, module);
	return linkedCrmResult(module, fields, { xeroId, link, key: { field: codeField, value: code } }, options, { errors });
}

export function crmItemToXero(module: string, record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const errors: string[] = [];
	const crmId = isCrmId(record.id) ? record.id : null;
	const label = `CRM ${module === 'Services' ? 'service' : 'product'} ${crmId ?? '(new)'}`;
	const code = crmItemCode(module, record, options);
	const name = text(record[ITEM_NAME_FIELDS[module] ?? 'productname']);
	if (!code) errors.push(`${label} has no ${itemCodeFieldOf(options, module)}; Xero items need a Code.`);
	if (code.length > XERO_CODE_MAX) errors.push(`${label}: code "${code}" is longer than Xero's ${XERO_CODE_MAX} characters.`);
	if (name.length > XERO_NAME_MAX) errors.push(`${label}: name "${name}" is longer than Xero's ${XERO_NAME_MAX} characters.`);

	const salesAccount = options.itemAccountFields.sales ? text(record[options.itemAccountFields.sales]) : '';
	const purchaseAccount = options.itemAccountFields.purchase ? text(record[options.itemAccountFields.purchase]) : '';
	const xero = compact({
		ItemID: text(record[linkFieldOf(options, module)]),
		Code: code,
		Name: name,
		Description: text(record.description),
		SalesDetails: compact({ UnitPrice: num(record.unit_price), AccountCode: salesAccount }),
		PurchaseDetails: compact({ UnitPrice: num(record.purchase_cost), AccountCode: purchaseAccount }),
	});
	return {
		resource: 'item',
		record: applyOverrides(xero, options.overrides),
		crmId,
		needs: { crmIds: [], lookups: [] },
		errors,
		warnings: [],
	};
}
