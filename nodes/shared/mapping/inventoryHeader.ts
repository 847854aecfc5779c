import { linkFieldOf, type MappingOptions } from './options';
import type { Resolver } from './resolution';
import type { CrmRecord, XeroRecord } from './types';
import { isCrmId, num, text } from './vtigerValues';

/**
 * What Invoice, Quotes and SalesOrder share on the way to Xero: the organisation (account_id) becomes the invoice's
 * Contact, and currency_id becomes its CurrencyCode. Both are CRM references the caller resolves.
 */

export function xeroContactOf(record: CrmRecord, resolver: Resolver, options: MappingOptions, label: string, errors: string[]): XeroRecord | undefined {
	const accountId = text(record.account_id);
	if (!isCrmId(accountId)) {
		errors.push(`${label} has no organisation (account_id); Xero invoices need a contact.`);
		return undefined;
	}
	const account = resolver.record(accountId);
	if (account === null) errors.push(`${label}: its organisation ${accountId} does not exist in the CRM (deleted?).`);
	if (!account) return undefined;
	const contactId = text(account[linkFieldOf(options, 'Accounts')]);
	if (contactId) return { ContactID: contactId };
	const name = text(account.accountname);
	if (!name) errors.push(`${label}: its organisation ${accountId} has no name to find or create the Xero contact by.`);
	// Xero links an invoice to the contact with this name, or creates it; sending the organisation first avoids that.
	return { Name: name };
}

export function currencyCodeOf(record: CrmRecord, resolver: Resolver, label: string, errors: string[]): string {
	const currencyId = text(record.currency_id);
	if (!isCrmId(currencyId)) return '';
	const currency = resolver.record(currencyId);
	if (currency === null) errors.push(`${label}: its currency ${currencyId} does not exist in the CRM.`);
	return text(currency?.currency_code);
}

/**
 * CRM → Xero: the record's currency as CurrencyCode, and its conversion rate where it is one (not 1, not 0).
 * `keepXeroRate`: a linked record keeps the rate Xero holds (vtiger keeps only 3 decimals of it).
 */
export function xeroCurrencyOf(
	record: CrmRecord,
	resolver: Resolver,
	label: string,
	errors: string[],
	{ keepXeroRate = false }: { keepXeroRate?: boolean } = {},
): { CurrencyCode: string; CurrencyRate: number | undefined } {
	const rate = num(record.conversion_rate);
	return {
		CurrencyCode: currencyCodeOf(record, resolver, label, errors),
		CurrencyRate: !keepXeroRate && rate !== undefined && rate !== 1 && rate > 0 ? rate : undefined,
	};
}

/**
 * Xero → CRM: a Xero record's CurrencyCode as the CRM currency (`currency_id`) and its rate as `conversion_rate`, set on
 * `fields`. `noun` names the record in the message ("invoice", "quote").
 */
export function crmCurrencyFields(xero: XeroRecord, resolver: Resolver, label: string, noun: string, errors: string[], fields: CrmRecord): void {
	const currencyCode = text(xero.CurrencyCode);
	if (currencyCode) {
		const currency = resolver.find({ module: 'Currency', field: 'currency_code', value: currencyCode });
		if (currency) fields.currency_id = text(currency.id);
		if (currency === null) {
			errors.push(`${label} is in ${currencyCode}, which is not an active CRM currency; add it in the CRM or send the ${noun} in the base currency.`);
		}
	}
	const rate = num(xero.CurrencyRate);
	// vtiger stores 3 decimals; sending more would count as a change on every run (Xero gives 0.6060606…).
	if (rate !== undefined) fields.conversion_rate = Math.round(rate * 1000) / 1000;
}

/**
 * The CRM record a Xero document's contact is (an invoice's organisation, a purchase order's vendor): the one whose
 * link field holds the ContactID, else the one with its name. `messages` say what is missing in the document's words.
 */
export function crmPartyOf(
	contact: XeroRecord,
	resolver: Resolver,
	options: MappingOptions,
	party: { module: string; nameField: string },
	errors: string[],
	messages: { none: string; unknown: (who: string) => string },
): CrmRecord | undefined {
	const contactId = text(contact.ContactID);
	const name = text(contact.Name);
	const link = linkFieldOf(options, party.module);
	const lookups = [
		...(link && contactId ? [{ module: party.module, field: link, value: contactId }] : []),
		...(name ? [{ module: party.module, field: party.nameField, value: name }] : []),
	];
	if (lookups.length === 0) {
		errors.push(messages.none);
		return undefined;
	}
	const found = resolver.findFirst(lookups);
	if (found === null) errors.push(messages.unknown(name || contactId));
	return found ?? undefined;
}
