import type { Engine } from '../engine';
import { phpRound, toNumber } from '../schema/values';
import type { StoredRecord } from '../store/records';
import { lineNet, productName } from './lineItems';
import { trimmedNumber, userCurrency } from './userFormat';

// Default tax rates of a fresh install (vtiger_inventorytaxinfo): VAT, Sales, Service.
const TAXES = [
	{ taxname: 'tax1', taxlabel: 'VAT', percentage: '4.500' },
	{ taxname: 'tax2', taxlabel: 'Sales', percentage: '10.000' },
	{ taxname: 'tax3', taxlabel: 'Service', percentage: '12.500' },
];

function shTaxes() {
	return TAXES.map((t, i) => ({
		taxname: `sh${t.taxname}`,
		taxlabel: t.taxlabel,
		percentage: 0,
		amount: 0,
		taxid: String(i + 1),
		type: 'Fixed',
		method: 'Simple',
		regions: [],
		compoundon: [],
	}));
}

// getAssociatedProducts rounds each tax amount to the currency decimals before summing them: half down when the
// digit at that place is a 5 (round(..., PHP_ROUND_HALF_DOWN)), number_format's half up otherwise (33: 74.65).
function taxAmount(raw: number, decimals: number): number {
	const afterDot = String(raw).split('.')[1] ?? '';
	if (afterDot[decimals] === '5') {
		const factor = 10 ** decimals;
		const scaled = Math.abs(raw) * factor;
		const down = Math.ceil(scaled - 0.5 - 1e-9) / factor;
		return Math.sign(raw) * down;
	}
	return phpRound(raw, decimals);
}

interface Totals {
	subTotal: number;
	grand: number;
	preTax: number;
}

// With group tax the record's own group rates apply (never set through the webservice, so 0); otherwise the
// default rates are reported. Tax amounts are shown but, as in the transcripts, not added to the totals.
function finalDetails(record: StoredRecord, totals: Totals, decimals: number, onCreate: boolean) {
	const money = (n: number) => userCurrency(n, decimals);
	const taxType = record.values.hdnTaxType || null;
	const taxes: Record<string, unknown> = {};
	let taxTotal = 0;
	TAXES.forEach((t, i) => {
		const percentage = taxType === 'group' ? (onCreate ? 0 : '0.000') : t.percentage;
		const amount = taxAmount((totals.subTotal * toNumber(percentage)) / 100, decimals);
		taxTotal += amount;
		taxes[String(i + 1)] = {
			taxname: t.taxname,
			taxlabel: t.taxlabel,
			percentage,
			amount: money(amount),
			taxid: String(i + 1),
			type: 'Fixed',
			method: 'Simple',
			regions: [],
			compoundon: [],
		};
	});
	return {
		taxtype: taxType,
		discount_type_final: 'zero',
		hdnSubTotal: money(totals.subTotal),
		discount_percentage_final: 0,
		discount_amount_final: money(0),
		discountTotal_final: money(0),
		taxes,
		tax_totalamount: money(taxTotal),
		shipping_handling_charge: money(0),
		sh_taxes: shTaxes(),
		shtax_totalamount: money(0),
		adjustment: money(0),
		grandTotal: money(totals.grand),
		preTaxTotal: money(totals.preTax),
		totalAfterDiscount: money(totals.preTax),
		chargesAndItsTaxes: { '1': { value: record.shippingCharge ?? null, taxes: { '1': 0, '2': 0, '3': 0 } } },
		deductTaxes: [],
		deductTaxesTotalAmount: money(0),
	};
}

// A save that writes line items answers with the parent as retrieved before its line items were read back: no
// rows, and final details built from the header totals the request itself carried (0 unless it sent them).
export function headerFinalDetails(record: StoredRecord, requestTotals: Totals, decimals: number) {
	return { '1': { final_details: finalDetails(record, requestTotals, decimals, true) } };
}

// getAssociatedProducts(): one block per row, keys suffixed with the row number.
export function retrieveFinalDetails(engine: Engine, record: StoredRecord, totals: Totals, decimals: number) {
	const money = (n: number) => userCurrency(n, decimals);
	const out: Record<string, Record<string, unknown>> = {};
	(record.lineItems ?? []).forEach((row, index) => {
		const i = index + 1;
		const product = engine.store.get(row.productCrmid);
		const isProduct = row.productModule === 'Products';
		const { gross, discount, net } = lineNet(row);
		const block: Record<string, unknown> = {
			[`purchaseCost${i}`]: money(toNumber(row.purchase_cost)),
			[`margin${i}`]: money(toNumber(row.margin)),
			[`productDeleted${i}`]: product?.deleted ?? true,
			[`entityType${i}`]: row.productModule,
		};
		if (i > 1) block[`delRow${i}`] = 'Del';
		Object.assign(block, {
			[`hdnProductId${i}`]: String(row.productCrmid),
			[`productName${i}`]: productName(engine, row),
			[`hdnProductcode${i}`]: product?.values[isProduct ? 'product_no' : 'service_no'] ?? '',
			[`productDescription${i}`]: row.description,
			[`comment${i}`]: row.comment,
		});
		// A purchase order's rows carry no stock figure (32).
		if (record.module !== 'PurchaseOrder') block[`qtyInStock${i}`] = isProduct ? trimmedNumber(product?.values.qtyinstock ?? '0') : 'NA';
		Object.assign(block, {
			[`qty${i}`]: trimmedNumber(row.quantity),
			[`listPrice${i}`]: money(toNumber(row.listprice)),
			[`unitPrice${i}`]: money(toNumber(product?.values.unit_price ?? row.listprice)),
			[`productTotal${i}`]: money(gross),
			[`subproduct_ids${i}`]: '',
		});
		if (isProduct) Object.assign(block, { [`subprod_qty_list${i}`]: [], [`subprod_names${i}`]: '' });
		const percent = toNumber(row.discount_percent);
		const amount = toNumber(row.discount_amount);
		if (percent > 0) {
			Object.assign(block, {
				[`discount_percent${i}`]: trimmedNumber(percent),
				[`discount_amount${i}`]: 0,
				[`discount_type${i}`]: 'percentage',
				[`checked_discount_percent${i}`]: ' checked',
				[`style_discount_percent${i}`]: ' style="visibility:visible"',
				[`style_discount_amount${i}`]: ' style="visibility:hidden"',
			});
		} else if (amount > 0) {
			Object.assign(block, {
				[`discount_percent${i}`]: 0,
				[`discount_amount${i}`]: trimmedNumber(amount),
				[`discount_type${i}`]: 'amount',
				[`checked_discount_amount${i}`]: ' checked',
				// An amount discount lists its own style first (32, row 3).
				[`style_discount_amount${i}`]: ' style="visibility:visible"',
				[`style_discount_percent${i}`]: ' style="visibility:hidden"',
			});
		} else {
			Object.assign(block, { [`discount_percent${i}`]: 0, [`discount_amount${i}`]: 0, [`checked_discount_zero${i}`]: ' checked' });
		}
		Object.assign(block, {
			[`discountTotal${i}`]: money(discount),
			[`totalAfterDiscount${i}`]: money(net),
			[`taxTotal${i}`]: money(0),
			[`netPrice${i}`]: money(net),
		});
		if (i === 1) block.final_details = finalDetails(record, totals, decimals, false);
		out[String(i)] = block;
	});
	return out;
}
