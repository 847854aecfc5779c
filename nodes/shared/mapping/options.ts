import type { Resolved } from './types';

/** The CRM fields of the module that holds Xero accounts (Simply CRM's "Xero Accounts" list). */
export interface AccountModuleFields {
	name: string;
	code: string;
	type: string;
	taxType: string;
	accountClass: string;
	status: string;
	description: string;
}

/**
 * Everything a user may change about the mapping. Field names are CRM field names; an empty string switches that
 * part of the mapping off (useful when the CRM has no such custom field).
 */
export interface MappingOptions {
	/** CRM field holding the Xero ID, per CRM module. */
	linkFields: Record<string, string>;
	/** CRM field holding the Xero item code, per module. Products/Services numbers (product_no) are CRM-assigned. */
	itemCodeFields: Record<string, string>;
	/** CRM fields holding the Xero sales and purchase account codes of a product or service. */
	itemAccountFields: { sales: string; purchase: string };
	/** Module a Xero item becomes in the CRM when the caller does not say. */
	itemModule: 'Products' | 'Services';
	/** CRM module (and its fields) that holds Xero accounts. */
	accountModule: string;
	accountFields: AccountModuleFields;
	/** Accounts fields with no standard vtiger home. */
	organisationFields: { taxNumber: string; currency: string };
	/**
	 * A CRM module whose records are credit notes (vtiger 7.5 has none; a custom inventory module), and its number
	 * field. Empty: only CRM invoices that are credits (negative total or "Credit Invoice") become credit notes.
	 */
	creditNoteModule: string;
	creditNoteNumberField: string;
	/** Invoice fields: the Xero status (Simply CRM's "Xero Status") and the Xero invoice number. */
	invoiceFields: { xeroStatus: string; xeroNumber: string };
	/**
	 * Quotes fields for the Xero quote a CRM quote is synced with. Not the Quotes link field (cf_xero_invoice_id),
	 * which holds the draft invoice a quote may become: one CRM quote can have both.
	 */
	quoteFields: { xeroId: string; xeroStatus: string };
	/**
	 * When a CRM line's ItemCode goes to Xero: 'linked' (default) only for products linked to a Xero item (their
	 * link field is set), since Xero rejects codes it does not know; 'always'; or 'never' (account-coded lines, as
	 * Simply CRM's integration sends them).
	 */
	lineItemCodes: 'linked' | 'always' | 'never';
	/** Sales account code for a line whose product has none. */
	defaultSalesAccountCode: string;
	/** CRM product/service id used for Xero lines without an ItemCode (vtiger line items need a product). */
	fallbackProductId: string;
	/** Applied last to the mapped record (`record` for CRM → Xero, `fields` for Xero → CRM); dotted paths allowed. */
	overrides: Record<string, unknown>;
	/** Applied last to the mapped primary contact person (Xero → CRM Contacts fields). */
	contactOverrides: Record<string, unknown>;
	resolved: Resolved;
}

export type MappingOptionsInput = Partial<
	Omit<MappingOptions, 'linkFields' | 'itemCodeFields' | 'itemAccountFields' | 'accountFields' | 'organisationFields' | 'invoiceFields' | 'quoteFields'>
> & {
	linkFields?: Record<string, string>;
	itemCodeFields?: Record<string, string>;
	itemAccountFields?: Partial<MappingOptions['itemAccountFields']>;
	accountFields?: Partial<AccountModuleFields>;
	organisationFields?: Partial<MappingOptions['organisationFields']>;
	invoiceFields?: Partial<MappingOptions['invoiceFields']>;
	quoteFields?: Partial<MappingOptions['quoteFields']>;
};

export const DEFAULT_LINK_FIELDS: Readonly<Record<string, string>> = {
	Accounts: 'cf_xero_contact_id',
	Contacts: 'cf_xero_contact_id',
	Vendors: 'cf_xero_contact_id',
	Products: 'cf_xero_item_id',
	Services: 'cf_xero_item_id',
	Invoice: 'cf_xero_invoice_id',
	Quotes: 'cf_xero_invoice_id',
	SalesOrder: 'cf_xero_invoice_id',
	PurchaseOrder: 'cf_xero_purchaseorder_id',
	XeroAccounts: 'xero_account_id',
};

export const DEFAULT_ACCOUNT_FIELDS: Readonly<AccountModuleFields> = {
	name: 'xero_account_name',
	code: 'xero_account_code',
	type: 'xero_account_type',
	taxType: 'xero_tax_type',
	accountClass: 'xero_account_class',
	status: 'xero_account_status',
	description: 'description',
};

export function mappingOptions(input: MappingOptionsInput = {}): MappingOptions {
	return {
		linkFields: { ...DEFAULT_LINK_FIELDS, ...input.linkFields },
		itemCodeFields: { Products: 'productcode', Services: 'service_no', ...input.itemCodeFields },
		itemAccountFields: { sales: 'cf_xero_sales_account', purchase: 'cf_xero_purchase_account', ...input.itemAccountFields },
		itemModule: input.itemModule ?? 'Products',
		accountModule: input.accountModule ?? 'XeroAccounts',
		accountFields: { ...DEFAULT_ACCOUNT_FIELDS, ...input.accountFields },
		organisationFields: {
			taxNumber: 'cf_xero_tax_number',
			currency: 'cf_xero_currency',
			...input.organisationFields,
		},
		invoiceFields: { xeroStatus: 'cf_xero_status', xeroNumber: 'cf_xero_invoice_number', ...input.invoiceFields },
		quoteFields: { xeroId: 'cf_xero_quote_id', xeroStatus: 'cf_xero_quote_status', ...input.quoteFields },
		creditNoteModule: input.creditNoteModule ?? '',
		creditNoteNumberField: input.creditNoteNumberField ?? '',
		lineItemCodes: input.lineItemCodes ?? 'linked',
		defaultSalesAccountCode: input.defaultSalesAccountCode ?? '',
		fallbackProductId: input.fallbackProductId ?? '',
		overrides: input.overrides ?? {},
		contactOverrides: input.contactOverrides ?? {},
		resolved: input.resolved ?? {},
	};
}

/** The link field of a module; the account module's link defaults like XeroAccounts'. */
export function linkFieldOf(options: MappingOptions, module: string): string {
	if (module in options.linkFields) return options.linkFields[module];
	if (module === options.accountModule) return options.linkFields.XeroAccounts ?? '';
	return '';
}
