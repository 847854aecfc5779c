import { crmToXero, lookupKey, xeroToCrm } from '../../nodes/shared/mapping';

const xeroContact = {
	ContactID: 'c-1',
	ContactNumber: '11x4',
	Name: 'Bayside Club',
	FirstName: 'Søren',
	LastName: 'Ødegård',
	EmailAddress: 'søren@bayside.example.com',
	Website: 'https://bayside.example.com',
	TaxNumber: '12-345-678',
	DefaultCurrency: 'NZD',
	Phones: [
		{ PhoneType: 'DEFAULT', PhoneNumber: '555 0100', PhoneAreaCode: '9', PhoneCountryCode: '64' },
		{ PhoneType: 'DDI', PhoneNumber: '', PhoneAreaCode: '', PhoneCountryCode: '' },
		{ PhoneType: 'MOBILE', PhoneNumber: '021 555 0199' },
		{ PhoneType: 'FAX', PhoneNumber: '555 0101', PhoneAreaCode: '9' },
	],
	Addresses: [
		{ AddressType: 'POBOX', AddressLine1: 'PO Box 12', AddressLine2: '', AddressLine3: '', AddressLine4: '', City: 'Auckland', Region: '', PostalCode: '1010', Country: 'New Zealand' },
		{ AddressType: 'STREET', AddressLine1: '1 Marina Way', AddressLine2: 'Pier 3', City: 'Auckland', Country: 'New Zealand' },
	],
};

describe('Xero contact → CRM Accounts + primary Contacts', () => {
	it('maps the organisation, its person, phones and both addresses', () => {
		const result = xeroToCrm('organisation', xeroContact);
		expect(result.errors).toEqual([]);
		expect(result.module).toBe('Accounts');
		expect(result.crmId).toBe('11x4');
		expect(result.fields).toEqual({
			accountname: 'Bayside Club',
			// EmailAddress is the person's (Xero: "Email address of contact person"); the account's own stays as is.
			phone: '+64 (9) 555 0100',
			fax: '(9) 555 0101',
			otherphone: '',
			website: 'https://bayside.example.com',
			bill_street: 'PO Box 12',
			bill_city: 'Auckland',
			bill_state: '',
			bill_code: '1010',
			bill_country: 'New Zealand',
			ship_street: '1 Marina Way\nPier 3',
			ship_city: 'Auckland',
			ship_state: '',
			ship_code: '',
			ship_country: 'New Zealand',
			cf_xero_contact_id: 'c-1',
			cf_xero_tax_number: '12-345-678',
			cf_xero_currency: 'NZD',
		});
		expect(result.contact).toEqual({
			firstname: 'Søren',
			lastname: 'Ødegård',
			email: 'søren@bayside.example.com',
			phone: '',
			mobile: '021 555 0199',
			cf_xero_contact_id: 'c-1',
		});
		expect(result.match).toEqual([
			{ field: 'cf_xero_contact_id', value: 'c-1' },
			{ field: 'accountname', value: 'Bayside Club' },
		]);
	});

	it('does not invent a last name, and says so', () => {
		const result = xeroToCrm('organisation', { ...xeroContact, LastName: '' });
		expect(result.contact).toBeUndefined();
		expect(result.warnings).toEqual([
			'Xero contact "Bayside Club" has a first name but no last name; CRM Contacts need lastname, so the person was not mapped.',
		]);
	});

	it('refuses a contact without a name, and ignores a ContactNumber that is not a CRM id', () => {
		const result = xeroToCrm('organisation', { ...xeroContact, Name: '  ', ContactNumber: 'CUST-9' });
		expect(result.errors).toEqual(['Xero contact c-1 has no Name; CRM Accounts need accountname.']);
		expect(result.crmId).toBeNull();
	});

	it('uses the chosen link and custom fields, switched-off fields and overrides', () => {
		const result = xeroToCrm('organisation', xeroContact, {
			linkFields: { Accounts: 'cf_901', Contacts: '' },
			organisationFields: { taxNumber: 'siccode', currency: '' },
			overrides: { industry: 'Recreation', website: undefined },
			contactOverrides: { leadsource: 'Partner' },
		});
		expect(result.fields).toMatchObject({ cf_901: 'c-1', siccode: '12-345-678', industry: 'Recreation' });
		expect(result.fields).not.toHaveProperty('website');
		expect(result.fields).not.toHaveProperty('cf_xero_contact_id');
		expect(result.fields).not.toHaveProperty('cf_xero_currency');
		expect(result.contact).not.toHaveProperty('cf_xero_contact_id');
		expect(result.contact).toMatchObject({ leadsource: 'Partner' });
		expect(result.match[0]).toEqual({ field: 'cf_901', value: 'c-1' });
	});
});

