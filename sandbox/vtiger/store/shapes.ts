import type { Engine } from '../engine';
import { LINE_ITEM_COLUMNS, SHIPPING_FIELDS } from '../schema/fieldSpecs';
import { headerFinalDetails, retrieveFinalDetails } from '../inventory/finalDetails';
import type { InventoryRequest } from '../inventory/saveRequest';
import { inventoryTotals, lineItemsOutput, productRef } from '../inventory/lineItems';
import type { LineItemRow, StoredRecord } from './records';

type Row = Record<string, unknown>;

function storedFields(engine: Engine, record: StoredRecord): Row {
	const out: Row = {};
	for (const spec of engine.spec(record.module).stored) out[spec.name] = record.values[spec.name] ?? spec.default;
	return out;
}

// A Document with an uploaded file names its attachment (34), in the Documents id space.
function attachment(engine: Engine, record: StoredRecord): Row {
	return record.attachmentId === undefined ? {} : { imageattachmentids: `${engine.idOf(record).split('x')[0]}x${record.attachmentId}` };
}

// Products and Services carry the base-currency price as a JSON number next to the currency id.
function pricing(record: StoredRecord): Row {
	if (record.module !== 'Products' && record.module !== 'Services') return {};
	return { currency1: Number(record.values.unit_price ?? 0), currency_id: '21x1' };
}

// getChargesElement: the charge as the last line-item save stored it, and its three tax rates.
function shippingValues(record: StoredRecord): Row {
	return { 'shipping_&_handling': record.shippingCharge ?? null, 'shipping_&_handling_shtax1': 0, 'shipping_&_handling_shtax2': 0, 'shipping_&_handling_shtax3': 0 };
}

const NO_TOTALS: InventoryRequest['totals'] = { subTotal: 0, grand: 0, preTax: 0 };

// updateParent's totals are floats, so answers assembled from them carry JSON numbers.
function numericTotals(record: StoredRecord, fields: Row): void {
	const totals = inventoryTotals(record);
	fields.hdnSubTotal = totals.subTotal;
	fields.hdnGrandTotal = totals.grand;
	fields.pre_tax_total = totals.preTax;
}

export function createShape(engine: Engine, record: StoredRecord, request?: InventoryRequest): Row {
	const id = engine.idOf(record);
	if (!engine.spec(record.module).inventory) return { ...storedFields(engine, record), id, ...attachment(engine, record), label: engine.label(record), ...pricing(record) };
	const fields = storedFields(engine, record);
	// The create response echoes the element before totals are read back: numeric totals, zero balance.
	numericTotals(record, fields);
	if ('balance' in fields) fields.balance = '0.00000000';
	return {
		id,
		...fields,
		label: engine.label(record),
		...shippingValues(record),
		LineItems: lineItemsOutput(engine, record),
		productid: null,
		LineItems_FinalDetails: headerFinalDetails(record, request?.totals ?? NO_TOTALS, engine.settings.currencyDecimals),
		new: true,
	};
}

export function retrieveShape(engine: Engine, record: StoredRecord): Row {
	const id = engine.idOf(record);
	const base = { ...storedFields(engine, record), id, ...attachment(engine, record), label: engine.label(record) };
	if (!engine.spec(record.module).inventory) return { ...base, ...pricing(record) };
	const first = record.lineItems?.[0];
	return {
		...base,
		...shippingValues(record),
		LineItems: lineItemsOutput(engine, record),
		productid: first ? productRef(engine, first) : '',
		LineItems_FinalDetails: retrieveFinalDetails(engine, record, inventoryTotals(record), engine.settings.currencyDecimals),
	};
}

function lineColumns(engine: Engine, row: LineItemRow | undefined, blankCosts: boolean): Row {
	return {
		productid: row ? productRef(engine, row) : '',
		quantity: row?.quantity ?? '',
		listprice: row?.listprice ?? '',
		comment: row?.comment ?? '',
		discount_amount: row?.discount_amount ?? '',
		discount_percent: row?.discount_percent ?? '',
		tax1: row?.tax1 ?? '',
		tax2: row?.tax2 ?? '',
		tax3: row?.tax3 ?? '',
		image: row?.image ?? '',
		purchase_cost: blankCosts ? '' : row?.purchase_cost ?? '',
		margin: blankCosts ? '' : row?.margin ?? '',
	};
}

