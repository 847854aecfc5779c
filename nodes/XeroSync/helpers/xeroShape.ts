import type { IDataObject } from 'n8n-workflow';
import { toXeroRequestDate } from '../../shared/dates';
import { coerceXeroNumbers } from '../../shared/xero/normalise';
import { isXeroId } from '../../shared/xero/resources';
import type { XeroResource } from '../../shared/xero/resources';

/**
 * The properties Xero accepts when writing each record. Input items usually carry more (CRM fields, totals from a
 * previous read, n8n metadata); sending those would trip request validation, so only these are kept.
 */
const WRITABLE: Record<XeroResource, string[]> = {
	organisation: [
		'ContactID',
		'ContactNumber',
		'AccountNumber',
		'ContactStatus',
		'Name',
		'FirstName',
		'LastName',
		'CompanyNumber',
		'EmailAddress',
		'ContactPersons',
		'BankAccountDetails',
		'TaxNumber',
		'AccountsReceivableTaxType',
		'AccountsPayableTaxType',
		'Addresses',
		'Phones',
		'SalesDefaultLineAmountType',
		'PurchasesDefaultLineAmountType',
		'DefaultCurrency',
		'XeroNetworkKey',
		'SalesDefaultAccountCode',
		'PurchasesDefaultAccountCode',
		'SalesTrackingCategories',
		'PurchasesTrackingCategories',
		'TrackingCategoryName',
		'TrackingCategoryOption',
		'PaymentTerms',
		'ContactGroups',
		'Website',
		'BrandingTheme',
		'BatchPayments',
		'Discount',
	],
	invoice: [
		'InvoiceID',
		'Type',
		'Contact',
		'LineItems',
		'Date',
		'DueDate',
		'LineAmountTypes',
		'InvoiceNumber',
		'Reference',
		'BrandingThemeID',
		'Url',
		'CurrencyCode',
		'CurrencyRate',
		'Status',
		'SentToContact',
		'ExpectedPaymentDate',
		'PlannedPaymentDate',
	],
	item: [
		'ItemID',
		'Code',
		'InventoryAssetAccountCode',
		'Name',
		'IsSold',
		'IsPurchased',
		'Description',
		'PurchaseDescription',
		'PurchaseDetails',
		'SalesDetails',
		'IsTrackedAsInventory',
	],
	account: [
		'AccountID',
		'Code',
		'Name',
		'Type',
		'BankAccountNumber',
		'Status',
		'Description',
		'BankAccountType',
		'CurrencyCode',
		'TaxType',
		'EnablePaymentsToAccount',
		'ShowInExpenseClaims',
		'AddToWatchlist',
		'ReportingCode',
	],
};

const LINE_ITEM_WRITABLE = [
	'LineItemID',
	'Description',
	'Quantity',
	'UnitAmount',
	'ItemCode',
	'AccountCode',
	'AccountID',
	'TaxType',
	'TaxAmount',
	'LineAmount',
	'Tracking',
	'DiscountRate',
	'DiscountAmount',
];

const INVOICE_DATES = ['Date', 'DueDate', 'ExpectedPaymentDate', 'PlannedPaymentDate'];

function pick(source: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) {
		const value = source[key];
		if (value !== undefined && value !== null && value !== '') out[key] = value;
	}
	return out;
}

/** A contact reference on an invoice: Xero links by ContactID, or finds-or-creates by Name. */
export function contactReference(value: unknown): IDataObject | undefined {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed === '') return undefined;
		return isXeroId(trimmed) ? { ContactID: trimmed } : { Name: trimmed };
	}
	if (value === null || typeof value !== 'object') return undefined;
	const contact = value as IDataObject;
	if (typeof contact.ContactID === 'string' && contact.ContactID !== '') return { ContactID: contact.ContactID };
	const reference = pick(contact, ['Name', 'ContactNumber', 'EmailAddress']);
	return Object.keys(reference).length > 0 ? reference : undefined;
}

/** Invoices: Xero's contact reference, writable line fields, request dates and upper-case codes. */
function invoiceRequestShape(payload: IDataObject): void {
	if (payload.Contact !== undefined) payload.Contact = contactReference(payload.Contact);
	if (payload.Contact === undefined) delete payload.Contact;
	if (Array.isArray(payload.LineItems)) {
		payload.LineItems = (payload.LineItems as IDataObject[]).map((line) =>
			pick(line ?? {}, LINE_ITEM_WRITABLE),
		);
	}
	for (const field of INVOICE_DATES) {
		if (payload[field] === undefined) continue;
		const date = toXeroRequestDate(payload[field]);
		if (date === undefined) delete payload[field];
		else payload[field] = date;
	}
	if (typeof payload.Status === 'string') payload.Status = payload.Status.toUpperCase();
	if (typeof payload.Type === 'string') payload.Type = payload.Type.toUpperCase();
}

/** What each resource's request shape needs beyond its writable fields (Xero's shape, next to WRITABLE). */
const REQUEST_SHAPE: Partial<Record<XeroResource, (payload: IDataObject) => void>> = { invoice: invoiceRequestShape };

/** Turns an input item's JSON, in Xero's own shape, into a write payload for `resource`. */
export function toXeroPayload(resource: XeroResource, json: IDataObject): IDataObject {
	const payload = coerceXeroNumbers(pick(json, WRITABLE[resource])) as IDataObject;
	REQUEST_SHAPE[resource]?.(payload);
	return payload;
}
