import type { Engine } from '../engine';
import { Errors } from '../errors';
import { fixed, toNumber } from '../schema/values';
import type { LineItemRow, StoredRecord } from '../store/records';

const PRODUCT_MODULES = ['Products', 'Services'];

function str(raw: unknown): string {
	return raw === undefined || raw === null ? '' : String(raw);
}

function decimal(raw: unknown, places: number): string {
	return fixed(raw === undefined || raw === null || raw === '' ? 0 : toNumber(raw), places);
}

// Line item values are stored as sent (listprice is not rounded to the currency preference).
export function buildLineItems(engine: Engine, parentModule: string, input: unknown[]): LineItemRow[] {
	return input.map((raw, index) => {
		const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
		const productId = str(item.productid);
		if (!productId) throw Errors.mandatoryMissing('productid');
		const match = /^(\d+)x(\d+)$/.exec(productId);
		const module = match ? engine.registry.moduleOfWsId(Number(match[1])) : undefined;
		if (!match || !module || !PRODUCT_MODULES.includes(module)) throw Errors.referenceInvalid('productid');
		if (!engine.referenceExists(productId)) throw Errors.referenceInvalid('productid');
		return {
			lineId: 0,
			productCrmid: Number(match[2]),
			productModule: module,
			sequence: index + 1,
			quantity: decimal(item.quantity, 3),
			listprice: decimal(item.listprice, 8),
			discount_percent: decimal(item.discount_percent, 3),
			discount_amount: decimal(item.discount_amount, 8),
			comment: str(item.comment),
			description: str(item.description),
			incrementondel: parentModule === 'Invoice' ? '1' : '0',
			tax1: decimal(item.tax1, 3),
			tax2: decimal(item.tax2, 3),
			tax3: decimal(item.tax3, 3),
			image: '',
			purchase_cost: decimal(item.purchase_cost, 8),
			margin: decimal(item.margin, 8),
		};
	});
}

export function productName(engine: Engine, row: LineItemRow): string {
	const product = engine.store.get(row.productCrmid);
	if (!product) return '';
	return product.values[row.productModule === 'Services' ? 'servicename' : 'productname'] ?? '';
}

export function productRef(engine: Engine, row: LineItemRow): string {
	return `${engine.wsIdOf(row.productModule)}x${row.productCrmid}`;
}

export function lineItemsOutput(engine: Engine, parent: StoredRecord): Array<Record<string, string>> {
	// vtiger casts the parent_id array to a string, so every row says "<prefix>xArray".
	const parentId = `${engine.wsIdOf(parent.module)}xArray`;
	return (parent.lineItems ?? []).map((row) => ({
		parent_id: parentId,
		productid: productRef(engine, row),
		sequence_no: String(row.sequence),
		quantity: row.quantity,
		listprice: row.listprice,
		discount_percent: row.discount_percent,
		discount_amount: row.discount_amount,
		comment: row.comment,
		description: row.description,
		incrementondel: row.incrementondel,
		tax1: row.tax1,
		tax2: row.tax2,
		tax3: row.tax3,
		image: row.image,
		purchase_cost: row.purchase_cost,
		margin: row.margin,
		id: `33x${row.lineId}`,
		product_name: productName(engine, row),
		entity_type: row.productModule,
		deleted: '0',
	}));
}

export function lineNet(row: LineItemRow): { gross: number; discount: number; net: number } {
	const gross = toNumber(row.quantity) * toNumber(row.listprice);
	const percent = toNumber(row.discount_percent);
	const discount = percent > 0 ? (gross * percent) / 100 : toNumber(row.discount_amount);
	return { gross, discount, net: gross - discount };
}

// Totals are kept at the DB column's 8 decimals and are not rounded to the currency preference.
export function inventoryTotals(record: StoredRecord): { subTotal: number; preTax: number; grand: number } {
	const subTotal = (record.lineItems ?? []).reduce((sum, row) => sum + lineNet(row).net, 0);
	const v = record.values;
	const headerPercent = toNumber(v.hdnDiscountPercent || 0);
	const headerDiscount = headerPercent > 0 ? (subTotal * headerPercent) / 100 : toNumber(v.hdnDiscountAmount || 0);
	const preTax = subTotal - headerDiscount;
	const grand = preTax + toNumber(v.hdnS_H_Amount || 0) + toNumber(v.txtAdjustment || 0);
	const round8 = (n: number) => Number(n.toFixed(8));
	return { subTotal: round8(subTotal), preTax: round8(preTax), grand: round8(grand) };
}

// Only invoices move stock (vtiger's updateInventoryProductRel), and only for Products.
export function applyStock(engine: Engine, parent: StoredRecord, rows: LineItemRow[], sign: 1 | -1): void {
	if (parent.module !== 'Invoice') return;
	for (const row of rows) {
		if (row.productModule !== 'Products') continue;
		const product = engine.store.get(row.productCrmid);
		if (!product) continue;
		const next = toNumber(product.values.qtyinstock) + sign * toNumber(row.quantity);
		product.values.qtyinstock = fixed(next, 3);
	}
}
