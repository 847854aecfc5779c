import { FatalError } from '../errors';
import { toNumber } from '../schema/values';

/**
 * What VtigerInventoryOperation's sanitizeInventoryForInsert/sanitizeShippingTaxes make of an element before any
 * inventory create, update or revise: the $_REQUEST values that saveInventoryProductDetails later writes to the
 * header when line items are saved, and the PHP 8 TypeErrors they raise on values a retrieve hands out (33b).
 */
export interface InventoryRequest {
	// $_REQUEST['taxtype']: only set from a non-empty hdnTaxType. create first fills an empty one with
	// getSelectedDefaultTaxMode(), which is "" on these installs (21c, 29: stored "", final details taxtype null).
	taxType: string;
	// discount_type_final: an amount wins over a percentage; neither (0, "", absent) leaves the columns alone.
	discount?: { kind: 'amount' | 'percentage'; value: string };
	// region_id is written (as an int column) whenever the key is present.
	regionId?: string;
	// vtiger_inventorychargesrel's value for the one charge, "Shipping & Handling": the element's
	// "shipping_&_handling" when it adds up to non-zero, else the element's hdnS_H_Amount as given (or null).
	charge: unknown;
	// hdnS_H_Amount becomes the charges' total when that is non-zero.
	shAmount?: number;
	// The header totals the request carries ($_REQUEST subtotal/total/pre_tax_total), 0 when absent.
	totals: { subTotal: number; grand: number; preTax: number };
}

const CHARGE = 'shipping_&_handling';

// PHP's truthiness of a scalar and `(float)` of it.
function truthy(value: unknown): boolean {
	return !(value === undefined || value === null || value === false || value === '' || value === '0' || value === 0);
}

// PHP 8 arithmetic on a string: numeric (or leading-numeric, with a warning) works, anything else is a TypeError.
function arithmetic(value: unknown, operation: string): number {
	if (value === undefined || value === null || typeof value === 'boolean') return Number(value ?? 0);
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.test(value)) return parseFloat(value);
	throw new FatalError(`Unsupported operand types: ${operation}`);
}

export function inventoryRequest(element: Record<string, unknown>): InventoryRequest {
	const taxType = truthy(element.hdnTaxType) ? String(element.hdnTaxType) : '';
	let discount: InventoryRequest['discount'];
	if (toNumber(element.hdnDiscountAmount) && element.hdnDiscountAmount !== '') discount = { kind: 'amount', value: String(element.hdnDiscountAmount) };
	else if (toNumber(element.hdnDiscountPercent) && element.hdnDiscountPercent !== '')
		discount = { kind: 'percentage', value: String(element.hdnDiscountPercent) };
	const regionId = 'region_id' in element && element.region_id !== null ? String(parseInt(String(element.region_id), 10) || 0) : undefined;

	// sanitizeShippingTaxes: $subTotal - $overallDiscountAmount, then $totalSHAmount + $chargeValue.
	const subTotal = toNumber(element.hdnSubTotal);
	const overall = truthy(element.hdnDiscountPercent) ? (subTotal * toNumber(element.hdnDiscountPercent)) / 100 : element.hdnDiscountAmount;
	const afterDiscount = subTotal - arithmetic(overall, 'float - string');
	let total = 0;
	let chargeValue: unknown;
	if (CHARGE in element) {
		const raw = element[CHARGE];
		// str_replace('%', '', null) is "", so a null charge fails the same way as "".
		const text = raw === null || raw === undefined ? '' : typeof raw === 'object' ? raw : String(raw);
		if (typeof text === 'string' && text.includes('%')) chargeValue = (afterDiscount * toNumber(text.replace(/%/g, ''))) / 100;
		else chargeValue = text;
		total += arithmetic(chargeValue, 'int + string');
	}
	const charge = total ? chargeValue : element.hdnS_H_Amount ?? null;
	return {
		taxType,
		discount,
		regionId,
		charge,
		shAmount: total || undefined,
		totals: { subTotal, grand: toNumber(element.hdnGrandTotal), preTax: toNumber(element.pre_tax_total) },
	};
}
