import type { FieldDescribe, ModuleDescribe } from './types';
import { INVENTORY_MODULES } from './wsIds';

export type FieldKind = 'currency' | 'decimal' | 'integer' | 'boolean' | 'date' | 'reference' | 'text';

export interface FieldSpec {
	name: string;
	kind: FieldKind;
	// describe's type name (picklist, multipicklist, text, email …)
	typeName: string;
	// Digits after the point of the MySQL column; vtiger echoes the column's formatting, not the input's.
	places?: number;
	default: string;
	refersTo?: string[];
	mandatory: boolean;
	editable: boolean;
}

// Column scales of the fields whose describe type ("double") does not say how vtiger stores them.
const DOUBLE_PLACES: Record<string, Record<string, number>> = {
	'*': { salescommission: 3, exciseduty: 3, conversion_rate: 3, hdnDiscountPercent: 3, commissionrate: 3, qty_per_unit: 2, qtyinstock: 3 },
	Invoice: { hdnS_H_Percent: 8 },
	Currency: { conversion_rate: 5 },
};

// Values vtiger fills in when a create omits the field (column defaults of a fresh install; never describe's "default").
const DEFAULTS: Record<string, Record<string, string>> = {
	'*': { source: 'WEBSERVICE' },
	Invoice: { hdnS_H_Percent: '0.00000000', conversion_rate: '1.000', hdnDiscountPercent: '', hdnDiscountAmount: '' },
	Quotes: { hdnS_H_Percent: '0', conversion_rate: '1.000', hdnDiscountPercent: '', hdnDiscountAmount: '' },
	SalesOrder: { hdnS_H_Percent: '0', conversion_rate: '1.000', hdnDiscountPercent: '', hdnDiscountAmount: '' },
	PurchaseOrder: { hdnS_H_Percent: '0', conversion_rate: '1.000', hdnDiscountPercent: '', hdnDiscountAmount: '' },
};

// Header columns of an inventory record that really live on the line items (vtiger_inventoryproductrel).
export const LINE_ITEM_COLUMNS = ['productid', 'quantity', 'listprice', 'comment', 'discount_amount', 'discount_percent', 'tax1', 'tax2', 'tax3'];
export const SHIPPING_FIELDS = ['shipping_&_handling', 'shipping_&_handling_shtax1', 'shipping_&_handling_shtax2', 'shipping_&_handling_shtax3'];
// Products/Services describe their default tax rates and the base currency price, but records do not carry them.
const PRICING_FIELDS = ['tax1', 'tax2', 'tax3', 'currency1'];

function kindOf(field: FieldDescribe): FieldKind {
	switch (field.type.name) {
		case 'currency':
			return 'currency';
		case 'double':
			return 'decimal';
		case 'integer':
			return 'integer';
		case 'boolean':
			return 'boolean';
		case 'date':
			return 'date';
		case 'reference':
		case 'owner':
			return 'reference';
		default:
			return 'text';
	}
}

function specOf(module: string, field: FieldDescribe): FieldSpec {
	const kind = kindOf(field);
	let places = DOUBLE_PLACES[module]?.[field.name] ?? DOUBLE_PLACES['*'][field.name];
	if (kind === 'currency') places = 8;
	const refersTo = field.type.name === 'owner' ? ['Users', 'Groups'] : field.type.refersTo;
	let fallback = '';
	if (kind === 'currency') fallback = '0.00000000';
	else if (kind === 'integer') fallback = '0';
	// A checkbox left out of a create is stored unchecked, whatever describe's default says: the webservice never
	// applies describe defaults (Products.discontinued default "1" stored "0", transcript 35; Documents.filestatus, 34;
	// picklist and text defaults are stored "" in 19 and 21c).
	else if (kind === 'boolean') fallback = '0';
	else if (kind === 'decimal' && places !== undefined) fallback = (0).toFixed(places);
	const explicit = DEFAULTS[module]?.[field.name] ?? DEFAULTS['*'][field.name];
	return {
		name: field.name,
		kind,
		typeName: field.type.name,
		places,
		default: explicit ?? fallback,
		refersTo,
		mandatory: field.mandatory,
		editable: field.editable,
	};
}

const LABEL_COLUMN_FIELDS: Record<string, Record<string, string>> = { Documents: { title: 'notes_title' } };

export interface ModuleSpec {
	module: string;
	inventory: boolean;
	// Fields stored on the record, in describe order (the order of create/retrieve output).
	stored: FieldSpec[];
	all: Map<string, FieldSpec>;
	labelFields: string[];
}

export function buildModuleSpec(describe: ModuleDescribe): ModuleSpec {
	const module = describe.name;
	const inventory = INVENTORY_MODULES.has(module);
	const all = new Map<string, FieldSpec>();
	const stored: FieldSpec[] = [];
	for (const field of describe.fields) {
		const spec = specOf(module, field);
		all.set(field.name, spec);
		if (field.name === 'id') continue;
		if (inventory && (LINE_ITEM_COLUMNS.includes(field.name) || SHIPPING_FIELDS.includes(field.name))) continue;
		if ((module === 'Products' || module === 'Services') && PRICING_FIELDS.includes(field.name)) continue;
		stored.push(spec);
	}
	// labelFields names table columns; where a column's field is named differently (Documents: "title" is the
	// field notes_title) the label is still built from that field.
	const labelFields = describe.labelFields ? describe.labelFields.split(',').map((c) => LABEL_COLUMN_FIELDS[module]?.[c] ?? c) : [];
	return { module, inventory, stored, all, labelFields };
}
