import type { IDataObject } from 'n8n-workflow';
import type { SendRules } from '../send/rules';
import { toXeroRequestDate } from '../../shared/dates';
import { coerceXeroNumbers } from '../../shared/xero/normalise';
import { isXeroId } from '../../shared/xero/resources';

const LINE_ITEM_WRITABLE = [
	'LineItemID',
	'Description',
	'Quantity',
	'UnitAmount',
	'ItemCode',
	'AccountCode',
	'AccountID',
	'TaxType',
	'TaxAmount',
	'LineAmount',
	'Tracking',
	'DiscountRate',
	'DiscountAmount',
];

export function pick(source: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) {
		const value = source[key];
		if (value !== undefined && value !== null && value !== '') out[key] = value;
	}
	return out;
}

/** A contact reference on an invoice: Xero links by ContactID, or finds-or-creates by Name. */
export function contactReference(value: unknown): IDataObject | undefined {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed === '') return undefined;
		return isXeroId(trimmed) ? { ContactID: trimmed } : { Name: trimmed };
	}
	if (value === null || typeof value !== 'object') return undefined;
	const contact = value as IDataObject;
	if (typeof contact.ContactID === 'string' && contact.ContactID !== '') return { ContactID: contact.ContactID };
	const reference = pick(contact, ['Name', 'ContactNumber', 'EmailAddress']);
	return Object.keys(reference).length > 0 ? reference : undefined;
}

/** Line items keep only the fields Xero accepts on a line. */
export function writableLines(lines: IDataObject[]): IDataObject[] {
	return lines.map((line) => pick(line ?? {}, LINE_ITEM_WRITABLE));
}

/** Dates in Xero's request form; a value that is no date is dropped (the date checks name it before any call). */
export function toRequestDates(payload: IDataObject, fields: string[]): void {
	for (const field of fields) {
		if (payload[field] === undefined) continue;
		const date = toXeroRequestDate(payload[field]);
		if (date === undefined) delete payload[field];
		else payload[field] = date;
	}
}

/** Turns an input item's JSON, in Xero's own shape, into a write payload for the resource `rules` declare. */
export function toXeroPayload(rules: Pick<SendRules, 'writable' | 'requestShape'>, json: IDataObject): IDataObject {
	const payload = coerceXeroNumbers(pick(json, rules.writable)) as IDataObject;
	rules.requestShape?.(payload);
	return payload;
}
