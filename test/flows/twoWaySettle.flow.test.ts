import type { IDataObject } from 'n8n-workflow';
import { editRecord } from './plant';
import { crmRecords, loadExample, sandboxesForEachTest, xeroStored } from './support';
import { editXeroContact, TO_CRM, TO_XERO, twoWayPair, type Writes } from './twoWay';

/**
 * The two organisations examples as a two-way pair on schedules (issue 16 item 4): each round runs CRM → Xero,
 * then Xero → CRM, each with its own saved cursor. From the demo data the pair goes quiet; after one user edit on
 * each side the edits cross once, and the next two rounds write nothing on either side. Writes are counted at both
 * sandboxes: Xero's write calls, and vtiger's create/update/revise/delete calls.
 */

describe('flow: organisations both ways on schedules settle', () => {
	const sandboxes = sandboxesForEachTest();
	const flows = { toXero: loadExample(TO_XERO), toCrm: loadExample(TO_CRM) };
	const pair = twoWayPair(sandboxes);

	/** One schedule round: both flows, a minute apart on both clocks, each with the cursor its last run saved. */
	async function round(): Promise<Writes> {
		const { logged, ...wrote } = await pair.round(flows);
		expect(logged).toEqual([]);
		return wrote;
	}

	it('after one edit on each side the edits cross once, and two more rounds write nothing anywhere', async () => {
		// From the demo data: the first rounds link and copy; within three rounds the pair is quiet.
		let quiet = false;
		for (let settling = 0; settling < 3 && !quiet; settling++) {
			const wrote = await round();
			quiet = wrote.xero === 0 && wrote.crm === 0;
		}
		expect(quiet).toBe(true);

		const accounts = crmRecords(sandboxes.crm, 'Accounts').filter((account) => account.cf_xero_contact_id);
		expect(accounts.length).toBeGreaterThan(1);
		const [inCrm, inXero] = accounts;
		const xeroContact = xeroStored(sandboxes.xero, 'contacts').find((contact) => contact.ContactID === inXero.cf_xero_contact_id) as IDataObject;
		// The organisation's main phone: one field on each side (Accounts.phone, Xero's DEFAULT phone).
		editRecord(sandboxes.crm, String(inCrm.id), { phone: '555 0101' });
		await editXeroContact(sandboxes.xero, String(xeroContact.ContactID), { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0202' }] });

		const crossing = await round();
		expect(crossing).toEqual({ xero: 1, crm: 1 });
		const defaultPhone = (contact: IDataObject | undefined) =>
			((contact?.Phones ?? []) as IDataObject[]).find((phone) => phone.PhoneType === 'DEFAULT')?.PhoneNumber;
		const contacts = xeroStored(sandboxes.xero, 'contacts');
		expect(defaultPhone(contacts.find((contact) => contact.ContactID === inCrm.cf_xero_contact_id))).toBe('555 0101');
		expect(crmRecords(sandboxes.crm, 'Accounts').find((account) => account.id === inXero.id)?.phone).toBe('555 0202');

		expect(await round()).toEqual({ xero: 0, crm: 0 });
		expect(await round()).toEqual({ xero: 0, crm: 0 });
	});
});
