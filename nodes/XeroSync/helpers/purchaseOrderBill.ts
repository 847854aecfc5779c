import type { IDataObject } from 'n8n-workflow';
import type { ExtraInputMode } from '../send/rules';

/**
 * A bill from an approved purchase order, as Xero's own "Copy to → Bill" makes it: a DRAFT bill (ACCPAY) to the
 * order's supplier with its lines, in its currency, with the order's number as Reference. The order's number is also
 * the bill number, so a second run finds the bill (bills match on supplier and number) instead of making another.
 */
function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

export function billFromPurchaseOrder(order: IDataObject): IDataObject {
	const number = text(order.PurchaseOrderNumber);
	const contact = (order.Contact ?? {}) as IDataObject;
	if (!text(order.PurchaseOrderID) || !number) {
		throw new Error('The input item is not a Xero purchase order (no PurchaseOrderID or PurchaseOrderNumber); use Get purchase orders from Xero before this node.');
	}
	const status = text(order.Status).toUpperCase();
	if (status !== 'AUTHORISED') {
		throw new Error(`Purchase order ${number} is ${status || 'without a status'}; only an AUTHORISED (approved) order is billed. Approve it first, or filter the orders on status Authorised.`);
	}
	return {
		Type: 'ACCPAY',
		Contact: text(contact.ContactID) ? { ContactID: contact.ContactID } : contact,
		InvoiceNumber: number,
		Reference: number,
		Status: 'DRAFT',
		LineAmountTypes: order.LineAmountTypes,
		CurrencyCode: order.CurrencyCode,
		// The order's line IDs are its own; the bill's lines get theirs from Xero.
		LineItems: Array.isArray(order.LineItems)
			? (order.LineItems as IDataObject[]).map((line) => Object.fromEntries(Object.entries(line).filter(([key]) => key !== 'LineItemID')))
			: order.LineItems,
	};
}

/** The purchase order a bill made by billFromPurchaseOrder came from (its Reference), marked BILLED. */
export function billedPurchaseOrder(bill: IDataObject): IDataObject {
	const number = text(bill.Reference);
	if (text(bill.Type).toUpperCase() !== 'ACCPAY' || !number) {
		throw new Error('The input item is not a bill made from a purchase order (a Xero ACCPAY invoice whose Reference is the purchase order number); use Send invoice with Input "Bill From Xero Purchase Order" before this node.');
	}
	return { PurchaseOrderNumber: number, Status: 'BILLED' };
}

export const BILL_FROM_PURCHASE_ORDER: ExtraInputMode = {
	name: 'Bill From Xero Purchase Order',
	value: 'billFromPurchaseOrder',
	description:
		'Each input item is an approved Xero purchase order (from Get purchase orders): it becomes a DRAFT bill to its supplier with its lines, numbered after the order',
	toRecord: billFromPurchaseOrder,
};

export const MARK_BILLED: ExtraInputMode = {
	name: 'Mark Billed From Bill',
	value: 'markBilled',
	description:
		'Each input item is a bill made from a purchase order (Send invoice, Input "Bill From Xero Purchase Order"): the purchase order named in its Reference becomes BILLED',
	toRecord: billedPurchaseOrder,
};
