import { ownValue } from '../ownValue';
import { crmAddressFields, type CrmAddress } from './contactParts';
import { crmPartyOf, xeroCurrencyOf } from './inventoryHeader';
import { crmDocumentToXero, xeroDocumentToCrm } from './linkedResult';
import { NO_ADDRESS } from './invoice';
import { crmLinesToXero, xeroLinesToCrm } from './invoiceLines';
import { linkFieldOf, type MappingOptions } from './options';
import { compact } from './overrides';
import { Resolver } from './resolution';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroToCrmResult } from './types';
import { day, isCrmId, num, text } from './vtigerValues';

/**
 * Xero purchase orders ↔ CRM PurchaseOrder. The supplier is the CRM Vendor (vendor_id) linked to the Xero contact;
 * the CRM keeps Xero's PurchaseOrderID in its link field and Xero's status in its "Xero Status" field; Xero keeps
 * the CRM's purchaseorder_no as PurchaseOrderNumber when the order is first sent, so either side can find the other.
 */

/** vtiger postatus → the Xero status sent. Delivered and received orders stay approved: billing happens in Xero. */
const XERO_STATUS_OF: Readonly<Record<string, string>> = {
	Created: 'DRAFT',
	Approved: 'AUTHORISED',
	Delivered: 'AUTHORISED',
	'Received Shipment': 'AUTHORISED',
};

/** Xero status → vtiger postatus (vtiger has no "billed": a billed order's goods were received). */
const POSTATUS_OF: Readonly<Record<string, string>> = {
	DRAFT: 'Created',
	SUBMITTED: 'Created',
	AUTHORISED: 'Approved',
	BILLED: 'Received Shipment',
	DELETED: 'Cancelled',
};

/** A billed or deleted order is closed in Xero, which refuses any change to it. */
const CLOSED_IN_XERO = ['BILLED', 'DELETED'];

function subjectFor(number: string): string {
	return `Xero purchase order ${number}`.trim();
}

function supplierOf(record: CrmRecord, resolver: Resolver, options: MappingOptions, label: string, errors: string[]): XeroRecord | undefined {
	const vendorId = text(record.vendor_id);
	if (!isCrmId(vendorId)) {
		errors.push(`${label} has no vendor (vendor_id); Xero purchase orders need a supplier.`);
		return undefined;
	}
	const vendor = resolver.record(vendorId);
	if (vendor === null) errors.push(`${label}: its vendor ${vendorId} does not exist in the CRM (deleted?).`);
	if (!vendor) return undefined;
	const contactId = text(vendor[linkFieldOf(options, 'Vendors')]);
	if (contactId) return { ContactID: contactId };
	const name = text(vendor.vendorname);
	if (!name) errors.push(`${label}: its vendor ${vendorId} has no name to find or create the Xero supplier by.`);
	// Xero links to the contact with this name, or creates it; sending the vendors first (as suppliers) avoids that.
	return { Name: name };
}

function deliveryAddressOf(record: CrmRecord): string {
	return [record.ship_street, record.ship_city, record.ship_state, record.ship_code, record.ship_country]
		.map((part) => text(part).trim())
		.filter((part) => part !== '')
		.join(', ');
}

