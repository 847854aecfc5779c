import { dateString, msDate, parseMsDate, startOfDay } from '../dates';
import { newId } from '../ids';
import type { Json } from '../types';
import { currencyRate } from './currencyRates';
import type { ApplyResult, EntityHandler, RenderOptions, WriteContext, WriteMode } from './entity';
import { lookup } from './entity';
import { amountTypesOf, DOCUMENT_READ_ONLY, contactOf, currencyOf, dateOf, nextFreeNumber, totalsOf } from './documentParts';
import { renderLine, settleContact } from './invoices';
import { priceLines } from './lineItems';
import { num, str, writable } from './values';

const READ_ONLY = [
	...DOCUMENT_READ_ONLY,
	'PurchaseOrderID',
	'TotalDiscount',
	'IsDiscounted',
	'Type',
	'DeliveryDateString',
	'ExpectedArrivalDateString',
	'Attachments',
];

/** The yaml's PurchaseOrder.Status enum, in the order a purchase order moves through it. */
export const PURCHASE_ORDER_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED', 'DELETED'];
const CREATE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];
const DATE_FIELDS = ['Date', 'DeliveryDate', 'ExpectedArrivalDate'] as const;

export const PO_NUMBER_TAKEN = 'Purchase Order Number must be unique.';
export const PO_NOT_MODIFIABLE = 'Purchase order not of valid status for modification';
export const PO_SENT_NOT_APPROVED = 'SentToContact can only be set on purchase orders that are AUTHORISED or BILLED.';

/**
 * Xero's lifecycle (sources in the README): created as DRAFT, SUBMITTED or AUTHORISED; a draft or submitted order may
 * move between those or be deleted; an approved one may be edited, billed or deleted, not sent back for approval;
 * a billed or deleted one is closed.
 */
function transitionError(from: string | undefined, to: string): string | undefined {
	if (!PURCHASE_ORDER_STATUSES.includes(to)) return `Status ${to} is not a valid purchase order status (${PURCHASE_ORDER_STATUSES.join(', ')}).`;
	if (from === undefined) return CREATE_STATUSES.includes(to) ? undefined : 'Purchase order not of valid status for creation';
	if (from === 'BILLED' || from === 'DELETED') return PO_NOT_MODIFIABLE;
	if (from === 'AUTHORISED') return ['AUTHORISED', 'BILLED', 'DELETED'].includes(to) ? undefined : PO_NOT_MODIFIABLE;
	return to === 'BILLED' ? PO_NOT_MODIFIABLE : undefined;
}

function nextNumber({ tx }: WriteContext): string {
	return nextFreeNumber(tx, 'purchaseOrders', 'purchaseOrderNumber', 'PO', () => tx.tenant.nextPurchaseOrderNumber++);
}

function applyPurchaseOrder(ctx: WriteContext, element: Json, mode: WriteMode): ApplyResult {
	const { tx } = ctx;
	const id = str(element.PurchaseOrderID);
	const existing = id ? tx.get('purchaseOrders', id) : undefined;
	if (id && !existing) return { errors: [`The purchase order with ID ${id} could not be found.`] };
	if (existing && mode === 'create') return { errors: ['A purchase order with this PurchaseOrderID already exists.'] };
	const fields = writable(element, READ_ONLY);
	const merged: Json = existing ? { ...existing, ...fields } : { ...fields };
	const errors: string[] = [];

	const status = (str(merged.Status) ?? 'DRAFT').toUpperCase();
	const statusError = transitionError(existing?.Status as string | undefined, status);
	if (statusError) errors.push(statusError);
	if (merged.SentToContact === true && status !== 'AUTHORISED' && status !== 'BILLED') errors.push(PO_SENT_NOT_APPROVED);

	const contact = contactOf(tx, fields, existing);
	if (contact.error) errors.push(contact.error);

	const amountTypes = amountTypesOf(merged, errors);
	const currency = currencyOf(tx, merged, errors);
	const instructions = str(merged.DeliveryInstructions);
	if (instructions && instructions.length > 500) errors.push('Delivery Instructions must not be more than 500 characters long.');

	const number = str(element.PurchaseOrderNumber) ?? (existing?.PurchaseOrderNumber as string | undefined);
	if (number && number.length > 255) errors.push('Purchase Order Number must not be more than 255 characters long.');
	if (number && status !== 'DELETED') {
		const holder = tx.findUnique('purchaseOrders', 'purchaseOrderNumber', number);
		if (holder && holder !== existing?.PurchaseOrderID) errors.push(PO_NUMBER_TAKEN);
	}
	// A purchase order's lines are priced as a bill's (purchase details of an item); an account code is optional.
	const linesInput = fields.LineItems !== undefined ? fields.LineItems : existing?.LineItems;
	const priced = priceLines(tx, linesInput, 'ACCPAY', amountTypes, false);
	errors.push(...priced.errors);
	const rate = num(merged.CurrencyRate) ?? currencyRate(tx.tenant.profile.baseCurrency, currency);
	if (errors.length > 0) return { errors: [...new Set(errors)] };

	const contactId = settleContact(ctx, contact, 'IsSupplier');
	const purchaseOrderId = (existing?.PurchaseOrderID as string | undefined) ?? newId();
	const { Contact: _contact, ...rest } = merged;
	const dates: Json = {};
	for (const field of DATE_FIELDS) {
		const value = field === 'Date' ? (dateOf(fields, existing, field) ?? startOfDay(ctx.now)) : dateOf(fields, existing, field);
		if (value !== undefined) dates[field] = msDate(value);
	}
	const record: Json = {
		...rest,
		...dates,
		Type: 'PURCHASEORDER',
		PurchaseOrderID: purchaseOrderId,
		PurchaseOrderNumber: number ?? nextNumber(ctx),
		Reference: str(merged.Reference) ?? '',
		ContactID: contactId,
		Status: status,
		LineAmountTypes: amountTypes,
		LineItems: priced.lines,
		CurrencyCode: currency,
		CurrencyRate: rate,
		...totalsOf(priced),
		TotalDiscount: 0,
		IsDiscounted: priced.lines.some((line) => Number(line.DiscountRate ?? 0) > 0),
		SentToContact: merged.SentToContact === true,
		HasAttachments: false,
		HasErrors: false,
		UpdatedDateUTC: msDate(ctx.now),
	};
	tx.put('purchaseOrders', purchaseOrderId, record);
	return { id: purchaseOrderId, errors: [] };
}

export function renderPurchaseOrder(source: Parameters<EntityHandler['render']>[0], record: Json, _options?: RenderOptions): Json {
	const { ContactID, LineItems, ...rest } = record;
	const contact = typeof ContactID === 'string' ? lookup(source, 'contacts', ContactID) : undefined;
	const out: Json = {
		...rest,
		Contact: { ContactID, Name: contact?.Name ?? '', ContactStatus: contact?.ContactStatus ?? 'ACTIVE', HasValidationErrors: false },
		DateString: dateString(parseMsDate(String(record.Date)) ?? 0),
	};
	if (typeof record.DeliveryDate === 'string') out.DeliveryDateString = dateString(parseMsDate(record.DeliveryDate) ?? 0);
	// No unitdp on purchase order reads: unit amounts come rounded to 2 places, as Xero's default.
	out.LineItems = (LineItems as Json[]).map((line) => renderLine(line, 2));
	return out;
}

export const purchaseOrdersHandler: EntityHandler = {
	resource: 'PurchaseOrders',
	collection: 'purchaseOrders',
	idField: 'PurchaseOrderID',
	apply: applyPurchaseOrder,
	render: renderPurchaseOrder,
};
