import type { IDataObject } from 'n8n-workflow';
import type { StorageRules } from '../sameValue';
import { changedFields } from '../sameValue';

/**
 * How Xero stores what Send writes, for "would this write change anything" (nodes/shared/sameValue.ts): amounts at
 * 2 decimals, unit amounts and quantities at 4 (read with unitdp=4), dates by day, codes, enums and IDs without
 * case, a contact's phones and addresses by type, an invoice's contact by ContactID or Name.
 */
export const XERO_STORAGE: StorageRules = {
	decimals: {
		UnitAmount: 4,
		UnitPrice: 4,
		Quantity: 4,
		LineAmount: 2,
		TaxAmount: 2,
		DiscountRate: 2,
		DiscountAmount: 2,
		Discount: 2,
		CurrencyRate: 6,
	},
	caseInsensitive: new Set([
		'Status',
		'Type',
		'LineAmountTypes',
		'CurrencyCode',
		'DefaultCurrency',
		'ContactStatus',
		'AccountCode',
		'COGSAccountCode',
		'InventoryAssetAccountCode',
		'ItemCode',
		'TaxType',
		'PhoneType',
		'AddressType',
		'ContactID',
		'InvoiceID',
		'ItemID',
		'AccountID',
		'LineItemID',
		'BrandingThemeID',
		'QuoteID',
		'PurchaseOrderID',
	]),
	dates: new Set(['Date', 'DueDate', 'ExpectedPaymentDate', 'PlannedPaymentDate', 'ExpiryDate', 'DeliveryDate', 'ExpectedArrivalDate']),
	keyedArrays: { Phones: 'PhoneType', Addresses: 'AddressType' },
	references: { Contact: ['ContactID', 'Name'] },
};

/**
 * Xero's storage rules for one collection. Quotes and purchase orders are read without `unitdp` (their lists take
 * none), so Xero answers their unit amounts at 2 places: compared at 4, a CRM price of 12.3456 would differ from
 * Xero's 12.35 on every run and be written again each time.
 */
const RULES_AT = new Map<number, StorageRules>();

export function storageOf(resource?: { unitAmountDecimals?: number }): StorageRules {
	const places = resource?.unitAmountDecimals;
	if (places === undefined) return XERO_STORAGE;
	// Built once per precision: Unchanged asks for it for every record of a batch.
	let rules = RULES_AT.get(places);
	if (!rules) {
		rules = { ...XERO_STORAGE, decimals: { ...XERO_STORAGE.decimals, UnitAmount: places, UnitPrice: places } };
		RULES_AT.set(places, rules);
	}
	return rules;
}

/** The fields of a Send payload that differ from the Xero record it would be written over. */
export function changedInXero(payload: IDataObject, existing: IDataObject, resource?: { unitAmountDecimals?: number }): string[] {
	return changedFields(payload, existing, storageOf(resource));
}