export function crmPurchaseOrderToXero(record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const resolver = new Resolver(options.resolved);
	const crmId = isCrmId(record.id) ? record.id : null;
	const number = text(record.purchaseorder_no);
	const label = `CRM purchase order ${number || crmId || '(new)'}`;
	const errors: string[] = [];
	const xeroId = text(record[linkFieldOf(options, 'PurchaseOrder')]);
	const xeroStatus = options.invoiceFields.xeroStatus ? text(record[options.invoiceFields.xeroStatus]).trim().toUpperCase() : '';
	const settled = xeroId && CLOSED_IN_XERO.includes(xeroStatus) ? xeroStatus : undefined;
	const postatus = text(record.postatus).trim();
	const status = ownValue(XERO_STATUS_OF, postatus);
	if (!status && !settled) {
		errors.push(
			postatus === 'Cancelled'
				? `${label} is cancelled in the CRM; a cancelled order is not sent. Delete it in Xero if it was sent before.`
				: `${label}: status "${postatus}" has no Xero purchase order status (Created, Approved, Delivered or Received Shipment).`,
		);
	}
	const supplier = supplierOf(record, resolver, options, label, errors);
	const lines = crmLinesToXero(record, resolver, options, label, 'purchase');
	errors.push(...lines.errors);
	const subject = text(record.subject);
	const xero = compact({
		PurchaseOrderID: xeroId,
		// A linked order keeps the number Xero has; a new one takes the CRM's number.
		PurchaseOrderNumber: xeroId ? '' : number,
		Reference: subject === subjectFor(number) ? '' : subject,
		Contact: supplier,
		DeliveryDate: day(record.duedate),
		DeliveryAddress: deliveryAddressOf(record),
		...xeroCurrencyOf(record, resolver, label, errors),
		Status: status,
		LineItems: lines.lines,
	});
	const result = crmDocumentToXero('purchaseOrder', xero, crmId, lines, resolver, errors, options);
	if (!settled) return result;
	return { ...result, settled, settledNote: `Not sent: the purchase order is ${settled} in Xero, which refuses changes to it; it stays linked.` };
}

function vendorFor(contact: XeroRecord, resolver: Resolver, options: MappingOptions, label: string, errors: string[]): CrmRecord | undefined {
	return crmPartyOf(contact, resolver, options, { module: 'Vendors', nameField: 'vendorname' }, errors, {
		none: `${label} has no supplier; CRM purchase orders need a vendor.`,
		unknown: (who) => `${label}: its supplier "${who}" is not a CRM vendor; get suppliers from Xero into Vendors first.`,
	});
}

/**
 * vtiger requires bill_street and ship_street on a purchase order; Xero has only the delivery address (free text).
 * Shipping takes it, billing the vendor's address; each falls back to the other, then to NO_ADDRESS.
 */
function addressFields(order: XeroRecord, vendor: CrmRecord | undefined): CrmRecord {
	const delivery = text(order.DeliveryAddress).trim();
	const vendorAddress: CrmAddress = {
		street: text(vendor?.street),
		city: text(vendor?.city),
		state: text(vendor?.state),
		code: text(vendor?.postalcode),
		country: text(vendor?.country),
	};
	const ship: CrmAddress = delivery ? { street: delivery, city: '', state: '', code: '', country: '' } : vendorAddress;
	const bill = vendorAddress.street ? vendorAddress : ship;
	const orDefault = (address: CrmAddress): CrmAddress => (address.street ? address : { ...address, street: NO_ADDRESS });
	const chosen = { ...crmAddressFields('bill', orDefault(bill)), ...crmAddressFields('ship', orDefault(ship)) };
	return Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== ''));
}

export function xeroPurchaseOrderToCrm(order: XeroRecord, options: MappingOptions): XeroToCrmResult {
	const resolver = new Resolver(options.resolved);
	const xeroId = text(order.PurchaseOrderID) || null;
	const number = text(order.PurchaseOrderNumber);
	const label = `Xero purchase order ${number || xeroId || '(new)'}`;
	const errors: string[] = [];
	const vendor = vendorFor((order.Contact ?? {}) as XeroRecord, resolver, options, label, errors);
	const lines = xeroLinesToCrm(order, resolver, options, label, 'purchase');
	errors.push(...lines.errors);
	const status = text(order.Status);
	const fields: CrmRecord = {
		subject: text(order.Reference) || subjectFor(number),
		vendor_id: text(vendor?.id),
		duedate: day(order.DeliveryDate) ?? '',
		postatus: ownValue(POSTATUS_OF, status) ?? 'Created',
		productid: lines.lines[0]?.productid ?? '',
		...addressFields(order, vendor),
	};
	const rate = num(order.CurrencyRate);
	if (rate !== undefined) fields.conversion_rate = Math.round(rate * 1000) / 1000;
	const identity = {
		xeroId,
		number,
		status,
		link: linkFieldOf(options, 'PurchaseOrder'),
		statusField: options.invoiceFields.xeroStatus,
		crmNumberField: 'purchaseorder_no',
	};
	return xeroDocumentToCrm('PurchaseOrder', fields, identity, lines, resolver, errors, options);
}
