import type { IDataObject } from 'n8n-workflow';
import { calendarDate, toXeroRequestDate } from '../../../shared/dates';
import { isXeroId, XERO_RESOURCES } from '../../../shared/xero/resources';
import { present } from '../../helpers/mandatory';
import type { RecordCheck, SendRules } from '../../send/rules';
import { writeInBatches } from '../../send/write';

/** A reference to another record as Xero takes it: by its ID when the value is a GUID, else by `other` (number, code). */
function reference(value: unknown, idField: string, other: string): IDataObject | undefined {
	if (typeof value === 'string' || typeof value === 'number') {
		const text = String(value).trim();
		if (text === '') return undefined;
		return isXeroId(text) ? { [idField]: text } : { [other]: text };
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const given = value as IDataObject;
	// A whole invoice or account (from a Get) is sent as its ID: the rest of it is not part of a payment.
	if (present(given[idField])) return { [idField]: String(given[idField]).trim() };
	if (present(given[other])) return { [other]: String(given[other]).trim() };
	return undefined;
}

/** A date as written (yyyy-MM-dd first, so an offset cannot move it a day), or from Xero's /Date(…)/ form. */
function paymentDate(value: unknown, timezone: string): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	return calendarDate(value, timezone) ?? toXeroRequestDate(value) ?? value;
}

/**
 * A payment in the shape PUT /Payments takes: `Invoice` {InvoiceID} or {InvoiceNumber} (also from a top-level
 * InvoiceNumber), `Account` {AccountID} or {Code} (also from a top-level Code), the Date as yyyy-MM-dd and numbers as
 * numbers. A value that cannot be read stays as given, so the checks can quote it.
 */
export function shapePayment(payload: IDataObject, timezone = 'UTC'): IDataObject {
	const invoice = reference(payload.Invoice ?? payload.InvoiceNumber, 'InvoiceID', 'InvoiceNumber');
	const account = reference(payload.Account ?? payload.Code, 'AccountID', 'Code');
	delete payload.InvoiceNumber;
	delete payload.Code;
	if (invoice) payload.Invoice = invoice;
	else delete payload.Invoice;
	if (account) payload.Account = account;
	else delete payload.Account;
	const date = paymentDate(payload.Date, timezone);
	if (date === undefined) delete payload.Date;
	else payload.Date = date;
	for (const field of ['Amount', 'CurrencyRate']) {
		const value = payload[field];
		if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) payload[field] = Number(value);
	}
	if (typeof payload.Reference === 'string') payload.Reference = payload.Reference.trim();
	return payload;
}

const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && toXeroRequestDate(value) === value;

/** Checks before any call, each with what to fix; Xero would refuse these, or worse, record them. */
const paymentChecks: RecordCheck[] = [
	{
		// Xero does not edit payments (sandbox README, "Payments"): one that carries its ID is already recorded.
		code: 'NOT_EDITABLE',
		problem: (payload) =>
			present(payload.PaymentID)
				? `not sent: it carries PaymentID ${String(payload.PaymentID)}, so it is already recorded in Xero, and Xero does not edit payments. To change it, delete it (Payment → Delete) and send it again without PaymentID.`
				: undefined,
	},
	{
		code: 'BAD_AMOUNT',
		problem: (payload) => {
			const amount = payload.Amount;
			if (typeof amount === 'number' && Number.isFinite(amount) && amount > 0) return undefined;
			return `not sent: the amount ${JSON.stringify(amount)} is not a positive number. Send the amount received, e.g. 115.00 (to undo a payment, delete it instead).`;
		},
	},
	{
		code: 'BAD_DATE',
		problem: (payload) =>
			isDate(payload.Date)
				? undefined
				: `not sent: the date ${JSON.stringify(payload.Date)} is not a date. Send the day the payment was made as YYYY-MM-DD, e.g. 2026-11-05.`,
	},
	{
		code: 'BAD_CURRENCY_RATE',
		problem: (payload) => {
			const rate = payload.CurrencyRate;
			if (rate === undefined || (typeof rate === 'number' && Number.isFinite(rate) && rate > 0)) return undefined;
			return `not sent: the currency rate ${JSON.stringify(rate)} is not a positive number. Leave it empty for an invoice in the base currency, or send the rate, e.g. 0.75.`;
		},
	},
];

/** Send payment: what differs from the other resources; the engine in send/ does the rest. */
export const paymentSendRules: SendRules = {
	spec: XERO_RESOURCES.payment,
	// PaymentID is kept so the check above can say why such an item is not sent.
	writable: ['PaymentID', 'Invoice', 'InvoiceNumber', 'Account', 'Code', 'Date', 'Amount', 'Reference', 'CurrencyRate', 'IsReconciled'],
	requestShape: (payload) => {
		shapePayment(payload);
	},
	mandatory: (record, isUpdate) => {
		if (isUpdate) return [];
		const problems: string[] = [];
		if (record.Invoice === undefined) problems.push('the invoice (Invoice: its InvoiceID or invoice number) is empty');
		if (record.Account === undefined) problems.push('the account paid into (Account: its AccountID or code, e.g. a bank account) is empty');
		if (!present(record.Date)) problems.push('the payment date (Date) is empty');
		if (!present(record.Amount)) problems.push('the amount (Amount) is empty');
		return problems;
	},
	fromFields: (ctx, i) => {
		const more = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const payload: IDataObject = {
			Invoice: ctx.getNodeParameter('invoice', i, '') as string,
			Account: ctx.getNodeParameter('account', i, '') as string,
			Date: ctx.getNodeParameter('date', i, '') as string,
			Amount: ctx.getNodeParameter('amount', i, '') as number | string,
			Reference: ctx.getNodeParameter('reference', i, '') as string,
		};
		if (present(more.currencyRate)) payload.CurrencyRate = more.currencyRate;
		if (more.isReconciled === true) payload.IsReconciled = true;
		return shapePayment(payload, ctx.getTimezone());
	},
	// The CRM side (received amounts, balances) is mapped elsewhere; payments come from fields or Xero JSON.
	crmModules: [],
	checks: paymentChecks,
	settingsChecks: [],
	writer: writeInBatches,
};
