import type { IDataObject } from 'n8n-workflow';
import { toXeroRequestDate } from '../../shared/dates';
import { isXeroId } from '../../shared/xero/resources';
import { contactReference } from './xeroShape';

/** The node's UI fields are camelCase; these builders produce Xero's PascalCase write payloads from them. */

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}

function decimal(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = typeof value === 'number' ? value : Number(String(value).trim());
	return Number.isFinite(parsed) ? parsed : undefined;
}

type Read = (value: unknown) => unknown;

const upper: Read = (value) => text(value)?.toUpperCase();
const flag: Read = (value) => (typeof value === 'boolean' ? value : undefined);
const xeroId: Read = (value) => (isXeroId(value) ? String(value).trim() : undefined);

/** Xero field → [UI field, how its value is read]; a value read as undefined is left out of the payload. */
type FieldMap = Record<string, [string, Read]>;

function fromFields(fields: IDataObject, map: FieldMap): IDataObject {
	const out: IDataObject = {};
	for (const [xeroField, [uiField, read]] of Object.entries(map)) {
		const value = read(fields[uiField]);
		if (value !== undefined) out[xeroField] = value as IDataObject[string];
	}
	return out;
}

/** A nested object (an address, an item's sales details) only when one of its fields was given. */
function nested(fields: IDataObject, map: FieldMap): IDataObject | undefined {
	const out = fromFields(fields, map);
	return Object.keys(out).length > 0 ? out : undefined;
}

const CONTACT: FieldMap = {
	ContactID: ['xeroId', xeroId],
	Name: ['name', text],
	ContactNumber: ['contactNumber', text],
	AccountNumber: ['accountNumber', text],
	FirstName: ['firstName', text],
	LastName: ['lastName', text],
	EmailAddress: ['emailAddress', text],
	Website: ['website', text],
	TaxNumber: ['taxNumber', text],
	CompanyNumber: ['companyNumber', text],
	DefaultCurrency: ['defaultCurrency', upper],
	ContactStatus: ['contactStatus', text],
};
const POSTAL_ADDRESS: FieldMap = {
	AddressLine1: ['street', text],
	City: ['city', text],
	Region: ['region', text],
	PostalCode: ['postalCode', text],
	Country: ['country', text],
};

export function contactFromFields(name: string, fields: IDataObject): IDataObject {
	const contact = fromFields({ ...fields, name }, CONTACT);
	const phone = text(fields.phone);
	if (phone !== undefined) contact.Phones = [{ PhoneType: 'DEFAULT', PhoneNumber: phone }];
	const address = nested(fields, POSTAL_ADDRESS);
	if (address) contact.Addresses = [{ AddressType: 'POBOX', ...address }];
	return contact;
}

const LINE_ITEM: FieldMap = {
	Description: ['description', text],
	Quantity: ['quantity', decimal],
	UnitAmount: ['unitAmount', decimal],
	ItemCode: ['itemCode', text],
	AccountCode: ['accountCode', text],
	TaxType: ['taxType', text],
	DiscountRate: ['discountRate', decimal],
};

export function lineItemFromFields(line: IDataObject): IDataObject {
	return fromFields(line, LINE_ITEM);
}

const INVOICE: FieldMap = {
	InvoiceID: ['xeroId', xeroId],
	Type: ['type', upper],
	Contact: ['contact', contactReference],
	InvoiceNumber: ['invoiceNumber', text],
	Reference: ['reference', text],
	Date: ['date', toXeroRequestDate],
	DueDate: ['dueDate', toXeroRequestDate],
	Status: ['status', upper],
	CurrencyCode: ['currencyCode', upper],
	LineAmountTypes: ['lineAmountTypes', text],
	BrandingThemeID: ['brandingThemeId', text],
	Url: ['url', text],
};

/**
 * `lines` comes from the UI list; `linesJson` (an expression returning an array, in Xero's or the UI's shape) wins
 * when given, because a CRM invoice has as many lines as it has, which a fixed list cannot express.
 */
export function invoiceFromFields(
	type: string,
	contact: string,
	lines: IDataObject[],
	fields: IDataObject,
): IDataObject {
	return withLines(fromFields({ ...fields, type, contact }, INVOICE), lines, fields);
}

const PURCHASE_ORDER: FieldMap = {
	PurchaseOrderID: ['xeroId', xeroId],
	Contact: ['contact', contactReference],
	PurchaseOrderNumber: ['purchaseOrderNumber', text],
	Reference: ['reference', text],
	Date: ['date', toXeroRequestDate],
	DeliveryDate: ['deliveryDate', toXeroRequestDate],
	Status: ['status', upper],
	CurrencyCode: ['currencyCode', upper],
	LineAmountTypes: ['lineAmountTypes', text],
	DeliveryAddress: ['deliveryAddress', text],
	AttentionTo: ['attentionTo', text],
	Telephone: ['telephone', text],
	DeliveryInstructions: ['deliveryInstructions', text],
};

