import { text } from './vtigerValues';

export type XeroPhoneType = 'DEFAULT' | 'DDI' | 'MOBILE' | 'FAX' | 'OFFICE';
export type XeroAddressType = 'POBOX' | 'STREET';

export interface XeroPhone {
	PhoneType: XeroPhoneType;
	PhoneNumber?: string;
	PhoneAreaCode?: string;
	PhoneCountryCode?: string;
}

export interface XeroAddress {
	AddressType: XeroAddressType;
	AddressLine1?: string;
	AddressLine2?: string;
	AddressLine3?: string;
	AddressLine4?: string;
	City?: string;
	Region?: string;
	PostalCode?: string;
	Country?: string;
}

/**
 * A CRM phone is one string; Xero keeps country code, area code and number apart. "+64 (9) 123 4567" keeps all
 * three readable in the CRM and splits back into the same parts.
 */
export function phoneToText(phone: XeroPhone | undefined): string {
	if (!phone) return '';
	const parts: string[] = [];
	if (text(phone.PhoneCountryCode)) parts.push(`+${text(phone.PhoneCountryCode)}`);
	if (text(phone.PhoneAreaCode)) parts.push(`(${text(phone.PhoneAreaCode)})`);
	if (text(phone.PhoneNumber)) parts.push(text(phone.PhoneNumber));
	return parts.join(' ');
}

export function textToPhone(type: XeroPhoneType, value: unknown): XeroPhone | undefined {
	const raw = text(value).trim();
	if (!raw) return undefined;
	const match = /^(?:\+(\d+)\s*)?(?:\((\d+)\)\s*)?([\s\S]*)$/.exec(raw);
	const phone: XeroPhone = { PhoneType: type };
	if (match?.[1]) phone.PhoneCountryCode = match[1];
	if (match?.[2]) phone.PhoneAreaCode = match[2];
	const number = match ? match[3] : raw;
	if (number) phone.PhoneNumber = number;
	return phone;
}

export function findPhone(phones: unknown, type: XeroPhoneType): XeroPhone | undefined {
	if (!Array.isArray(phones)) return undefined;
	return phones.find((phone: XeroPhone) => phone?.PhoneType === type) as XeroPhone | undefined;
}

export function findAddress(addresses: unknown, type: XeroAddressType): XeroAddress | undefined {
	if (!Array.isArray(addresses)) return undefined;
	return addresses.find((address: XeroAddress) => address?.AddressType === type) as XeroAddress | undefined;
}

/** CRM address fields with a prefix: vtiger's bill_* and ship_* (street, city, state, code, country). */
export interface CrmAddress {
	street: string;
	city: string;
	state: string;
	code: string;
	country: string;
}

const LINE_KEYS = ['AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4'] as const;

export function xeroAddressToCrm(address: XeroAddress | undefined): CrmAddress {
	const lines = LINE_KEYS.map((key) => text(address?.[key]));
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return {
		street: lines.join('\n'),
		city: text(address?.City),
		state: text(address?.Region),
		code: text(address?.PostalCode),
		country: text(address?.Country),
	};
}

/** vtiger's street is free text; its first three lines become Xero's lines 1-3 and the rest share line 4. */
export function crmAddressToXero(type: XeroAddressType, crm: CrmAddress): XeroAddress | undefined {
	const lines = crm.street === '' ? [] : crm.street.split(/\r?\n/);
	const address: XeroAddress = { AddressType: type };
	LINE_KEYS.slice(0, 3).forEach((key, index) => {
		if (lines[index]) address[key] = lines[index];
	});
	const rest = lines.slice(3).filter((line) => line !== '');
	if (rest.length > 0) address.AddressLine4 = rest.join(', ');
	if (crm.city) address.City = crm.city;
	if (crm.state) address.Region = crm.state;
	if (crm.code) address.PostalCode = crm.code;
	if (crm.country) address.Country = crm.country;
	return Object.keys(address).length > 1 ? address : undefined;
}

export function crmAddress(record: Record<string, unknown>, prefix: 'bill' | 'ship'): CrmAddress {
	return {
		street: text(record[`${prefix}_street`]),
		city: text(record[`${prefix}_city`]),
		state: text(record[`${prefix}_state`]),
		code: text(record[`${prefix}_code`]),
		country: text(record[`${prefix}_country`]),
	};
}

export function crmAddressFields(prefix: 'bill' | 'ship', address: CrmAddress): Record<string, string> {
	return {
		[`${prefix}_street`]: address.street,
		[`${prefix}_city`]: address.city,
		[`${prefix}_state`]: address.state,
		[`${prefix}_code`]: address.code,
		[`${prefix}_country`]: address.country,
	};
}