// The inventory header joined with one line-item row, in describe order, with the three line-item columns
// that are not in describe (image, purchase_cost, margin) placed before "source".
function inventoryRow(engine: Engine, record: StoredRecord, line: Row, renameHeaderDiscounts: boolean, withLineColumns: boolean): Row {
	const out: Row = {};
	const describe = engine.registry.describe(record.module);
	for (const field of describe.fields) {
		const name = field.name;
		if (name === 'id' || SHIPPING_FIELDS.includes(name)) continue;
		if (name === 'source' && withLineColumns) {
			// A purchase order's revise output has the line image but no cost or margin (32).
			const costs = record.module === 'PurchaseOrder' && !renameHeaderDiscounts ? {} : { purchase_cost: line.purchase_cost, margin: line.margin };
			Object.assign(out, { image: line.image, ...costs });
		}
		if (LINE_ITEM_COLUMNS.includes(name)) {
			if (withLineColumns && !(name in out)) out[name] = line[name];
			continue;
		}
		const value = record.values[name] ?? engine.spec(record.module).all.get(name)?.default ?? '';
		// The header discount columns are named discount_percent/discount_amount in the table, so a joined
		// row reports them under those names (the line item's value wins when it is joined).
		if (renameHeaderDiscounts && name === 'hdnDiscountPercent') out.discount_percent = withLineColumns ? line.discount_percent : value;
		else if (renameHeaderDiscounts && name === 'hdnDiscountAmount') out.discount_amount = withLineColumns ? line.discount_amount : value;
		else out[name] = value;
	}
	return out;
}

export function queryRowShape(engine: Engine, record: StoredRecord): Row {
	const id = engine.idOf(record);
	if (!engine.spec(record.module).inventory) return { ...storedFields(engine, record), id, ...attachment(engine, record) };
	const last = record.lineItems?.[record.lineItems.length - 1];
	return { ...inventoryRow(engine, record, lineColumns(engine, last, false), true, true), id };
}

export function syncRowShape(engine: Engine, record: StoredRecord): Row {
	const id = engine.idOf(record);
	if (!engine.spec(record.module).inventory) return { ...storedFields(engine, record), id };
	return { ...inventoryRow(engine, record, {}, true, false), id };
}

// revise merges the element over the stored record: the element's keys come first, in the order sent.
export function reviseInventoryShape(engine: Engine, record: StoredRecord, elementKeys: string[]): Row {
	const first = record.lineItems?.[0];
	const full: Row = { ...inventoryRow(engine, record, lineColumns(engine, first, true), false, true), id: engine.idOf(record) };
	const out: Row = {};
	for (const key of elementKeys) if (key in full) out[key] = full[key];
	if (!('conversion_rate' in out)) out.conversion_rate = full.conversion_rate;
	for (const [key, value] of Object.entries(full)) if (!(key in out)) out[key] = value;
	return { ...out, label: engine.label(record), LineItems: lineItemsOutput(engine, record) };
}

/**
 * update with LineItems: parent::update's read-back of the header (taken while the old line items are deleted, so
 * the joined line columns are blank and productid is null) merged with the parent as cached before the new rows
 * were read: LineItems [], header-only final details, numeric totals, and the balance before the aftersave
 * handler recomputed it (33b).
 */
export function updateLinesShape(engine: Engine, record: StoredRecord, request: InventoryRequest, shownBalance: string | undefined): Row {
	const row: Row = { ...inventoryRow(engine, record, lineColumns(engine, undefined, true), false, true), id: engine.idOf(record) };
	row.productid = null;
	numericTotals(record, row);
	if ('balance' in row) row.balance = shownBalance ?? '';
	return {
		...row,
		label: engine.label(record),
		...shippingValues(record),
		LineItems: [],
		LineItems_FinalDetails: headerFinalDetails(record, request.totals, engine.settings.currencyDecimals),
	};
}

/**
 * revise with LineItems: array_merge($element, $parent), where $parent is the retrieve cached before the new rows
 * were read back (productid null, header-only final details, numeric totals) with the rows added (33).
 */
export function reviseLinesShape(engine: Engine, record: StoredRecord, request: InventoryRequest, elementKeys: string[]): Row {
	const fields = storedFields(engine, record);
	numericTotals(record, fields);
	const full: Row = {
		...fields,
		id: engine.idOf(record),
		label: engine.label(record),
		...shippingValues(record),
		LineItems: lineItemsOutput(engine, record),
		productid: null,
		LineItems_FinalDetails: headerFinalDetails(record, request.totals, engine.settings.currencyDecimals),
	};
	const out: Row = {};
	for (const key of elementKeys) if (key in full && key !== 'LineItems') out[key] = full[key];
	// sanitizeInventoryForInsert adds conversion_rate to the element when it is empty.
	if (!('conversion_rate' in out)) out.conversion_rate = full.conversion_rate;
	return { ...out, ...Object.fromEntries(Object.entries(full).filter(([key]) => !(key in out))) };
}