/** A purchase order from the node's fields, its lines as an invoice's. */
export function purchaseOrderFromFields(contact: string, lines: IDataObject[], fields: IDataObject): IDataObject {
	return withLines(fromFields({ ...fields, contact }, PURCHASE_ORDER), lines, fields);
}

function withLines(payload: IDataObject, lines: IDataObject[], fields: IDataObject): IDataObject {
	const chosen = parseLines(fields.lineItemsJson) ?? lines;
	payload.LineItems = chosen.map((line) => (isXeroShapedLine(line) ? line : lineItemFromFields(line)));
	return payload;
}

const QUOTE: FieldMap = {
	QuoteID: ['xeroId', xeroId],
	Contact: ['contact', contactReference],
	QuoteNumber: ['quoteNumber', text],
	Reference: ['reference', text],
	Title: ['title', text],
	Summary: ['summary', text],
	Terms: ['terms', text],
	Date: ['date', toXeroRequestDate],
	ExpiryDate: ['expiryDate', toXeroRequestDate],
	Status: ['status', upper],
	CurrencyCode: ['currencyCode', upper],
	LineAmountTypes: ['lineAmountTypes', upper],
	BrandingThemeID: ['brandingThemeId', text],
};

/** A quote from the UI fields; lines as for invoices (the JSON list wins over the UI list). */
export function quoteFromFields(contact: string, date: unknown, lines: IDataObject[], fields: IDataObject): IDataObject {
	const quote = fromFields({ ...fields, contact, date: date as IDataObject[string] }, QUOTE);
	const chosen = parseLines(fields.lineItemsJson) ?? lines;
	quote.LineItems = chosen.map((line) => (isXeroShapedLine(line) ? line : lineItemFromFields(line)));
	return quote;
}

function isXeroShapedLine(line: IDataObject): boolean {
	return Object.keys(line).some((key) => /^[A-Z]/.test(key));
}

/**
 * A JSON parameter's text, parsed; text that is not JSON fails naming the parameter and what was expected, rather
 * than with the parser's bare "Unexpected token" (which names neither).
 */
export function parseJsonParameter(label: string, expected: string, text: string): unknown {
	let problem: string;
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		problem = (error as Error).message;
	}
	const position = / at position (\d+)/.exec(problem);
	const where = position ? ` (at character ${Number(position[1]) + 1})` : '';
	// A plain Error: the Send engine turns it into this item's sync-log failure (BAD_INPUT), not a node error.
	throw new Error(`${label} is not valid JSON${where}; write ${expected}`);
}

function parseLines(value: unknown): IDataObject[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = typeof value === 'string' ? parseJsonParameter('Line Items (JSON)', 'an array of line objects', value) : value;
	if (!Array.isArray(parsed)) throw new Error('Line Items (JSON) must be an array of line objects');
	return parsed as IDataObject[];
}

const ITEM: FieldMap = {
	ItemID: ['xeroId', xeroId],
	Code: ['code', text],
	Name: ['name', text],
	Description: ['description', text],
	PurchaseDescription: ['purchaseDescription', text],
	IsSold: ['isSold', flag],
	IsPurchased: ['isPurchased', flag],
};
const SALES_DETAILS: FieldMap = {
	UnitPrice: ['salesUnitPrice', decimal],
	AccountCode: ['salesAccountCode', text],
	TaxType: ['salesTaxType', text],
};
const PURCHASE_DETAILS: FieldMap = {
	UnitPrice: ['purchaseUnitPrice', decimal],
	AccountCode: ['purchaseAccountCode', text],
	TaxType: ['purchaseTaxType', text],
};

export function itemFromFields(code: string, fields: IDataObject): IDataObject {
	const item = fromFields({ ...fields, code }, ITEM);
	const sales = nested(fields, SALES_DETAILS);
	if (sales) item.SalesDetails = sales;
	const purchase = nested(fields, PURCHASE_DETAILS);
	if (purchase) item.PurchaseDetails = purchase;
	return item;
}

const ACCOUNT: FieldMap = {
	AccountID: ['xeroId', xeroId],
	Code: ['code', text],
	Name: ['name', text],
	Type: ['type', upper],
	Description: ['description', text],
	TaxType: ['taxType', text],
	BankAccountNumber: ['bankAccountNumber', text],
	CurrencyCode: ['currencyCode', upper],
	EnablePaymentsToAccount: ['enablePaymentsToAccount', flag],
	ShowInExpenseClaims: ['showInExpenseClaims', flag],
};

export function accountFromFields(name: string, type: string, fields: IDataObject): IDataObject {
	return fromFields({ ...fields, name, type }, ACCOUNT);
}
