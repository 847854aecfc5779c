import { newId } from '../ids';
import type { Transaction } from '../store/transaction';
import type { Json } from '../types';
import { list, num, round, str } from './values';

export type LineAmountTypes = 'Exclusive' | 'Inclusive' | 'NoTax';

export interface PricedLines {
	lines: Json[];
	subTotal: number;
	totalTax: number;
	errors: string[];
}

export function accountByCode(tx: Transaction, code: string): Json | undefined {
	const id = tx.findUnique('accounts', 'accountCode', code);
	return id ? tx.get('accounts', id) : undefined;
}

export function itemByCode(tx: Transaction, code: string): Json | undefined {
	const id = tx.findUnique('items', 'itemCode', code);
	return id ? tx.get('items', id) : undefined;
}

/**
 * Line items as Xero prices them: item defaults fill the gaps, the account must exist and be active, the tax type
 * must exist, and the tax is worked out per line for exclusive or inclusive amounts.
 */
export function priceLines(
	tx: Transaction,
	input: unknown,
	invoiceType: string,
	amountTypes: LineAmountTypes,
	requireAccount: boolean,
): PricedLines {
	const errors: string[] = [];
	const lines: Json[] = [];
	let subTotal = 0;
	let totalTax = 0;
	const sales = invoiceType === 'ACCREC';
	for (const raw of list(input)) {
		const line: Json = { ...raw };
		const itemCode = str(line.ItemCode);
		if (itemCode) {
			const item = itemByCode(tx, itemCode);
			if (!item) {
				errors.push(`Item code '${itemCode}' is not valid`);
				continue;
			}
			const details = (sales ? item.SalesDetails : item.PurchaseDetails) as Json | undefined;
			line.ItemCode = item.Code;
			line.Description ??= sales ? item.Description : (item.PurchaseDescription ?? item.Description);
			line.UnitAmount ??= details?.UnitPrice;
			line.AccountCode ??= details?.AccountCode;
			line.TaxType ??= details?.TaxType;
			line.Item = { ItemID: item.ItemID, Name: item.Name, Code: item.Code };
		}
		const description = str(line.Description);
		if (!description) errors.push('The description field is mandatory for each line item.');
		else if (description.length > 4000) errors.push('Description must not be more than 4000 characters long.');
		const quantity = num(line.Quantity) ?? 1;
		const discount = num(line.DiscountRate) ?? 0;
		let unitAmount = num(line.UnitAmount);
		const given = num(line.LineAmount);
		if (unitAmount === undefined) unitAmount = given !== undefined && quantity !== 0 ? given / quantity : 0;
		if (discount < 0 || discount > 100) errors.push('Discount rate must be between 0 and 100.');
		const lineAmount = round(quantity * round(unitAmount, 4) * (1 - discount / 100));
		const accountId = str(line.AccountID)?.toLowerCase();
		const byId = accountId && !str(line.AccountCode) ? tx.get('accounts', accountId) : undefined;
		if (accountId && !str(line.AccountCode) && !byId) errors.push('Account could not be found');
		const accountCode = str(line.AccountCode) ?? (byId?.Code as string | undefined);
		let account: Json | undefined;
		if (accountCode) {
			account = accountByCode(tx, accountCode);
			if (!account || account.Status !== 'ACTIVE' || account.Type === 'BANK') {
				errors.push(`Account code '${accountCode}' is not a valid code for this document.`);
			}
		} else if (requireAccount) {
			errors.push('An account code must be specified on every line item of an approved invoice.');
		}
		let taxType = str(line.TaxType) ?? (account?.TaxType as string | undefined);
		if (amountTypes === 'NoTax') taxType = tx.tenant.taxRate('NONE') ? 'NONE' : taxType;
		let rate = 0;
		if (taxType) {
			const taxRate = tx.tenant.taxRate(taxType);
			if (!taxRate) errors.push(`The TaxType code '${taxType}' is not valid`);
			else rate = Number(taxRate.EffectiveRate ?? 0);
		}
		if (amountTypes === 'NoTax') rate = 0;
		// Xero works the tax out from the rate unless the line gives its own TaxAmount ("This value can be overriden
		// if the calculated <TaxAmount> is not correct", LineItem.TaxAmount in the OpenAPI file).
		const givenTax = amountTypes === 'NoTax' ? undefined : num(line.TaxAmount);
		if (line.TaxAmount !== undefined && line.TaxAmount !== null && num(line.TaxAmount) === undefined) errors.push('Tax amount must be a number.');
		const taxAmount =
			givenTax !== undefined
				? round(givenTax)
				: amountTypes === 'Inclusive'
					? round(lineAmount - lineAmount / (1 + rate / 100))
					: round((lineAmount * rate) / 100);
		subTotal += amountTypes === 'Inclusive' ? lineAmount - taxAmount : lineAmount;
		totalTax += taxAmount;
		lines.push({
			...line,
			LineItemID: str(line.LineItemID) ?? newId(),
			Description: description ?? '',
			Quantity: quantity,
			UnitAmount: round(unitAmount, 4),
			LineAmount: lineAmount,
			TaxAmount: taxAmount,
			...(taxType ? { TaxType: taxType } : {}),
			...(accountCode ? { AccountCode: accountCode } : {}),
			...(account ? { AccountID: account.AccountID } : {}),
			Tracking: Array.isArray(line.Tracking) ? line.Tracking : [],
		});
	}
	if (lines.length === 0 && errors.length === 0) errors.push('One or more line items must be specified');
	return { lines, subTotal: round(subTotal), totalTax: round(totalTax), errors: [...new Set(errors)] };
}
