import { dateString, msDate, parseMsDate, parseRequestDate, startOfDay } from '../dates';
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
	const accountCode = str(accountRef?.Code);
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
	const date = element.Date === undefined ? startOfDay(ctx.now) : parseRequestDate(element.Date);
	if (date === undefined) errors.push('Payment date is invalid.');
	if (errors.length > 0 || !invoice || !account || amount === undefined || date === undefined) return { errors };

	const paymentId = newId();
	const amountPaid = round(Number(invoice.AmountPaid ?? 0) + amount);
	const amountDue = round(Number(invoice.Total) - amountPaid);
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
				Type: invoice?.Type,
				CurrencyCode: invoice?.CurrencyCode,
			},
			Account: { AccountID, Code: account?.Code },
		};
	},
};
