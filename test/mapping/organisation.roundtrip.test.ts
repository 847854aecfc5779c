import fc from 'fast-check';
import { crmToXero, lookupKey, xeroToCrm, type CrmRecord } from '../../nodes/shared/mapping';
import { xeroContact } from './support/arbitraries';
import { clean, typedParts } from './support/normalise';
import { storeAsVtiger } from './support/vtigerStore';

/** Xero → CRM (Accounts + primary Contacts, stored the way vtiger stores) → Xero keeps every mapped contact field. */

const MAPPED = ['ContactID', 'Name', 'FirstName', 'LastName', 'EmailAddress', 'TaxNumber', 'DefaultCurrency'];

function comparable(contact: Record<string, unknown>): unknown {
	return {
		...(clean(Object.fromEntries(MAPPED.map((key) => [key, contact[key]]))) as object),
		Phones: typedParts(contact.Phones, 'PhoneType'),
		Addresses: typedParts(contact.Addresses, 'AddressType'),
	};
}

function throughCrm(original: Record<string, unknown>, sequence: number) {
	const toCrm = xeroToCrm('organisation', original);
	const accountId = toCrm.crmId ?? `11x${sequence}`;
	const account = storeAsVtiger('Accounts', toCrm.fields, accountId, sequence);
	const contact: CrmRecord | null = toCrm.contact
		? storeAsVtiger('Contacts', { ...toCrm.contact, account_id: accountId }, `12x${sequence + 1}`, sequence + 1)
		: null;
	return { toCrm, account, contact };
}

describe('organisation round trip: Xero contact → CRM Accounts/Contacts → Xero contact', () => {
	it('keeps every mapped field when sent from the account', () => {
		fc.assert(
			fc.property(xeroContact, fc.integer({ min: 2, max: 100000 }), (original, sequence) => {
				const { toCrm, account, contact } = throughCrm(original, sequence);
				expect(toCrm.errors).toEqual([]);
				const back = crmToXero('Accounts', account, {
					resolved: { found: { [lookupKey({ module: 'Contacts', field: 'account_id', value: String(account.id) })]: contact } },
				});
				expect(back.errors).toEqual([]);
				expect(back.needs).toEqual({ crmIds: [], lookups: [] });
				expect(comparable(back.record)).toEqual(comparable(original));
				// A linked contact keeps the number Xero holds (another system's, or the CRM id from its creation).
				expect(back.record).not.toHaveProperty('ContactNumber');
				expect(back.record).not.toHaveProperty('AccountNumber');
				expect(toCrm.crmId).toBe(original.ContactNumber ?? null);
			}),
			{ numRuns: 300 },
		);
	});

	it('keeps every mapped field when sent from the primary contact person', () => {
		fc.assert(
			fc.property(
				xeroContact.filter((contact) => Boolean(contact.LastName)),
				fc.integer({ min: 2, max: 100000 }),
				(original, sequence) => {
					const { account, contact } = throughCrm(original, sequence);
					const first = crmToXero('Contacts', contact as CrmRecord);
					expect(first.needs.crmIds).toEqual([account.id]);
					const back = crmToXero('Contacts', contact as CrmRecord, { resolved: { records: { [String(account.id)]: account } } });
					expect(back.errors).toEqual([]);
					expect(comparable(back.record)).toEqual(comparable(original));
				},
			),
			{ numRuns: 150 },
		);
	});
});
