import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { purchaseOrderFromFields } from '../../helpers/fieldPayloads';
import { present } from '../../helpers/mandatory';
import type { SendRules } from '../../send/rules';
import { MARK_BILLED } from '../../helpers/purchaseOrderBill';
import { writeInBatches } from '../../send/write';
import { currencyCheck, datesCheck, documentMandatory, documentParameters, documentRequestShape, statusProblem } from '../common/document.rules';

const PURCHASE_ORDER_DATES = ['Date', 'DeliveryDate', 'ExpectedArrivalDate'];

/** The statuses a sync may send: Xero's lifecycle up to BILLED. Deleting is done in Xero, where it can be seen. */
export const SENDABLE_PURCHASE_ORDER_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED'];

export function purchaseOrderStatusProblem(record: IDataObject): string | undefined {
	return statusProblem(
		record,
		SENDABLE_PURCHASE_ORDER_STATUSES,
		{
			DELETED:
				'Purchase order status DELETED cannot be sent: delete the purchase order in Xero (Purchase order → Options → Delete). Send it as DRAFT, SUBMITTED, AUTHORISED or BILLED.',
		},
		(status) => `Purchase order status "${status}" is not one Xero has; use DRAFT, SUBMITTED, AUTHORISED or BILLED.`,
	);
}

/** Purchase orders: an upper-case status. */
const purchaseOrderRequestShape = documentRequestShape(PURCHASE_ORDER_DATES, ['Status']);

function purchaseOrderMandatory(record: IDataObject, isUpdate: boolean): string[] {
	// Xero creates no order BILLED, so a BILLED record updates the order with its number (Mark Billed From Bill).
	if (!isUpdate && String(record.Status ?? '').toUpperCase() === 'BILLED') {
		return present(record.PurchaseOrderNumber) ? [] : ['a purchase order to mark BILLED needs its PurchaseOrderID or Purchase Order Number'];
	}
	return documentMandatory(record, isUpdate, 'purchase order', { party: 'supplier' });
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
		const { contact, lines, fields } = documentParameters(ctx, i);
		return purchaseOrderFromFields(contact, lines, fields);
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
