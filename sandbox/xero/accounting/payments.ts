import { dateString, msDate, parseMsDate, parseRequestDate } from '../dates';
import type { Transaction } from '../store/transaction';
import { newId } from '../ids';
import type { Json } from '../types';
import type { ApplyResult, EntityHandler, WriteContext } from './entity';
import { lookup } from './entity';
import { accountByCode } from './lineItems';
import { num, obj, round, str } from './values';

/** Payments exist so an invoice can become PAID the way it does in Xero; only what that needs is modelled. */
function applyPayment(ctx: WriteContext, element: Json): ApplyResult {
	const { tx } = ctx;
	const errors: string[] = [];
	const invoiceRef = obj(element.Invoice);
	let invoiceId = str(invoiceRef?.InvoiceID);
	const invoiceNumber = str(invoiceRef?.InvoiceNumber) ?? str(element.InvoiceNumber);
	if (!invoiceId && invoiceNumber) invoiceId = tx.findUnique('invoices', 'invoiceNumber', invoiceNumber);
	const invoice = invoiceId ? tx.get('invoices', invoiceId) : undefined;
	if (!invoice) errors.push('Invoice could not be found');
	const accountRef = obj(element.Account);
	const accountId = str(accountRef?.AccountID);
	// yaml Payment.Code: "Code of account you are using to make the payment", beside Account.Code
	const accountCode = str(accountRef?.Code) ?? str(element.Code);
	const account = accountId ? tx.get('accounts', accountId) : accountCode ? accountByCode(tx, accountCode) : undefined;
	if (!account) errors.push('Account could not be found');
	else if (account.Type !== 'BANK' && account.EnablePaymentsToAccount !== true) {
		errors.push('Account type is invalid for making a payment to/from');
	}
	const amount = num(element.Amount);
	if (amount === undefined || amount <= 0) errors.push('Payment amount must be greater than zero.');
	if (invoice) {
		if (invoice.Status !== 'AUTHORISED') errors.push('Payments can only be made against Authorised documents');
		else if (amount !== undefined && amount > Number(invoice.AmountDue) + 0.000001) {
			errors.push('Payment amount exceeds the amount outstanding on this document');
		}
	}
	// Xero refuses a payment without a Date (developer.xero.com/documentation/api/accounting/payments: "Date" is
	// required for PUT /Payments; the yaml's Payment.Date: "Date the payment is being made (YYYY-MM-DD)")
	const date = element.Date === undefined || element.Date === '' ? undefined : parseRequestDate(element.Date);
	if (element.Date === undefined || element.Date === '') errors.push('Payment date must be specified.');
	else if (date === undefined) errors.push('Payment date is invalid.');
	if (errors.length > 0 || !invoice || !account || amount === undefined || date === undefined) return { errors };

	const paymentId = newId();
	const amountPaid = round(Number(invoice.AmountPaid ?? 0) + amount);
	const amountDue = round(Number(invoice.Total) - amountPaid - Number(invoice.AmountCredited ?? 0));
	const summary = {
		PaymentID: paymentId,
		Date: msDate(date),
		Amount: amount,
		Reference: str(element.Reference) ?? '',
		CurrencyRate: Number(invoice.CurrencyRate ?? 1),
		HasAccount: true,
		HasValidationErrors: false,
	};
	tx.put('invoices', invoice.InvoiceID as string, {
		...invoice,
		AmountPaid: amountPaid,
		AmountDue: amountDue,
		Payments: [...((invoice.Payments as Json[]) ?? []), summary],
		...(amountDue <= 0 ? { Status: 'PAID', FullyPaidOnDate: msDate(date) } : {}),
		UpdatedDateUTC: msDate(ctx.now),
	});
	tx.put('payments', paymentId, {
		PaymentID: paymentId,
		Date: msDate(date),
		Amount: amount,
		Reference: str(element.Reference) ?? '',
		CurrencyRate: Number(invoice.CurrencyRate ?? 1),
		PaymentType: invoice.Type === 'ACCPAY' ? 'ACCPAYPAYMENT' : 'ACCRECPAYMENT',
		Status: 'AUTHORISED',
		IsReconciled: false,
		HasAccount: true,
		HasValidationErrors: false,
		InvoiceID: invoice.InvoiceID,
		AccountID: account.AccountID,
		UpdatedDateUTC: msDate(ctx.now),
	});
	return { id: paymentId, errors: [] };
}

export const paymentsHandler: EntityHandler = {
	resource: 'Payments',
	collection: 'payments',
	idField: 'PaymentID',
	apply: (ctx, element) => applyPayment(ctx, element),
	render: (source, record) => {
		const { InvoiceID, AccountID, ...rest } = record;
		const invoice = lookup(source, 'invoices', String(InvoiceID));
		const account = lookup(source, 'accounts', String(AccountID));
		return {
			...rest,
			DateString: dateString(parseMsDate(String(record.Date)) ?? 0),
			Invoice: {
				InvoiceID,
				InvoiceNumber: invoice?.InvoiceNumber ?? '',
				Contact: { ContactID: invoice?.ContactID, Name: lookup(source, 'contacts', String(invoice?.ContactID))?.Name },
				Type: invoice?.Type,
				CurrencyCode: invoice?.CurrencyCode,
			},
			Account: { AccountID, Code: account?.Code },
		};
	},
};

/**
 * Xero deletes a payment with POST /Payments/{id} `{"Status":"DELETED"}` (yaml: operationId deletePayment, schema
 * PaymentDelete); payments are never edited. The invoice gets its amount back: AmountPaid down, AmountDue up, and a
 * PAID invoice is AUTHORISED again (Xero: "Deleting a payment ... the invoice status reverts to Awaiting Payment").
 */
export function deletePayment(tx: Transaction, now: number, id: string, body: Json): { errors: string[] } {
	const payment = tx.get('payments', id);
	if (!payment) return { errors: ['Payment could not be found'] };
	// Xero's answer to any other change (XeroAPI/xero-node#115, #178; calcinai/xero-php#250)
	const others = Object.keys(body).filter((key) => key !== 'Status' && key !== 'PaymentID');
	if (str(body.Status) !== 'DELETED' || others.length > 0) return { errors: ['Only Status accepted for updates.'] };
	if (payment.Status === 'DELETED') return { errors: ['This payment has already been deleted.'] };
	const invoice = tx.get('invoices', String(payment.InvoiceID));
	if (invoice) {
		const amountPaid = round(Number(invoice.AmountPaid ?? 0) - Number(payment.Amount));
		const { FullyPaidOnDate: _paidOn, ...rest } = invoice;
		tx.put('invoices', String(invoice.InvoiceID), {
			...(invoice.Status === 'PAID' ? rest : invoice),
			AmountPaid: amountPaid,
			AmountDue: round(Number(invoice.Total) - amountPaid - Number(invoice.AmountCredited ?? 0)),
			Payments: ((invoice.Payments as Json[]) ?? []).filter((summary) => summary.PaymentID !== id),
			...(invoice.Status === 'PAID' ? { Status: 'AUTHORISED' } : {}),
			UpdatedDateUTC: msDate(now),
		});
	}
	tx.put('payments', id, { ...payment, Status: 'DELETED', UpdatedDateUTC: msDate(now) });
	return { errors: [] };
}
