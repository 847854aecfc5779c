import {
	crmAddress,
	crmAddressFields,
	crmAddressToXero,
	findAddress,
	findPhone,
	phoneToText,
	textToPhone,
	xeroAddressToCrm,
	type XeroAddress,
	type XeroPhone,
} from './contactParts';
import { linkFieldOf, type MappingOptions } from './options';
import { applyOverrides, compact } from './overrides';
import { Resolver } from './resolution';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroToCrmResult } from './types';
import { isCrmId, text } from './vtigerValues';

/**
 * Xero "contacts" are organisations (Simply CRM's Accounts); the contact's own FirstName/LastName/EmailAddress is
 * its primary person (a CRM Contacts record linked to the account).
 *
 * Xero has one EmailAddress where the CRM has two (the account's email1 and its person's email), so each direction
 * pairs it with the same one: the person's email when there is a person, else the account's email1. Pairing it with
 * both overwrote the account's own address with the person's on every Xero → CRM run, and a CRM edit of email1 never
 * reached Xero: a two-way pair never settled (test/flows/twoWaySettle.flow.test.ts).
 */

export function xeroOrganisationToCrm(contact: XeroRecord, options: MappingOptions): XeroToCrmResult {
	const errors: string[] = [];
	const warnings: string[] = [];
	const xeroId = text(contact.ContactID) || null;
	const name = text(contact.Name).trim();
	if (!name) errors.push(`Xero contact ${xeroId ?? '(no ContactID)'} has no Name; CRM Accounts need accountname.`);

	const link = linkFieldOf(options, 'Accounts');
	const phones = contact.Phones;
	const person = primaryPerson(contact, options, warnings);
	const fields: CrmRecord = {
		accountname: text(contact.Name),
		...(person ? {} : { email1: text(contact.EmailAddress) }),
		phone: phoneToText(findPhone(phones, 'DEFAULT')),
		fax: phoneToText(findPhone(phones, 'FAX')),
		otherphone: phoneToText(findPhone(phones, 'OFFICE')),
		website: text(contact.Website),
		...crmAddressFields('bill', xeroAddressToCrm(findAddress(contact.Addresses, 'POBOX'))),
		...crmAddressFields('ship', xeroAddressToCrm(findAddress(contact.Addresses, 'STREET'))),
	};
	if (link) fields[link] = xeroId ?? '';
	if (options.organisationFields.taxNumber) fields[options.organisationFields.taxNumber] = text(contact.TaxNumber);
	if (options.organisationFields.currency) fields[options.organisationFields.currency] = text(contact.DefaultCurrency);

	const crmNumber = text(contact.ContactNumber);
	const match: XeroToCrmResult['match'] = [];
	if (link && xeroId) match.push({ field: link, value: xeroId });
	if (name) match.push({ field: 'accountname', value: name });
	return {
		module: 'Accounts',
		fields: applyOverrides(fields, options.overrides),
		contact: person && applyOverrides(person, options.contactOverrides),
		crmId: isCrmId(crmNumber) ? crmNumber : null,
		xeroId,
		match,
		needs: { crmIds: [], lookups: [] },
		errors,
		warnings,
	};
}

function primaryPerson(contact: XeroRecord, options: MappingOptions, warnings: string[]): CrmRecord | undefined {
	const firstname = text(contact.FirstName);
	const lastname = text(contact.LastName);
	if (!lastname) {
		if (firstname) {
			warnings.push(
				`Xero contact "${text(contact.Name)}" has a first name but no last name; CRM Contacts need lastname, so the person was not mapped.`,
			);
		}
		return undefined;
	}
	const person: CrmRecord = {
		firstname,
		lastname,
		email: text(contact.EmailAddress),
		phone: phoneToText(findPhone(contact.Phones, 'DDI')),
		mobile: phoneToText(findPhone(contact.Phones, 'MOBILE')),
	};
	const link = linkFieldOf(options, 'Contacts');
	if (link) person[link] = text(contact.ContactID);
	return person;
}

