import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { displayValue } from '../../helpers/display';
import { purchaseOrderFromFields } from '../../helpers/fieldPayloads';
import { present } from '../../helpers/mandatory';
import { contactReference, toRequestDates, writableLines } from '../../helpers/xeroShape';
import type { SendRules } from '../../send/rules';
import { MARK_BILLED } from '../../helpers/purchaseOrderBill';
import { writeInBatches } from '../../send/write';
import { currencyCheck, datesCheck } from '../invoice/sendRules';

const PURCHASE_ORDER_DATES = ['Date', 'DeliveryDate', 'ExpectedArrivalDate'];

/** The statuses a sync may send: Xero's lifecycle up to BILLED. Deleting is done in Xero, where it can be seen. */
export const SENDABLE_PURCHASE_ORDER_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED'];

export function purchaseOrderStatusProblem(record: IDataObject): string | undefined {
	const status = record.Status;
	if (status === undefined || status === null || status === '') return undefined;
	const value = String(status).toUpperCase();
	if (SENDABLE_PURCHASE_ORDER_STATUSES.includes(value)) return undefined;
	if (value === 'DELETED') {
		return 'Purchase order status DELETED cannot be sent: delete the purchase order in Xero (Purchase order → Options → Delete). Send it as DRAFT, SUBMITTED, AUTHORISED or BILLED.';
	}
	return `Purchase order status "${displayValue(status)}" is not one Xero has; use DRAFT, SUBMITTED, AUTHORISED or BILLED.`;
}

/** Purchase orders: Xero's contact reference, writable line fields, request dates and an upper-case status. */
function purchaseOrderRequestShape(payload: IDataObject): void {
	if (payload.Contact !== undefined) payload.Contact = contactReference(payload.Contact);
	if (payload.Contact === undefined) delete payload.Contact;
	if (Array.isArray(payload.LineItems)) payload.LineItems = writableLines(payload.LineItems as IDataObject[]);
	toRequestDates(payload, PURCHASE_ORDER_DATES);
	if (typeof payload.Status === 'string') payload.Status = payload.Status.toUpperCase();
}

function purchaseOrderMandatory(record: IDataObject, isUpdate: boolean): string[] {
	// Xero creates no order BILLED, so a BILLED record updates the order with its number (Mark Billed From Bill).
	if (!isUpdate && String(record.Status ?? '').toUpperCase() === 'BILLED') {
		return present(record.PurchaseOrderNumber) ? [] : ['a purchase order to mark BILLED needs its PurchaseOrderID or Purchase Order Number'];
	}
	const problems: string[] = [];
	const contact = record.Contact as IDataObject | undefined;
	if (!isUpdate && !(present(contact?.ContactID) || present(contact?.Name))) {
		problems.push('the purchase order has no supplier (Contact.ContactID or Contact.Name)');
	}
	const lines = Array.isArray(record.LineItems) ? (record.LineItems as IDataObject[]) : [];
	if ((!isUpdate || lines.length > 0) && !lines.some((line) => present(line?.Description))) {
		problems.push('the purchase order needs at least one line item with a description');
	}
	return problems;
}

/** Send purchase order: what differs from the other resources; the engine in send/ does the rest. */
export const purchaseOrderSendRules: SendRules = {
	spec: XERO_RESOURCES.purchaseOrder,
	writable: [
		'PurchaseOrderID',
		'PurchaseOrderNumber',
		'Contact',
		'LineItems',
		'Date',
		'DeliveryDate',
		'ExpectedArrivalDate',
		'LineAmountTypes',
		'Reference',
		'BrandingThemeID',
		'CurrencyCode',
		'CurrencyRate',
		'Status',
		'SentToContact',
		'DeliveryAddress',
		'AttentionTo',
		'Telephone',
		'DeliveryInstructions',
	],
	requestShape: purchaseOrderRequestShape,
	mandatory: purchaseOrderMandatory,
	fromFields(ctx, i) {
		const lines = (ctx.getNodeParameter('lineItemsUi', i, {}) as IDataObject).lineItem;
		return purchaseOrderFromFields(
			ctx.getNodeParameter('contact', i, '') as string,
			Array.isArray(lines) ? (lines as IDataObject[]) : [],
			ctx.getNodeParameter('additionalFields', i, {}) as IDataObject,
		);
	},
	crmModules: ['PurchaseOrder'],
	checks: [
		{ code: 'PURCHASE_ORDER_STATUS', problem: (payload) => purchaseOrderStatusProblem(payload) },
		datesCheck(PURCHASE_ORDER_DATES),
	],
	settingsChecks: [currencyCheck],
	writer: writeInBatches,
	extraInputModes: [MARK_BILLED],
};