describe("Xero's one EmailAddress pairs with one CRM field both ways", () => {
	const { FirstName: _first, LastName: _last, ...withoutPerson } = xeroContact;
	it("goes to the person's email when the contact has a person, to the account's email1 when not", () => {
		const withPerson = xeroToCrm('organisation', xeroContact);
		expect(withPerson.fields).not.toHaveProperty('email1');
		expect(withPerson.contact?.email).toBe('søren@bayside.example.com');
		const alone = xeroToCrm('organisation', withoutPerson);
		expect(alone.contact).toBeUndefined();
		expect(alone.fields.email1).toBe('søren@bayside.example.com');
	});

	it("comes from the person's email when the account has a person, else from email1, so a round trip changes nothing", () => {
		const account = { id: '11x3', accountname: 'Bayside Club', email1: 'office@bayside.example.com', cf_xero_contact_id: 'c-1' };
		const key = lookupKey({ module: 'Contacts', field: 'account_id', value: '11x3' });
		const person = { id: '12x7', firstname: 'Søren', lastname: 'Ødegård', email: 'søren@bayside.example.com' };
		const sent = crmToXero('Accounts', account, { resolved: { found: { [key]: person } } }).record;
		expect(sent.EmailAddress).toBe('søren@bayside.example.com');
		expect(xeroToCrm('organisation', { ...xeroContact, EmailAddress: sent.EmailAddress }).contact?.email).toBe(person.email);
		const noPerson = crmToXero('Accounts', account, { resolved: { found: {} } }).record;
		expect(noPerson.EmailAddress).toBe('office@bayside.example.com');
		expect(xeroToCrm('organisation', { ...withoutPerson, EmailAddress: noPerson.EmailAddress }).fields.email1).toBe(account.email1);
	});
});

describe('CRM Accounts / Contacts → Xero contact', () => {
	const account = {
		id: '11x3',
		account_no: 'ACC2',
		accountname: 'Bayside Club',
		email1: 'office@bayside.example.com',
		phone: '+64 9 555 0100',
		fax: '',
		otherphone: '',
		website: 'https://bayside.example.com',
		bill_street: 'Line 1\nLine 2\nLine 3\nLine 4\nLine 5',
		bill_city: 'Auckland',
		bill_state: '',
		bill_code: '',
		bill_country: 'New Zealand',
		ship_street: '',
		ship_city: '',
		ship_state: '',
		ship_code: '',
		ship_country: '',
		cf_xero_contact_id: '',
	};
	const contactKey = lookupKey({ module: 'Contacts', field: 'account_id', value: '11x3' });

	it('asks for the primary person, then sends the account with the CRM id and number and no read-only Website', () => {
		// Optional: a node that cannot look the person up still sends the account.
		const unresolved = crmToXero('Accounts', account);
		expect(unresolved.needs).toEqual({ crmIds: [], lookups: [], optional: [{ module: 'Contacts', field: 'account_id', value: '11x3' }] });
		expect(unresolved.errors).toEqual([]);
		expect(unresolved.record.Name).toBe('Bayside Club');
		const person = { id: '12x7', firstname: 'Sam', lastname: 'Bayside', email: 'sam@bayside.example.com', phone: '', mobile: '(21) 555' };
		const result = crmToXero('Accounts', account, { resolved: { found: { [contactKey]: person } } });
		expect(result.errors).toEqual([]);
		expect(result.record).toEqual({
			ContactNumber: '11x3',
			AccountNumber: 'ACC2',
			Name: 'Bayside Club',
			FirstName: 'Sam',
			LastName: 'Bayside',
			EmailAddress: 'sam@bayside.example.com',
			Phones: [
				{ PhoneType: 'DEFAULT', PhoneCountryCode: '64', PhoneNumber: '9 555 0100' },
				{ PhoneType: 'MOBILE', PhoneAreaCode: '21', PhoneNumber: '555' },
			],
			// Xero has four address lines; the rest of a longer vtiger street shares the fourth.
			Addresses: [{ AddressType: 'POBOX', AddressLine1: 'Line 1', AddressLine2: 'Line 2', AddressLine3: 'Line 3', AddressLine4: 'Line 4, Line 5', City: 'Auckland', Country: 'New Zealand' }],
		});
	});

	it('sends an account without a person, with the account e-mail', () => {
		const result = crmToXero('Accounts', account, { resolved: { found: { [contactKey]: null } } });
		expect(result.record).toMatchObject({ EmailAddress: 'office@bayside.example.com' });
		expect(result.record).not.toHaveProperty('FirstName');
	});

	it('refuses an account without a name (a planted missing mandatory field)', () => {
		const result = crmToXero('Accounts', { ...account, accountname: '' }, { resolved: { found: { [contactKey]: null } } });
		expect(result.errors).toEqual(['CRM account 11x3 has no accountname; Xero contacts need a Name.']);
	});

	it('sends a person without an organisation as a contact named after them', () => {
		const result = crmToXero('Contacts', { id: '12x9', firstname: 'Zoë', lastname: '李', email: 'zoe@example.com', account_id: '', mobile: '021 1' });
		expect(result.errors).toEqual([]);
		expect(result.record).toEqual({
			ContactNumber: '12x9',
			Name: 'Zoë 李',
			FirstName: 'Zoë',
			LastName: '李',
			EmailAddress: 'zoe@example.com',
			Phones: [{ PhoneType: 'MOBILE', PhoneNumber: '021 1' }],
		});
	});

	it('says when a person points at an organisation that no longer exists', () => {
		const result = crmToXero('Contacts', { id: '12x9', lastname: 'Lee', account_id: '11x99' }, { resolved: { records: { '11x99': null } } });
		expect(result.errors).toEqual(['CRM contact 12x9: its organisation 11x99 does not exist in the CRM.']);
	});
});
