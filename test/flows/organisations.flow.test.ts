import { editRecord, plantAccount } from './plant';
import { countBy, crmRecords, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * examples/organisations-xero-to-crm.json: Xero Get Organisations (changed since last run) → CRM Upsert Accounts;
 * examples/organisations-crm-to-xero.json: CRM Get Changes (Accounts) → Xero Send Organisation → CRM Update with the
 * Xero contact ID.
 */

const GET = 'Get organisations from Xero';
const UPSERT = 'Upsert Accounts in CRM';

describe('flow: Xero organisations → CRM Accounts', () => {
	const sandboxes = sandboxesForEachTest();

	it('links existing accounts by name, creates the rest, and a second run duplicates nothing', async () => {
		const workflow = loadExample('organisations-xero-to-crm.json');
		const xeroContacts = xeroStored(sandboxes.xero, 'contacts');
		const accountsBefore = crmRecords(sandboxes.crm, 'Accounts');

		const first = await runFlow(sandboxes, workflow);
		expect(first.errors(GET)).toEqual([]);
		const got = first.main(GET);
		// Archived contacts stay out unless the Get asks for them.
		const active = xeroContacts.filter((contact) => contact.ContactStatus !== 'ARCHIVED');
		expect(got.length).toBe(active.length);
		expect(first.errors(UPSERT).map((item) => item.json.message)).toEqual([]);
		expect(first.main(UPSERT)).toHaveLength(got.length);

		const accounts = crmRecords(sandboxes.crm, 'Accounts');
		const names = accounts.map((account) => String(account.accountname).toLowerCase());
		expect([...countBy(names).values()].every((count) => count === 1)).toBe(true);
		for (const contact of active) {
			const account = accounts.find((row) => row.cf_xero_contact_id === contact.ContactID);
			expect(account?.accountname).toBe(contact.Name);
		}
		// The CRM demo's Bayside Club, Marine Systems and Ridgeway University are Xero demo contacts too: linked, not copied.
		const bayside = accounts.filter((row) => row.accountname === 'Bayside Club');
		expect(bayside).toHaveLength(1);
		expect(bayside[0].id).toBe(accountsBefore.find((row) => row.accountname === 'Bayside Club')?.id);
		// Xero's EmailAddress is its person's (Bob's, below); the CRM account keeps its own address.
		expect(bayside[0].email1).toBe(accountsBefore.find((row) => row.accountname === 'Bayside Club')?.email1);
		expect(first.logged()).toEqual([]);
		// Each Xero contact's person (FirstName/LastName) becomes one CRM contact of its account.
		const people = () => crmRecords(sandboxes.crm, 'Contacts').filter((row) => row.lastname === 'Rawlings' || row.lastname === 'Partridge');
		const abc = accounts.find((row) => row.accountname === 'ABC Furniture');
		expect(people().map((row) => [row.firstname, row.lastname, row.account_id, row.email])).toEqual(
			expect.arrayContaining([
				['Trish', 'Rawlings', abc?.id, 'info@abfl.com'],
				['Bob', 'Partridge', bayside[0].id, 'secretarybob@bayside.co'],
			]),
		);
		expect(people()).toHaveLength(2);

		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.errors(UPSERT)).toEqual([]);
		expect(crmRecords(sandboxes.crm, 'Accounts')).toHaveLength(accounts.length);
		expect(people()).toHaveLength(2);
		expect(second.logged()).toEqual([]);
	});

	it('a second run from scratch (no cursor) still creates no duplicates', async () => {
		const workflow = loadExample('organisations-xero-to-crm.json');
		await runFlow(sandboxes, workflow);
		const count = crmRecords(sandboxes.crm, 'Accounts').length;
		const contacts = crmRecords(sandboxes.crm, 'Contacts').length;
		const again = await runFlow(sandboxes, workflow);
		expect(again.main(GET).length).toBeGreaterThan(0);
		expect(again.errors(UPSERT)).toEqual([]);
		expect(crmRecords(sandboxes.crm, 'Accounts')).toHaveLength(count);
		expect(crmRecords(sandboxes.crm, 'Contacts')).toHaveLength(contacts);
	});

});

