import {
	crmAddressToXero,
	findAddress,
	findPhone,
	phoneToText,
	textToPhone,
	xeroAddressToCrm,
	type CrmAddress,
} from './contactParts';
import { linkFieldOf, type MappingOptions } from './options';
import { applyOverrides, compact } from './overrides';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroToCrmResult } from './types';
import { isCrmId, text } from './vtigerValues';

/**
 * Xero suppliers ↔ CRM Vendors. A supplier is a Xero contact (Xero marks it IsSupplier itself, once it has a bill
 * or purchase order; the API cannot set it). vtiger's Vendors record has one address (street, pobox, city, state,
 * postalcode, country), which pairs with Xero's postal (POBOX) address, one phone and one e-mail.
 */

function vendorAddress(record: CrmRecord): CrmAddress {
	const street = [text(record.street), text(record.pobox)].filter(Boolean).join('\n');
	return { street, city: text(record.city), state: text(record.state), code: text(record.postalcode), country: text(record.country) };
}

export function crmVendorToXero(record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const crmId = isCrmId(record.id) ? record.id : null;
	const contactId = text(record[linkFieldOf(options, 'Vendors')]);
	const phone = textToPhone('DEFAULT', record.phone);
	const address = crmAddressToXero('POBOX', vendorAddress(record));
	const xero = compact({
		ContactID: contactId,
		// As for accounts: only a contact the CRM creates takes the CRM's id and number.
		ContactNumber: !contactId && crmId ? crmId : '',
		AccountNumber: contactId ? '' : text(record.vendor_no),
		Name: text(record.vendorname),
		EmailAddress: text(record.email),
		Phones: phone ? [phone] : undefined,
		Addresses: address ? [address] : undefined,
	});
	const errors = text(xero.Name).trim() ? [] : [`CRM vendor ${crmId ?? '(new)'} has no vendorname; Xero contacts need a Name.`];
	return { resource: 'organisation', record: applyOverrides(xero, options.overrides), crmId, needs: { crmIds: [], lookups: [] }, errors, warnings: [] };
}

export function xeroSupplierToCrmVendor(contact: XeroRecord, options: MappingOptions): XeroToCrmResult {
	const xeroId = text(contact.ContactID) || null;
	const name = text(contact.Name).trim();
	const address = xeroAddressToCrm(findAddress(contact.Addresses, 'POBOX'));
	const link = linkFieldOf(options, 'Vendors');
	const fields: CrmRecord = {
		vendorname: text(contact.Name),
		email: text(contact.EmailAddress),
		phone: phoneToText(findPhone(contact.Phones, 'DEFAULT')),
		website: text(contact.Website),
		street: address.street,
		city: address.city,
		state: address.state,
		postalcode: address.code,
		country: address.country,
	};
	if (link) fields[link] = xeroId ?? '';
	const match: XeroToCrmResult['match'] = [];
	if (link && xeroId) match.push({ field: link, value: xeroId });
	if (name) match.push({ field: 'vendorname', value: name });
	const crmNumber = text(contact.ContactNumber);
	return {
		module: 'Vendors',
		fields: applyOverrides(fields, options.overrides),
		crmId: isCrmId(crmNumber) ? crmNumber : null,
		xeroId,
		match,
		needs: { crmIds: [], lookups: [] },
		errors: name ? [] : [`Xero contact ${xeroId ?? '(no ContactID)'} has no Name; CRM Vendors need vendorname.`],
		warnings: [],
	};
}
