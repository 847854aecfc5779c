import { crmItemCode, itemCodeFieldOf, itemModuleOf, CRM_NUMBER_FIELDS, ITEM_NAME_FIELDS } from './item';
import { linkFieldOf, type MappingOptions } from './options';
import { compact } from './overrides';
import type { Resolver } from './resolution';
import type { CrmLookup, CrmRecord, XeroRecord } from './types';
import { isCrmId, num, text } from './vtigerValues';

/**
 * vtiger LineItems (productid, quantity, listprice, discount_percent / discount_amount, comment) ↔ Xero LineItems
 * (ItemCode, Description, Quantity, UnitAmount, DiscountRate / DiscountAmount, AccountCode). A vtiger line points at
 * a product by CRM id and a Xero line at an item by code, so both directions go through the product record.
 */

export interface LinesResult<T> {
	lines: T[];
	errors: string[];
	warnings: string[];
}

function linesOf(record: CrmRecord): CrmRecord[] {
	return Array.isArray(record.LineItems) ? (record.LineItems as CrmRecord[]) : [];
}

/**
 * `side` is which of the product's Xero accounts a line books to: sales for invoices, purchase for purchase orders,
 * whose lines Xero accepts without an account (so only a sales line without one is an error).
 */
export type LineSide = 'sales' | 'purchase';

export function crmLinesToXero(
	record: CrmRecord,
	resolver: Resolver,
	options: MappingOptions,
	label: string,
	side: LineSide = 'sales',
): LinesResult<XeroRecord> {
	const errors: string[] = [];
	const lines = linesOf(record).filter((line) => text(line.deleted) !== '1');
	if (lines.length === 0) {
		errors.push(`${label} has no line items; retrieve the record (a query or sync row holds at most one line).`);
	}
	const xeroLines = lines.map((line, index) => {
		const productId = text(line.productid);
		const product = isCrmId(productId) ? resolver.record(productId) : undefined;
		if (!isCrmId(productId)) errors.push(`${label}, line ${index + 1}: no product or service (productid).`);
		if (product === null) errors.push(`${label}, line ${index + 1}: product ${productId} does not exist in the CRM.`);
		const module = product ? itemModuleOf({ entity_type: line.entity_type, ...product }, 'Products') : '';
		const discountPercent = num(line.discount_percent) ?? 0;
		const discountAmount = num(line.discount_amount) ?? 0;
		const accountField = options.itemAccountFields[side];
		const productAccount = product && accountField ? text(product[accountField]) : '';
		const itemCode = product && sendsItemCode(product, module, options) ? crmItemCode(module, product, options) : '';
		const accountCode = productAccount || (side === 'sales' ? options.defaultSalesAccountCode : '');
		if (product && !itemCode && !accountCode && side === 'sales') {
			errors.push(
				`${label}, line ${index + 1}: ${module === 'Services' ? 'service' : 'product'} ${productId} has no Xero sales account (${options.itemAccountFields.sales || 'sales account field'}) and is not linked to a Xero item; link it to a Xero account first.`,
			);
		}
		return compact({
			ItemCode: itemCode,
			Description:
				text(line.comment) ||
				text(line.description) ||
				text(line.product_name) ||
				(product ? text(product[ITEM_NAME_FIELDS[module] ?? 'productname']) : ''),
			Quantity: num(line.quantity),
			UnitAmount: num(line.listprice),
			DiscountRate: discountPercent > 0 ? discountPercent : undefined,
			DiscountAmount: discountPercent > 0 || discountAmount <= 0 ? undefined : discountAmount,
			AccountCode: accountCode,
		});
	});
	return { lines: xeroLines, errors, warnings: [] };
}

/** Xero rejects an ItemCode it does not have, so by default only products linked to a Xero item send theirs. */
function sendsItemCode(product: CrmRecord, module: string, options: MappingOptions): boolean {
	if (options.lineItemCodes === 'never') return false;
	const link = linkFieldOf(options, module);
	if (options.lineItemCodes === 'always' || !link) return true;
	return text(product[link]) !== '';
}

export function xeroLinesToCrm(
	invoice: XeroRecord,
	resolver: Resolver,
	options: MappingOptions,
	label: string,
	side: LineSide = 'sales',
): LinesResult<CrmRecord> {
	const errors: string[] = [];
	const warnings: string[] = [];
	const lines = Array.isArray(invoice.LineItems) ? (invoice.LineItems as XeroRecord[]) : [];
	if (lines.length === 0) errors.push(`${label} has no line items; CRM inventory records need at least one.`);
	const crmLines = lines.map((line, index) => {
		const where = `${label}, line ${index + 1}`;
		const productId = productFor(line, resolver, options, where, errors, warnings, side);
		const quantity = num(line.Quantity) ?? 1;
		const unitAmount = num(line.UnitAmount) ?? (quantity !== 0 ? (num(line.LineAmount) ?? 0) / quantity : 0);
		const crmLine: CrmRecord = {
			productid: productId,
			quantity,
			listprice: unitAmount,
			// A line on the fallback product keeps its item code in the comment when it has no description.
			comment: text(line.Description) || (productId === options.fallbackProductId ? text(line.ItemCode) : ''),
		};
		const rate = num(line.DiscountRate);
		const amount = num(line.DiscountAmount);
		if (rate !== undefined && rate !== 0) crmLine.discount_percent = rate;
		else if (amount !== undefined && amount !== 0) crmLine.discount_amount = amount;
		return crmLine;
	});
	return { lines: crmLines, errors, warnings };
}

function productFor(
	line: XeroRecord,
	resolver: Resolver,
	options: MappingOptions,
	where: string,
	errors: string[],
	warnings: string[],
	side: LineSide,
): string {
	const code = text(line.ItemCode);
	if (!code) {
		if (options.fallbackProductId) return options.fallbackProductId;
		errors.push(`${where}: no ItemCode, and CRM line items need a product; set a fallback product (CRM Record: option "Product for Free-Text Lines").`);
		return '';
	}
	const found = resolver.findFirst(itemCodeLookups(code, options));
	if (found === undefined) return '';
	if (found === null) {
		if (options.fallbackProductId) {
			warnings.push(`${where}: item code "${code}" is not a CRM product or service; the line uses the fallback product.`);
			return options.fallbackProductId;
		}
		errors.push(`${where}: item code "${code}" is not a CRM product or service; get items from Xero first, or set a fallback product.`);
		return '';
	}
	const accountField = options.itemAccountFields[side];
	const productAccount = accountField ? text(found[accountField]) : '';
	const lineAccount = text(line.AccountCode);
	if (lineAccount && productAccount && lineAccount !== productAccount) {
		warnings.push(
			`${where}: Xero account ${lineAccount} differs from the product's Xero ${side} account ${productAccount}; the CRM keeps one account per product.`,
		);
	}
	return text(found.id);
}

/** Where a Xero item code can live in the CRM: the code field, or the record number it falls back to (PRO1, SER1). */
function itemCodeLookups(code: string, options: MappingOptions): CrmLookup[] {
	const lookups: CrmLookup[] = [];
	for (const module of ['Products', 'Services']) {
		for (const field of new Set([itemCodeFieldOf(options, module), CRM_NUMBER_FIELDS[module]])) {
			if (field) lookups.push({ module, field, value: code });
		}
	}
	return lookups;
}