describe('flow: CRM accounts → Xero organisations', () => {
	const SEND = 'Send organisation to Xero';
	const SAVE = 'Save Xero contact ID in CRM';
	const sandboxes = sandboxesForEachTest();

	it('links accounts Xero already has by name, creates the others, and a second run duplicates nothing', async () => {
		const workflow = loadExample('organisations-crm-to-xero.json');
		const xeroBefore = xeroStored(sandboxes.xero, 'contacts');
		const accounts = crmRecords(sandboxes.crm, 'Accounts');
		const newToXero = accounts.filter((account) => !xeroBefore.some((contact) => String(contact.Name).toLowerCase() === String(account.accountname).toLowerCase()));

		const first = await runFlow(sandboxes, workflow);
		expect(first.errors(SEND).map((item) => item.json.message)).toEqual([]);
		expect(first.errors(SAVE).map((item) => item.json.message)).toEqual([]);
		expect(first.logged()).toEqual([]);
		const contacts = xeroStored(sandboxes.xero, 'contacts');
		expect(contacts).toHaveLength(xeroBefore.length + newToXero.length);
		for (const account of crmRecords(sandboxes.crm, 'Accounts')) {
			const contact = contacts.find((row) => row.ContactID === account.cf_xero_contact_id);
			expect(contact?.Name).toBe(account.accountname);
		}
		// A contact the flow created keeps the CRM id and number; one it linked keeps its own.
		const created = contacts.find((row) => row.Name === newToXero[0]?.accountname);
		expect(created).toMatchObject({ ContactNumber: newToXero[0]?.id, AccountNumber: newToXero[0]?.account_no });
		const bayside = contacts.find((row) => row.Name === 'Bayside Club');
		expect(bayside?.ContactNumber).toBe('CUST-002');

		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.errors(SEND)).toEqual([]);
		expect(xeroStored(sandboxes.xero, 'contacts')).toHaveLength(contacts.length);
		expect([...countBy(xeroStored(sandboxes.xero, 'contacts').map((row) => String(row.Name).toLowerCase())).values()].every((n) => n === 1)).toBe(true);
	});

	it('with Duplicate Handling "Fail", a planted duplicate name goes to the failure log and the rest is sent', async () => {
		// The demo accounts were linked by an earlier run; then someone adds "ABC Furniture", which Xero already has.
		const xeroContacts = xeroStored(sandboxes.xero, 'contacts');
		for (const account of crmRecords(sandboxes.crm, 'Accounts')) {
			const contact = xeroContacts.find((row) => row.Name === account.accountname);
			if (contact) editRecord(sandboxes.crm, String(account.id), { cf_xero_contact_id: contact.ContactID });
		}
		const duplicate = plantAccount(sandboxes.crm, 'abc furniture');
		const fresh = plantAccount(sandboxes.crm, 'Harbour Bistro');
		const workflow = loadExample('organisations-crm-to-xero.json');
		const send = workflow.nodes.find((node) => node.name === SEND);
		if (send) send.parameters.duplicateHandling = 'fail';

		const run = await runFlow(sandboxes, workflow);
		const logged = run.logged();
		expect(logged.map((entry) => entry.crmId)).toEqual([duplicate]);
		expect(String(logged[0].message)).toMatch(/ABC Furniture/i);
		expect(logged[0]).toMatchObject({ app: 'Xero', result: 'Failed', action: 'Send Organisation', flow: 'CRM → Xero' });
		// The failure log is a CRM list too (Simply CRM's Xero Logs).
		expect(crmRecords(sandboxes.crm, 'XeroLogs')).toEqual([
			expect.objectContaining({ app_name: 'Xero', result: 'Failed', action: 'Send Organisation', crm_id: duplicate, error_message: logged[0].message }),
		]);
		const contacts = xeroStored(sandboxes.xero, 'contacts');
		expect(contacts.filter((row) => String(row.Name).toLowerCase() === 'abc furniture')).toHaveLength(1);
		expect(contacts.filter((row) => row.Name === 'Harbour Bistro')).toHaveLength(1);
		const bistro = crmRecords(sandboxes.crm, 'Accounts').find((row) => row.id === fresh);
		expect(bistro?.cf_xero_contact_id).toBe(contacts.find((row) => row.Name === 'Harbour Bistro')?.ContactID);
	});
});
