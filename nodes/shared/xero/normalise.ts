import type { IDataObject } from 'n8n-workflow';
import { isoDates } from '../dates';

/**
 * Fields Xero documents as decimals. Xero's JSON sends them as numbers, but records that went through a CRM or a
 * spreadsheet often carry them as strings, and downstream arithmetic in n8n expressions silently concatenates those.
 */
const NUMERIC_FIELDS = new Set([
	'Total',
	'SubTotal',
	'TotalTax',
	'TotalDiscount',
	'AmountDue',
	'AmountPaid',
	'AmountCredited',
	'CurrencyRate',
	'Quantity',
	'UnitAmount',
	'LineAmount',
	'TaxAmount',
	'DiscountRate',
	'DiscountAmount',
	'UnitPrice',
	'QuantityOnHand',
	'TotalCostPool',
	'Discount',
	'Outstanding',
	'Overdue',
	'Amount',
	'CISRate',
	'CISDeduction',
]);

/** Bookkeeping fields of a write response that say nothing once the write succeeded. */
const NOISE_WHEN_EMPTY = ['ValidationErrors', 'Warnings'];
const NOISE_ALWAYS = ['UpdatedDateUTCString'];

/** Strings in decimal fields become numbers, at any depth; everything else is left alone. */
export function coerceXeroNumbers(value: unknown, key?: string): unknown {
	if (Array.isArray(value)) return value.map((inner) => coerceXeroNumbers(inner));
	if (value !== null && typeof value === 'object') {
		const out: IDataObject = {};
		for (const [innerKey, inner] of Object.entries(value as IDataObject)) {
			out[innerKey] = coerceXeroNumbers(inner, innerKey) as IDataObject[keyof IDataObject];
		}
		return out;
	}
	if (key !== undefined && NUMERIC_FIELDS.has(key) && typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value);
		if (Number.isFinite(parsed)) return parsed;
	}
	return value;
}

/** A Xero record as the nodes emit it: ISO dates, numbers as numbers, without empty write-response noise. */
export function normaliseXeroRecord(record: IDataObject): IDataObject {
	const cleaned = coerceXeroNumbers(isoDates(record)) as IDataObject;
	for (const key of NOISE_ALWAYS) delete cleaned[key];
	for (const key of NOISE_WHEN_EMPTY) {
		const value = cleaned[key];
		if (Array.isArray(value) && value.length === 0) delete cleaned[key];
	}
	if (cleaned.StatusAttributeString === 'OK') delete cleaned.StatusAttributeString;
	if (cleaned.HasErrors === false) delete cleaned.HasErrors;
	if (cleaned.HasValidationErrors === false) delete cleaned.HasValidationErrors;
	return cleaned;
}