/** CRM Accounts (with its primary Contacts record, looked up by account_id) or a lone Contacts record → Xero contact. */
export function crmOrganisationToXero(module: string, record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const resolver = new Resolver(options.resolved);
	const errors: string[] = [];
	const crmId = isCrmId(record.id) ? record.id : null;
	let account: CrmRecord | null | undefined;
	let person: CrmRecord | null | undefined;
	if (module === 'Contacts') {
		person = record;
		if (isCrmId(record.account_id)) account = resolver.record(record.account_id);
	} else {
		account = record;
		person = crmId ? resolver.findOptional({ module: 'Contacts', field: 'account_id', value: crmId }) : null;
	}

	const accountPending = module === 'Contacts' && isCrmId(record.account_id) && account === undefined;
	if (account === null) errors.push(`CRM contact ${crmId ?? '(new)'}: its organisation ${text(record.account_id)} does not exist in the CRM.`);
	const xero = account
		? accountToXero(account, person ?? undefined, options)
		: personToXero(record, options, accountPending);
	if (!accountPending && !text(xero.Name).trim()) {
		errors.push(
			account
				? `CRM account ${text(account.id) || '(new)'} has no accountname; Xero contacts need a Name.`
				: `CRM contact ${crmId ?? '(new)'} has no name; Xero contacts need a Name.`,
		);
	}
	return {
		resource: 'organisation',
		record: applyOverrides(xero, options.overrides),
		crmId,
		needs: resolver.needs,
		errors,
		warnings: [],
	};
}

function accountToXero(account: CrmRecord, person: CrmRecord | undefined, options: MappingOptions): XeroRecord {
	const phones = compactList<XeroPhone>([
		textToPhone('DEFAULT', account.phone),
		textToPhone('FAX', account.fax),
		textToPhone('OFFICE', account.otherphone),
		textToPhone('DDI', person?.phone),
		textToPhone('MOBILE', person?.mobile),
	]);
	const addresses = compactList<XeroAddress>([
		crmAddressToXero('POBOX', crmAddress(account, 'bill')),
		crmAddressToXero('STREET', crmAddress(account, 'ship')),
	]);
	const accountId = text(account.id);
	const contactId = text(account[linkFieldOf(options, 'Accounts')]);
	return compact({
		ContactID: contactId,
		// Only a contact the CRM creates takes the CRM's id and number: a linked one keeps whatever Xero holds there.
		ContactNumber: !contactId && isCrmId(accountId) ? accountId : '',
		AccountNumber: contactId ? '' : text(account.account_no),
		Name: text(account.accountname),
		FirstName: text(person?.firstname),
		LastName: text(person?.lastname),
		// The person's email pairs with EmailAddress (see the top of this file); the account's when it has no person.
		EmailAddress: person && text(person.lastname) ? text(person.email) || text(account.email1) : text(account.email1),
		TaxNumber: options.organisationFields.taxNumber ? text(account[options.organisationFields.taxNumber]) : '',
		DefaultCurrency: options.organisationFields.currency ? text(account[options.organisationFields.currency]) : '',
		Phones: phones.length > 0 ? phones : undefined,
		Addresses: addresses.length > 0 ? addresses : undefined,
	});
}

/** A person with no account: Xero still needs a contact Name, so it is the person's full name. */
function personToXero(person: CrmRecord, options: MappingOptions, accountPending: boolean): XeroRecord {
	const firstname = text(person.firstname);
	const lastname = text(person.lastname);
	if (accountPending) return compact({ FirstName: firstname, LastName: lastname });
	const phones = compactList<XeroPhone>([textToPhone('DDI', person.phone), textToPhone('MOBILE', person.mobile)]);
	const id = text(person.id);
	const contactId = text(person[linkFieldOf(options, 'Contacts')]);
	return compact({
		ContactID: contactId,
		ContactNumber: !contactId && isCrmId(id) ? id : '',
		Name: [firstname, lastname].filter(Boolean).join(' '),
		FirstName: firstname,
		LastName: lastname,
		EmailAddress: text(person.email),
		Phones: phones.length > 0 ? phones : undefined,
	});
}

function compactList<T>(values: Array<T | undefined>): T[] {
	return values.filter((value): value is T => value !== undefined);
}
