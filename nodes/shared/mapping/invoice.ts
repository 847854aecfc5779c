import { crmAddress, crmAddressFields, findAddress, xeroAddressToCrm, type CrmAddress } from './contactParts';
import { crmCurrencyFields, crmPartyOf, xeroContactOf, xeroCurrencyOf } from './inventoryHeader';
import { crmDocumentToXero, xeroDocumentToCrm } from './linkedResult';
import { crmLinesToXero, xeroLinesToCrm } from './invoiceLines';
import { isPartPaid, partPaidStatus, paymentFields } from './invoicePayments';
import { crmStatusOf, settledStatus, xeroStatusToSend } from './invoiceStatus';
import { linkFieldOf, type MappingOptions } from './options';
import { compact } from './overrides';
import { Resolver } from './resolution';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroToCrmResult } from './types';
import { day, isCrmId, text } from './vtigerValues';

/**
 * Xero sales invoices (ACCREC) ↔ CRM Invoice. The CRM keeps Xero's InvoiceID, number and status in its own fields;
 * Xero keeps the CRM's invoice_no as InvoiceNumber when the invoice is first sent, so either side can find the other.
 */

/** vtiger needs a subject and Xero has none; an invoice without a Reference is named after its number. */
function subjectFor(invoiceNumber: string): string {
	return `Xero invoice ${invoiceNumber}`.trim();
}

export function crmInvoiceToXero(record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const resolver = new Resolver(options.resolved);
	const crmId = isCrmId(record.id) ? record.id : null;
	const label = `CRM invoice ${text(record.invoice_no) || crmId || '(new)'}`;
	const errors: string[] = [];
	const xeroId = text(record[linkFieldOf(options, 'Invoice')]);
	const xeroNumber = options.invoiceFields.xeroNumber ? text(record[options.invoiceFields.xeroNumber]) : '';
	const subject = text(record.subject);
	const status = xeroStatusToSend(
		options.invoiceFields.xeroStatus ? record[options.invoiceFields.xeroStatus] : '',
		record.invoicestatus,
		label,
	);
	// A linked invoice Xero has paid or voided is settled there: it is not sent, and that is no error.
	const settled = xeroId
		? settledStatus(options.invoiceFields.xeroStatus ? record[options.invoiceFields.xeroStatus] : '', record.invoicestatus)
		: undefined;
	if (status.error && !settled) errors.push(status.error);
	const contact = xeroContactOf(record, resolver, options, label, errors);
	const lines = crmLinesToXero(record, resolver, options, label);
	errors.push(...lines.errors);
	const xero = compact({
		Type: 'ACCREC',
		InvoiceID: xeroId,
		// A linked invoice keeps the number Xero gave it; a new one takes the CRM's number.
		InvoiceNumber: xeroNumber || (xeroId ? '' : text(record.invoice_no)),
		Reference: xeroNumber && subject === subjectFor(xeroNumber) ? '' : subject,
		Contact: contact,
		Date: day(record.invoicedate),
		DueDate: day(record.duedate),
		...xeroCurrencyOf(record, resolver, label, errors),
		Status: status.status,
		LineItems: lines.lines,
	});
	const result = crmDocumentToXero('invoice', xero, crmId, lines, resolver, errors, options);
	return settled ? { ...result, settled } : result;
}

/** Only sales invoices have a counterpart among CRM invoices (also: whose contacts may become CRM organisations). */
export function isSalesInvoice(invoice: XeroRecord): boolean {
	return (text(invoice.Type) || 'ACCREC') === 'ACCREC';
}

export function xeroInvoiceToCrm(invoice: XeroRecord, options: MappingOptions): XeroToCrmResult {
	const resolver = new Resolver(options.resolved);
	const xeroId = text(invoice.InvoiceID) || null;
	const number = text(invoice.InvoiceNumber);
	const label = `Xero invoice ${number || xeroId || '(new)'}`;
	const errors: string[] = [];
	const type = text(invoice.Type) || 'ACCREC';
	// "Get invoices" gives bills too; a bill has no place among the CRM's sales invoices, so it is skipped, not failed.
	const notForModule =
		isSalesInvoice(invoice) ? undefined : `${label} is a ${type === 'ACCPAY' ? 'bill (ACCPAY)' : type}; only sales invoices (ACCREC) map to CRM invoices.`;

	const contact = (invoice.Contact ?? {}) as XeroRecord;
	const account = accountFor(contact, resolver, options, label, errors);
	const lines = xeroLinesToCrm(invoice, resolver, options, label);
	errors.push(...lines.errors);

	const status = text(invoice.Status);
	const link = linkFieldOf(options, 'Invoice');
	const fields: CrmRecord = {
		subject: text(invoice.Reference) || subjectFor(number),
		account_id: text(account?.id),
		invoicedate: day(invoice.Date) ?? '',
		duedate: day(invoice.DueDate) ?? '',
		invoicestatus: isPartPaid(invoice) ? partPaidStatus(xeroId ?? '', link, resolver, crmStatusOf(status)) : crmStatusOf(status),
		productid: lines.lines[0]?.productid ?? '',
		...addressFields(contact, account),
		...paymentFields(invoice),
	};
	crmCurrencyFields(invoice, resolver, label, 'invoice', errors, fields);
	const identity = {
		xeroId,
		number,
		status,
		link,
		statusField: options.invoiceFields.xeroStatus,
		numberField: options.invoiceFields.xeroNumber,
		crmNumberField: 'invoice_no',
	};
	const result = xeroDocumentToCrm('Invoice', fields, identity, lines, resolver, errors, options);
	return notForModule ? { ...result, notForModule } : result;
}

/** The CRM organisation of a Xero record's contact (linked by ContactID, else by name); also used by quotes. */
export function accountFor(
	contact: XeroRecord,
	resolver: Resolver,
	options: MappingOptions,
	label: string,
	errors: string[],
	records = 'CRM invoices',
): CrmRecord | undefined {
	return crmPartyOf(contact, resolver, options, { module: 'Accounts', nameField: 'accountname' }, errors, {
		none: `${label} has no contact; ${records} need an organisation.`,
		unknown: (who) => `${label}: its contact "${who}" is not a CRM organisation; get organisations from Xero first.`,
	});
}

/** What an invoice's mandatory street says when neither the Xero contact nor the CRM organisation has an address. */
export const NO_ADDRESS = '(no address in Xero)';

/**
 * vtiger invoices require bill_street and ship_street; Xero invoices carry no address of their own. Each comes from
 * the first address with a street of: the Xero contact's (when the invoice includes it; POBOX for billing, STREET for
 * shipping, then the other), the CRM organisation's (bill, ship, then the other), else NO_ADDRESS. Empty parts are
 * left out so an update keeps the CRM's.
 */
export function addressFields(contact: XeroRecord, account: CrmRecord | undefined): CrmRecord {
	const pobox = xeroAddressToCrm(findAddress(contact.Addresses, 'POBOX'));
	const street = xeroAddressToCrm(findAddress(contact.Addresses, 'STREET'));
	const accountBill = account ? crmAddress(account, 'bill') : undefined;
	const accountShip = account ? crmAddress(account, 'ship') : undefined;
	const first = (...candidates: Array<CrmAddress | undefined>): CrmAddress =>
		candidates.find((address) => address !== undefined && address.street !== '') ?? { ...pobox, street: NO_ADDRESS };
	const chosen = {
		...crmAddressFields('bill', first(pobox, street, accountBill, accountShip)),
		...crmAddressFields('ship', first(street, pobox, accountShip, accountBill)),
	};
	return Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== ''));
}
