import { msDate } from '../dates';
import { newId } from '../ids';
import type { Json } from '../types';
import type { ApplyResult, EntityHandler, WriteContext, WriteMode } from './entity';
import { list, str, writable } from './values';

const READ_ONLY = [
	'ContactID',
	'UpdatedDateUTC',
	'IsSupplier',
	'IsCustomer',
	'Balances',
	'HasAttachments',
	'HasValidationErrors',
	'ValidationErrors',
	'StatusAttributeString',
	'Attachments',
	'BatchPayments',
];

const DEFAULT_ADDRESSES = [{ AddressType: 'POBOX' }, { AddressType: 'STREET' }];
const DEFAULT_PHONES = ['DEFAULT', 'DDI', 'FAX', 'MOBILE'].map((PhoneType) => ({ PhoneType }));

export const NAME_TAKEN = 'The Contact Name already exists. Please enter a different Contact Name.';

export function newContact(fields: Json, now: number, id = newId()): Json {
	return {
		ContactID: id,
		ContactStatus: 'ACTIVE',
		Addresses: DEFAULT_ADDRESSES,
		Phones: DEFAULT_PHONES,
		ContactGroups: [],
		ContactPersons: [],
		IsSupplier: false,
		IsCustomer: false,
		HasAttachments: false,
		HasValidationErrors: false,
		...fields,
		UpdatedDateUTC: msDate(now),
	};
}

function validate(ctx: WriteContext, fields: Json, existingId: string | undefined): string[] {
	const errors: string[] = [];
	const name = str(fields.Name);
	if (!name) {
		errors.push('The contact name must be specified.');
	} else {
		if (name.length > 255) errors.push('The Contact Name must not exceed 255 characters.');
		const holder = ctx.tx.findUnique('contacts', 'contactName', name);
		if (holder && holder !== existingId) errors.push(NAME_TAKEN);
	}
	if (fields.ContactStatus !== undefined && fields.ContactStatus !== 'ACTIVE' && fields.ContactStatus !== 'ARCHIVED') {
		errors.push('Contact status can only be set to ACTIVE or ARCHIVED.');
	}
	const currency = str(fields.DefaultCurrency);
	if (currency && !ctx.tx.tenant.currencyEnabled(currency)) {
		errors.push(`Organisation is not subscribed to currency ${currency}`);
	}
	const email = str(fields.EmailAddress);
	if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push('Email address must be valid.');
	for (const person of list(fields.ContactPersons)) {
		const personEmail = str(person.EmailAddress);
		if (personEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(personEmail)) errors.push('Email address must be valid.');
	}
	return errors;
}

function applyContact(ctx: WriteContext, element: Json, mode: WriteMode): ApplyResult {
	const id = str(element.ContactID);
	const existing = id ? ctx.tx.get('contacts', id) : undefined;
	if (id && !existing) {
		return { errors: [mode === 'create' ? 'Contact not found.' : `The contact with ID ${id} could not be found.`] };
	}
	if (existing && mode === 'create') {
		return { errors: ['A contact with this ContactID already exists. Use POST to update it.'] };
	}
	const fields = writable(element, READ_ONLY);
	if (existing) {
		const merged = { ...existing, ...fields };
		const errors = validate(ctx, merged, id);
		if (errors.length > 0) return { errors };
		ctx.tx.put('contacts', existing.ContactID as string, { ...merged, UpdatedDateUTC: msDate(ctx.now) });
		return { id: existing.ContactID as string, errors: [] };
	}
	const errors = validate(ctx, fields, undefined);
	if (errors.length > 0) return { errors };
	const record = newContact(fields, ctx.now);
	ctx.tx.put('contacts', record.ContactID as string, record);
	return { id: record.ContactID as string, errors: [] };
}

export const contactsHandler: EntityHandler = {
	resource: 'Contacts',
	collection: 'contacts',
	idField: 'ContactID',
	apply: applyContact,
	render: (_tenant, record) => ({ ...record }),
};
