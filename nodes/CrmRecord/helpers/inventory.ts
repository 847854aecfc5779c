export const INVENTORY_MODULES = new Set(['Invoice', 'Quotes', 'SalesOrder', 'PurchaseOrder']);

/**
 * Columns that describe lists on inventory modules but that belong to a line item; on those modules they are
 * written through LineItems, never as top-level fields.
 */
export const LINE_ITEM_COLUMNS = new Set([
	'productid',
	'quantity',
	'listprice',
	'comment',
	'discount_amount',
	'discount_percent',
	'tax1',
	'tax2',
	'tax3',
]);

export function isInventoryModule(module: string): boolean {
	return INVENTORY_MODULES.has(module);
}
