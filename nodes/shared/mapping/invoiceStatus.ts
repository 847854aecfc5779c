import { ownValue } from '../ownValue';
import { INVOICE_STATUSES, SENDABLE_INVOICE_STATUSES, type InvoiceStatus as XeroInvoiceStatus } from '../xero/resources';
import { text } from './vtigerValues';

const XERO_STATUSES: readonly string[] = INVOICE_STATUSES;

/** vtiger invoicestatus a Xero status shows as in the CRM's own status picklist. */
const CRM_STATUS_OF: Readonly<Record<XeroInvoiceStatus, string>> = {
	DRAFT: 'Created',
	SUBMITTED: 'Created',
	AUTHORISED: 'Approved',
	PAID: 'Paid',
	VOIDED: 'Cancel',
	DELETED: 'Cancel',
};

/** Used only when the CRM's "Xero Status" field is empty: the CRM status says what the user meant. */
export const XERO_STATUS_OF: Readonly<Record<string, XeroInvoiceStatus>> = {
	AutoCreated: 'DRAFT',
	Created: 'DRAFT',
	Approved: 'AUTHORISED',
	Sent: 'AUTHORISED',
	Paid: 'PAID',
	Cancel: 'VOIDED',
};

export function crmStatusOf(status: string): string {
	return CRM_STATUS_OF[status as XeroInvoiceStatus] ?? '';
}

export interface StatusDecision {
	status?: XeroInvoiceStatus;
	error?: string;
}

/**
 * The Xero status to send for a CRM invoice: its "Xero Status" field when set, else derived from invoicestatus.
 * PAID and VOIDED come back from Xero; sending them is refused with a message that says where to do it instead.
 */
export function xeroStatusToSend(xeroStatusValue: unknown, crmStatusValue: unknown, label: string): StatusDecision {
	const explicit = text(xeroStatusValue).trim().toUpperCase();
	const crmStatus = text(crmStatusValue).trim();
	if (explicit && !XERO_STATUSES.includes(explicit)) {
		return { error: `${label}: Xero Status "${text(xeroStatusValue)}" is not a Xero invoice status (use DRAFT, SUBMITTED or AUTHORISED).` };
	}
	const status = (explicit as XeroInvoiceStatus) || ownValue(XERO_STATUS_OF, crmStatus);
	if (!status) {
		if (crmStatus === 'Credit Invoice') {
			return { error: `${label}: a credit invoice is a credit note in Xero; it cannot be sent as an invoice.` };
		}
		return { error: `${label}: Xero Status is empty; set it to DRAFT, SUBMITTED or AUTHORISED before sending.` };
	}
	if (!SENDABLE_INVOICE_STATUSES.includes(status)) {
		return {
			error:
				`${label}: Xero Status ${status} cannot be set from the CRM; only DRAFT, SUBMITTED or AUTHORISED can be sent. ` +
				'Record payments and void invoices in Xero, then get the invoice from Xero to update the CRM.',
		};
	}
	return { status };
}

/**
 * PAID, VOIDED or DELETED when that is the CRM's status for the invoice (its "Xero Status" field, else derived from
 * invoicestatus): for a linked invoice it means Xero settled it and nothing is to be sent.
 */
export function settledStatus(xeroStatusValue: unknown, crmStatusValue: unknown): XeroInvoiceStatus | undefined {
	const explicit = text(xeroStatusValue).trim().toUpperCase();
	const status = explicit || ownValue(XERO_STATUS_OF, text(crmStatusValue).trim());
	return status === 'PAID' || status === 'VOIDED' || status === 'DELETED' ? status : undefined;
}
