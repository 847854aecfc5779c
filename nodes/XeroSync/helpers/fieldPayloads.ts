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

function assign(target: IDataObject, key: string, value: unknown): void {
	if (value !== undefined) target[key] = value as IDataObject[string];
}

export function contactFromFields(name: string, fields: IDataObject): IDataObject {
	const contact: IDataObject = {};
	assign(contact, 'ContactID', isXeroId(fields.xeroId) ? String(fields.xeroId).trim() : undefined);
	assign(contact, 'Name', text(name));
	assign(contact, 'ContactNumber', text(fields.contactNumber));
	assign(contact, 'AccountNumber', text(fields.accountNumber));
	assign(contact, 'FirstName', text(fields.firstName));
	assign(contact, 'LastName', text(fields.lastName));
	assign(contact, 'EmailAddress', text(fields.emailAddress));
	assign(contact, 'Website', text(fields.website));
	assign(contact, 'TaxNumber', text(fields.taxNumber));
	assign(contact, 'CompanyNumber', text(fields.companyNumber));
	assign(contact, 'DefaultCurrency', text(fields.defaultCurrency)?.toUpperCase());
	assign(contact, 'ContactStatus', text(fields.contactStatus));
	const phone = text(fields.phone);
	if (phone !== undefined) contact.Phones = [{ PhoneType: 'DEFAULT', PhoneNumber: phone }];
	const address: IDataObject = {};
	assign(address, 'AddressLine1', text(fields.street));
	assign(address, 'City', text(fields.city));
	assign(address, 'Region', text(fields.region));
	assign(address, 'PostalCode', text(fields.postalCode));
	assign(address, 'Country', text(fields.country));
	if (Object.keys(address).length > 0) contact.Addresses = [{ AddressType: 'POBOX', ...address }];
	return contact;
}

export function lineItemFromFields(line: IDataObject): IDataObject {
	const out: IDataObject = {};
	assign(out, 'Description', text(line.description));
	assign(out, 'Quantity', decimal(line.quantity));
	assign(out, 'UnitAmount', decimal(line.unitAmount));
	assign(out, 'ItemCode', text(line.itemCode));
	assign(out, 'AccountCode', text(line.accountCode));
	assign(out, 'TaxType', text(line.taxType));
	assign(out, 'DiscountRate', decimal(line.discountRate));
	return out;
}

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
	const invoice: IDataObject = {};
	assign(invoice, 'InvoiceID', isXeroId(fields.xeroId) ? String(fields.xeroId).trim() : undefined);
	assign(invoice, 'Type', text(type)?.toUpperCase());
	assign(invoice, 'Contact', contactReference(contact));
	assign(invoice, 'InvoiceNumber', text(fields.invoiceNumber));
	assign(invoice, 'Reference', text(fields.reference));
	assign(invoice, 'Date', toXeroRequestDate(fields.date));
	assign(invoice, 'DueDate', toXeroRequestDate(fields.dueDate));
	assign(invoice, 'Status', text(fields.status)?.toUpperCase());
	assign(invoice, 'CurrencyCode', text(fields.currencyCode)?.toUpperCase());
	assign(invoice, 'LineAmountTypes', text(fields.lineAmountTypes));
	assign(invoice, 'BrandingThemeID', text(fields.brandingThemeId));
	assign(invoice, 'Url', text(fields.url));
	const fromJson = parseLines(fields.lineItemsJson);
	const chosen = fromJson ?? lines;
	invoice.LineItems = chosen.map((line) => (isXeroShapedLine(line) ? line : lineItemFromFields(line)));
	return invoice;
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

export function itemFromFields(code: string, fields: IDataObject): IDataObject {
	const item: IDataObject = {};
	assign(item, 'ItemID', isXeroId(fields.xeroId) ? String(fields.xeroId).trim() : undefined);
	assign(item, 'Code', text(code));
	assign(item, 'Name', text(fields.name));
	assign(item, 'Description', text(fields.description));
	assign(item, 'PurchaseDescription', text(fields.purchaseDescription));
	assign(item, 'IsSold', typeof fields.isSold === 'boolean' ? fields.isSold : undefined);
	assign(item, 'IsPurchased', typeof fields.isPurchased === 'boolean' ? fields.isPurchased : undefined);
	const sales: IDataObject = {};
	assign(sales, 'UnitPrice', decimal(fields.salesUnitPrice));
	assign(sales, 'AccountCode', text(fields.salesAccountCode));
	assign(sales, 'TaxType', text(fields.salesTaxType));
	if (Object.keys(sales).length > 0) item.SalesDetails = sales;
	const purchase: IDataObject = {};
	assign(purchase, 'UnitPrice', decimal(fields.purchaseUnitPrice));
	assign(purchase, 'AccountCode', text(fields.purchaseAccountCode));
	assign(purchase, 'TaxType', text(fields.purchaseTaxType));
	if (Object.keys(purchase).length > 0) item.PurchaseDetails = purchase;
	return item;
}

export function accountFromFields(name: string, type: string, fields: IDataObject): IDataObject {
	const account: IDataObject = {};
	assign(account, 'AccountID', isXeroId(fields.xeroId) ? String(fields.xeroId).trim() : undefined);
	assign(account, 'Code', text(fields.code));
	assign(account, 'Name', text(name));
	assign(account, 'Type', text(type)?.toUpperCase());
	assign(account, 'Description', text(fields.description));
	assign(account, 'TaxType', text(fields.taxType));
	assign(account, 'BankAccountNumber', text(fields.bankAccountNumber));
	assign(account, 'CurrencyCode', text(fields.currencyCode)?.toUpperCase());
	assign(
		account,
		'EnablePaymentsToAccount',
		typeof fields.enablePaymentsToAccount === 'boolean' ? fields.enablePaymentsToAccount : undefined,
	);
	assign(
		account,
		'ShowInExpenseClaims',
		typeof fields.showInExpenseClaims === 'boolean' ? fields.showInExpenseClaims : undefined,
	);
	return account;
}
