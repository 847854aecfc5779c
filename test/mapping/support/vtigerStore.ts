import type { CrmRecord } from '../../../nodes/shared/mapping';

/**
 * What vtiger does to values on write, as recorded in the 7.5 transcripts: currency fields are rounded to the user's
 * 2 decimals and read back with 8 ("100.50000000"), doubles come back with 3 ("2.000"), booleans as "1"/"0", empty
 * as "", and the record number (ACC1, PRO1 …) is assigned by the CRM whatever the element said. Round-trip tests
 * pass mapped fields through this so the mapping has to read vtiger's strings, not its own numbers.
 */

const CURRENCY_FIELDS = new Set(['unit_price', 'purchase_cost', 'annual_revenue', 'hdnSubTotal', 'hdnGrandTotal', 'txtAdjustment']);
const DOUBLE_FIELDS = new Set(['conversion_rate', 'qty_per_unit', 'qtyinstock', 'commissionrate']);
const LINE_CURRENCY = new Set(['listprice', 'discount_amount', 'purchase_cost', 'margin']);
const LINE_DOUBLE = new Set(['quantity', 'discount_percent', 'tax1', 'tax2', 'tax3']);

const NUMBER_PREFIX: Record<string, [string, string]> = {
	Accounts: ['account_no', 'ACC'],
	Contacts: ['contact_no', 'CON'],
	Products: ['product_no', 'PRO'],
	Services: ['service_no', 'SER'],
	Invoice: ['invoice_no', 'INV'],
	Quotes: ['quote_no', 'QUO'],
	SalesOrder: ['salesorder_no', 'SO'],
};

function asVtiger(field: string, value: unknown, currency: Set<string>, double: Set<string>): string {
	if (value === undefined || value === null || value === '') return currency.has(field) ? '0.00000000' : '';
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (typeof value === 'number') {
		if (currency.has(field)) return (Math.round(value * 100) / 100).toFixed(8);
		if (double.has(field)) return value.toFixed(3);
		return String(value);
	}
	if (typeof value === 'string' && (currency.has(field) || double.has(field))) {
		return asVtiger(field, Number(value), currency, double);
	}
	return String(value);
}

export function storeAsVtiger(module: string, fields: CrmRecord, id: string, sequence: number, lineItems?: CrmRecord[], products: Record<string, CrmRecord> = {}): CrmRecord {
	const stored: CrmRecord = {};
	for (const [field, value] of Object.entries(fields)) {
		if (field === 'LineItems') continue;
		stored[field] = asVtiger(field, value, CURRENCY_FIELDS, DOUBLE_FIELDS);
	}
	const number = NUMBER_PREFIX[module];
	if (number) stored[number[0]] = `${number[1]}${sequence}`;
	stored.id = id;
	if (lineItems) {
		const storedLines = lineItems.map((line, index) => {
			const product = products[String(line.productid)] ?? {};
			const storedLine: CrmRecord = {
				parent_id: `${id.split('x')[0]}xArray`,
				productid: String(line.productid),
				sequence_no: String(index + 1),
				quantity: asVtiger('quantity', line.quantity, LINE_CURRENCY, LINE_DOUBLE),
				listprice: Number(line.listprice).toFixed(8),
				discount_percent: asVtiger('discount_percent', line.discount_percent ?? 0, LINE_CURRENCY, LINE_DOUBLE),
				discount_amount: asVtiger('discount_amount', line.discount_amount ?? 0, LINE_CURRENCY, LINE_DOUBLE),
				comment: String(line.comment ?? ''),
				description: '',
				incrementondel: '1',
				tax1: '0.000',
				tax2: '0.000',
				tax3: '0.000',
				id: `33x${index + 1}`,
				product_name: String(product.productname ?? product.servicename ?? ''),
				entity_type: 'servicename' in product ? 'Services' : 'Products',
				deleted: '0',
			};
			return storedLine;
		});
		stored.LineItems = storedLines;
		stored.productid = storedLines[0]?.productid ?? '';
	}
	return stored;
}
