import { msDate } from '../dates';
import { newId } from '../ids';
import type { Transaction } from '../store/transaction';
import type { Json } from '../types';
import type { ApplyResult, EntityHandler, WriteContext, WriteMode } from './entity';
import { accountByCode } from './lineItems';
import { num, obj, round, str, writable } from './values';

const READ_ONLY = ['ItemID', 'UpdatedDateUTC', 'ValidationErrors', 'StatusAttributeString', 'TotalCostPool', 'QuantityOnHand', 'IsSold', 'IsPurchased'];

export function codeTaken(code: string): string {
	return `Item code '${code}' already exists`;
}

function checkDetails(tx: Transaction, details: Json | undefined, side: 'Sales' | 'Purchase', errors: string[]): Json | undefined {
	if (!details) return undefined;
	const out: Json = { ...details };
	const code = str(details.AccountCode) ?? str(details.COGSAccountCode);
	if (code) {
		const account = accountByCode(tx, code);
		if (!account || account.Status !== 'ACTIVE' || account.Type === 'BANK') {
			errors.push(`Account code '${code}' is not a valid code for this document.`);
		}
	}
	const taxType = str(details.TaxType);
	if (taxType && !tx.tenant.taxRate(taxType)) errors.push(`The TaxType code '${taxType}' is not valid`);
	const price = num(details.UnitPrice);
	if (details.UnitPrice !== undefined && price === undefined) errors.push(`${side} unit price must be a number.`);
	if (price !== undefined) out.UnitPrice = round(price, 4);
	return out;
}

function applyItem(ctx: WriteContext, element: Json, mode: WriteMode): ApplyResult {
	const { tx } = ctx;
	const id = str(element.ItemID);
	let existing = id ? tx.get('items', id) : undefined;
	if (id && !existing) return { errors: [`The item with ID ${id} could not be found.`] };
	const code = str(element.Code);
	// Xero matches items on Code as well as ItemID when updating.
	if (!existing && code && mode === 'upsert') {
		const holder = tx.findUnique('items', 'itemCode', code);
		existing = holder ? tx.get('items', holder) : undefined;
	}
	const fields = writable(element, READ_ONLY);
	const merged: Json = existing ? { ...existing, ...fields } : fields;
	const errors: string[] = [];
	const finalCode = str(merged.Code);
	if (!finalCode) errors.push('Item code must be specified.');
	else {
		if (finalCode.length > 30) errors.push('Item code must not be more than 30 characters long.');
		const holder = tx.findUnique('items', 'itemCode', finalCode);
		if (holder && holder !== existing?.ItemID) errors.push(codeTaken(finalCode));
	}
	const name = str(merged.Name);
	if (name && name.length > 50) errors.push('Item name must not be more than 50 characters long.');
	if (str(merged.Description) && String(merged.Description).length > 4000) {
		errors.push('Description must not be more than 4000 characters long.');
	}
	const sales = checkDetails(tx, obj(merged.SalesDetails), 'Sales', errors);
	const purchase = checkDetails(tx, obj(merged.PurchaseDetails), 'Purchase', errors);
	const inventoryCode = str(merged.InventoryAssetAccountCode);
	if (inventoryCode) {
		const account = accountByCode(tx, inventoryCode);
		if (!account || account.Type !== 'INVENTORY') errors.push(`Account code '${inventoryCode}' is not a valid inventory asset account.`);
	}
	if (errors.length > 0) return { errors: [...new Set(errors)] };
	const itemId = (existing?.ItemID as string | undefined) ?? newId();
	const tracked = Boolean(inventoryCode);
	const record: Json = {
		...merged,
		ItemID: itemId,
		Code: finalCode,
		...(name !== undefined ? { Name: name } : {}),
		...(sales ? { SalesDetails: sales } : {}),
		...(purchase ? { PurchaseDetails: purchase } : {}),
		IsSold: merged.IsSold === false ? false : Boolean(sales) || merged.IsSold === true,
		IsPurchased: merged.IsPurchased === false ? false : Boolean(purchase) || merged.IsPurchased === true,
		IsTrackedAsInventory: tracked,
		...(tracked ? { TotalCostPool: existing?.TotalCostPool ?? 0, QuantityOnHand: existing?.QuantityOnHand ?? 0 } : {}),
		UpdatedDateUTC: msDate(ctx.now),
	};
	tx.put('items', itemId, record);
	return { id: itemId, errors: [] };
}

export const itemsHandler: EntityHandler = {
	resource: 'Items',
	collection: 'items',
	idField: 'ItemID',
	apply: applyItem,
	render: (_source, record, options) => {
		const out: Json = { ...record };
		for (const key of ['SalesDetails', 'PurchaseDetails']) {
			const details = obj(record[key]);
			if (details && typeof details.UnitPrice === 'number') {
				out[key] = { ...details, UnitPrice: round(details.UnitPrice, options.unitdp === 4 ? 4 : 2) };
			}
		}
		return out;
	},
};
