import type { DescribeResult } from '../transport/types';

export type FieldTypes = Map<string, string>;

export const NUMERIC_TYPES = new Set(['integer', 'double', 'currency', 'percent']);
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/** Line-item columns as LineItem's describe types them, for when that describe is not at hand. */
export const LINE_ITEM_TYPES: FieldTypes = new Map([
	['sequence_no', 'integer'],
	['quantity', 'double'],
	['listprice', 'double'],
	['discount_percent', 'double'],
	['discount_amount', 'double'],
	['tax1', 'double'],
	['tax2', 'double'],
	['tax3', 'double'],
	['purchase_cost', 'double'],
	['margin', 'double'],
	['deleted', 'boolean'],
]);

export function fieldTypes(describe: DescribeResult | undefined): FieldTypes {
	const types: FieldTypes = new Map();
	for (const field of describe?.fields ?? []) types.set(field.name, field.type.name);
	return types;
}

/**
 * vtiger sends nearly every value as a string ("1250000.50000000", "1", "2.000"); users expect numbers and
 * booleans. An empty field stays "" so that "empty" and "zero/false" remain different.
 */
export function normaliseValue(value: unknown, type: string | undefined): unknown {
	if (typeof value !== 'string' || value === '' || type === undefined) return value;
	if (NUMERIC_TYPES.has(type)) return NUMBER_TEXT.test(value.trim()) ? Number(value) : value;
	if (type === 'boolean') {
		if (value === '1') return true;
		if (value === '0') return false;
	}
	return value;
}

export interface NormaliseOptions {
	lineItemTypes?: FieldTypes;
}

function normaliseLineItem(line: unknown, parentId: unknown, types: FieldTypes): unknown {
	if (typeof line !== 'object' || line === null) return line;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(line)) {
		// vtiger 7.5 casts the parent array to a string, so every line says "7xArray"; the parent is known here.
		if (key === 'parent_id' && typeof value === 'string' && value.endsWith('xArray')) out[key] = parentId;
		else out[key] = normaliseValue(value, types.get(key) ?? LINE_ITEM_TYPES.get(key));
	}
	return out;
}

/**
 * The record as users expect it. `LineItems_FinalDetails` is dropped: it repeats the line items in the user's
 * display format under row-suffixed keys ("qty1", "listPrice1") and is only useful to vtiger's own UI; the raw
 * option keeps it.
 */
export function normaliseRecord(
	record: Record<string, unknown>,
	types: FieldTypes,
	options: NormaliseOptions = {},
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		if (key === 'LineItems_FinalDetails') continue;
		if (key === 'LineItems' && Array.isArray(value)) {
			out[key] = value.map((line) => normaliseLineItem(line, record.id, options.lineItemTypes ?? LINE_ITEM_TYPES));
			continue;
		}
		out[key] = normaliseValue(value, types.get(key));
	}
	return out;
}
