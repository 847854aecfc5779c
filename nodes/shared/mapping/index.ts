import { crmAccountToXero, xeroAccountToCrm } from './account';
import { crmInvoiceToXero, xeroInvoiceToCrm } from './invoice';
import { crmItemToXero, xeroItemToCrm } from './item';
import { mappingOptions, type MappingOptionsInput } from './options';
import { crmOrganisationToXero, xeroOrganisationToCrm } from './organisation';
import { crmQuoteToXeroQuote, xeroQuoteToCrm } from './quote';
import { crmPurchaseOrderToXero, xeroPurchaseOrderToCrm } from './purchaseOrder';
import { crmQuoteToDraftInvoice } from './quoteToDraftInvoice';
import { RESOLVED_KEY, withEmbedded } from './resolveBatch';
import { crmVendorToXero, xeroSupplierToCrmVendor } from './vendor';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroResource, XeroToCrmResult } from './types';

/**
 * The mapping API the nodes call (documented in docs/ARCHITECTURE.md, "Mapping"). Every function is pure: CRM
 * references it cannot resolve come back in `needs`; the caller fetches them and maps again with
 * `options.resolved`.
 */

const CRM_MODULES_BY_RESOURCE: Readonly<Record<XeroResource, readonly string[]>> = {
	organisation: ['Accounts', 'Contacts', 'Vendors'],
	invoice: ['Invoice', 'Quotes', 'SalesOrder'],
	item: ['Products', 'Services'],
	account: ['XeroAccounts'],
	quote: ['Quotes'],
	purchaseOrder: ['PurchaseOrder'],
	// A CRM invoice is a credit note only when it is a credit (crmInvoiceToCreditNote): its module maps to invoice.
	creditNote: [],
};

type CrmMapper = (record: CrmRecord, options: ReturnType<typeof mappingOptions>) => CrmToXeroResult;

/**
 * A module that maps to more than one Xero resource, mapped for the one the caller sends (Quotes: a Xero quote for
 * Send quote; otherwise the default of crmToXero, a draft invoice).
 */
const FOR_RESOURCE: Readonly<Record<string, Record<string, CrmMapper>>> = {
	quote: { Quotes: crmQuoteToXeroQuote },
};

/**
 * A CRM record of `module` in Xero's shape. Quotes and SalesOrder become DRAFT invoices, unless `resource` asks for
 * another Xero resource the module maps to (Quotes → quote).
 */
export function crmToXero(module: string, record: CrmRecord, input: MappingOptionsInput = {}, resource?: string): CrmToXeroResult {
	const options = mappingOptions({ ...input, resolved: withEmbedded(input.resolved, record[RESOLVED_KEY]) });
	const chosen = resource === undefined ? undefined : FOR_RESOURCE[resource]?.[module];
	if (chosen) return chosen(record, options);
	switch (module) {
		case 'Accounts':
		case 'Contacts':
			return crmOrganisationToXero(module, record, options);
		case 'Vendors':
			return crmVendorToXero(record, options);
		case 'Products':
		case 'Services':
			return crmItemToXero(module, record, options);
		case 'Invoice':
			return crmInvoiceToXero(record, options);
		case 'Quotes':
		case 'SalesOrder':
			return crmQuoteToDraftInvoice(module, record, options);
		case 'PurchaseOrder':
			return crmPurchaseOrderToXero(record, options);
		default:
			if (module === options.accountModule) return crmAccountToXero(record, options);
			throw new Error(
				`No mapping from CRM module "${module}" to Xero. Mapped modules: Accounts, Contacts, Vendors, Products, Services, Invoice, Quotes, SalesOrder, ${options.accountModule}. Purchase orders: PurchaseOrder.`,
			);
	}
}


/** A Xero record as CRM fields. `module` picks Products or Services for items (default: options.itemModule), Vendors for suppliers. */
export function xeroToCrm(resource: XeroResource, xeroRecord: XeroRecord, input: MappingOptionsInput = {}, module?: string): XeroToCrmResult {
	const options = mappingOptions(input);
	switch (resource) {
		case 'organisation':
			// A supplier's CRM home is Vendors when the node writes there; Accounts otherwise.
			return module === 'Vendors' ? xeroSupplierToCrmVendor(xeroRecord, options) : xeroOrganisationToCrm(xeroRecord, options);
		case 'item':
			return xeroItemToCrm(xeroRecord, options, module ?? options.itemModule);
		case 'invoice':
			return xeroInvoiceToCrm(xeroRecord, options);
		case 'account':
			return xeroAccountToCrm(xeroRecord, options);
		case 'quote':
			return xeroQuoteToCrm(xeroRecord, options);
		case 'purchaseOrder':
			return xeroPurchaseOrderToCrm(xeroRecord, options);
		default:
			throw new Error(`No mapping from Xero resource "${String(resource)}" to the CRM. Mapped: organisation, invoice, item, account, quote, purchaseOrder.`);
	}
}

/** The CRM modules a Xero resource maps to and from. */
export function crmModulesOf(resource: XeroResource): readonly string[] {
	return CRM_MODULES_BY_RESOURCE[resource] ?? [];
}

/** The Xero resource a CRM module maps to, or undefined when it has no mapping. */
export function xeroResourceOf(module: string, input: MappingOptionsInput = {}): XeroResource | undefined {
	if (module === (input.accountModule ?? 'XeroAccounts')) return 'account';
	for (const [resource, modules] of Object.entries(CRM_MODULES_BY_RESOURCE)) {
		if (modules.includes(module)) return resource as XeroResource;
	}
	return undefined;
}

export { crmAccountToXero, xeroAccountToCrm } from './account';
export { crmToCreditNote, isCreditInvoice } from './creditNote';
export { crmInvoiceToXero, xeroInvoiceToCrm } from './invoice';
export { crmItemToXero, xeroItemToCrm, CRM_NUMBER_FIELDS } from './item';
export { crmOrganisationToXero, xeroOrganisationToCrm } from './organisation';
export { crmPurchaseOrderToXero, xeroPurchaseOrderToCrm } from './purchaseOrder';
export { crmQuoteToDraftInvoice } from './quoteToDraftInvoice';
export { crmQuoteToXeroQuote, xeroQuoteToCrm, quoteStageOf } from './quote';
export { crmVendorToXero, xeroSupplierToCrmVendor } from './vendor';
export { xeroStatusToSend, crmStatusOf } from './invoiceStatus';
export { mappingOptions, DEFAULT_LINK_FIELDS, DEFAULT_ACCOUNT_FIELDS } from './options';
export type { MappingOptions, MappingOptionsInput, AccountModuleFields } from './options';
export { lookupKey } from './resolution';
export { mapBatch, groupLookups, foundFromRows, mergeResolved, unresolvedMessage, referencesFor, RESOLVED_KEY } from './resolveBatch';
export type { CrmFetcher } from './resolveBatch';
export { num, text, day, bool, isCrmId } from './vtigerValues';
export * from './types';
