import { ownValue } from '../ownValue';
import { QUOTE_STATUSES } from '../xero/resources';
import { crmCurrencyFields, xeroContactOf, xeroCurrencyOf } from './inventoryHeader';
import { crmDocumentToXero, xeroDocumentToCrm } from './linkedResult';
import { accountFor, addressFields } from './invoice';
import { crmLinesToXero, xeroLinesToCrm } from './invoiceLines';
import type { MappingOptions } from './options';
import { compact } from './overrides';
import { Resolver } from './resolution';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroToCrmResult } from './types';
import { day, isCrmId, text } from './vtigerValues';

/**
 * CRM Quotes ↔ Xero quotes. The CRM keeps the QuoteID and Xero's status in its quote fields (options.quoteFields,
 * apart from the link to a draft invoice); Xero keeps the CRM's quote_no as QuoteNumber when the quote is first sent.
 */

/** vtiger 7.5's quotestage picklist (describe of Quotes) as Xero's quote statuses. */
const XERO_STATUS_OF_STAGE: Readonly<Record<string, string>> = {
	Created: 'DRAFT',
	Reviewed: 'DRAFT',
	Delivered: 'SENT',
	Accepted: 'ACCEPTED',
	Rejected: 'DECLINED',
};

/** Xero's statuses as a stage; INVOICED and DELETED have none of their own, and the Xero status field keeps them. */
const STAGE_OF_XERO_STATUS: Readonly<Record<string, string>> = {
	DRAFT: 'Created',
	SENT: 'Delivered',
	ACCEPTED: 'Accepted',
	DECLINED: 'Rejected',
	INVOICED: 'Accepted',
	DELETED: 'Rejected',
};

export function quoteStageOf(status: string): string {
	return ownValue(STAGE_OF_XERO_STATUS, status.toUpperCase()) ?? '';
}

/**
 * The status to send: the stage's, unless the CRM still shows the stage of the status Xero last reported (then
 * that status, so INVOICED is not pulled back to ACCEPTED by a quote nobody touched in the CRM).
 */
function statusToSend(record: CrmRecord, options: MappingOptions): string | undefined {
	const stage = text(record.quotestage);
	const xero = options.quoteFields.xeroStatus ? text(record[options.quoteFields.xeroStatus]).toUpperCase() : '';
	if ((QUOTE_STATUSES as readonly string[]).includes(xero) && ownValue(STAGE_OF_XERO_STATUS, xero) === stage) return xero;
	return ownValue(XERO_STATUS_OF_STAGE, stage);
}

/** vtiger needs a subject; a Xero quote without a Title is named after its number (and sends no Title back). */
function subjectFor(quoteNumber: string): string {
	return `Xero quote ${quoteNumber}`.trim();
}

function isPlaceholderSubject(subject: string): boolean {
	return /^Xero quote( \S+)?$/.test(subject);
}

/** Xero's Title holds 100 characters (yaml 16.1.0 Quote.Title maxLength). */
const TITLE_LENGTH = 100;

export function crmQuoteToXeroQuote(record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const resolver = new Resolver(options.resolved);
	const crmId = isCrmId(record.id) ? record.id : null;
	const number = text(record.quote_no);
	const label = `CRM quote ${number || crmId || '(new)'}`;
	const errors: string[] = [];
	const warnings: string[] = [];
	const contact = xeroContactOf(record, resolver, options, label, errors);
	const lines = crmLinesToXero(record, resolver, options, label);
	errors.push(...lines.errors);
	const xeroId = options.quoteFields.xeroId ? text(record[options.quoteFields.xeroId]) : '';
	const status = statusToSend(record, options);
	if (status === undefined && text(record.quotestage)) {
		warnings.push(`${label}: quote stage "${text(record.quotestage)}" has no Xero status; the status is left as Xero has it.`);
	}
	const xero = compact({
		QuoteID: xeroId,
		// A linked quote keeps the number Xero holds (it may have come from Xero); a new one takes the CRM's.
		QuoteNumber: xeroId ? '' : number,
		Title: xeroId && isPlaceholderSubject(text(record.subject)) ? '' : text(record.subject).slice(0, TITLE_LENGTH),
		Summary: text(record.description),
		Terms: text(record.terms_conditions),
		Contact: contact,
		// vtiger quotes have no issue date. Xero requires one on create, and the day the CRM quote was made is what it
		// means; a linked quote keeps Xero's (a quote pulled from Xero was made in the CRM later than it was issued).
		Date: xeroId ? undefined : day(record.createdtime),
		ExpiryDate: day(record.validtill),
		// vtiger keeps 3 decimals of Xero's rate (0.606 of 0.606061): a linked quote keeps Xero's own.
		...xeroCurrencyOf(record, resolver, label, errors, { keepXeroRate: Boolean(xeroId) }),
		Status: status,
		LineItems: lines.lines,
	});
	return crmDocumentToXero('quote', xero, crmId, lines, resolver, errors, options, warnings);
}

export function xeroQuoteToCrm(quote: XeroRecord, options: MappingOptions): XeroToCrmResult {
	const resolver = new Resolver(options.resolved);
	const xeroId = text(quote.QuoteID) || null;
	const number = text(quote.QuoteNumber);
	const label = `Xero quote ${number || xeroId || '(new)'}`;
	const errors: string[] = [];
	const contact = (quote.Contact ?? {}) as XeroRecord;
	const account = accountFor(contact, resolver, options, label, errors, 'CRM quotes');
	const lines = xeroLinesToCrm(quote, resolver, options, label);
	errors.push(...lines.errors);
	const status = text(quote.Status).toUpperCase();
	const fields: CrmRecord = {
		subject: text(quote.Title) || subjectFor(number),
		account_id: text(account?.id),
		quotestage: quoteStageOf(status) || 'Created',
		validtill: day(quote.ExpiryDate) ?? '',
		description: text(quote.Summary),
		terms_conditions: text(quote.Terms),
		productid: lines.lines[0]?.productid ?? '',
		...addressFields(contact, account),
	};
	crmCurrencyFields(quote, resolver, label, 'quote', errors, fields);
	// A quote the CRM sent first carries its quote_no as QuoteNumber.
	const identity = { xeroId, number, status, link: options.quoteFields.xeroId, statusField: options.quoteFields.xeroStatus, crmNumberField: 'quote_no' };
	return xeroDocumentToCrm('Quotes', fields, identity, lines, resolver, errors, options);
}
