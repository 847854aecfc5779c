import type { IDataObject } from 'n8n-workflow';
import { DEMO_TENANT_ID } from '../../sandbox/xero';
import { editRecord } from './plant';
import { crmRecords, loadExample, runFlow, startSandboxes, xeroStored, type Sandboxes } from './support';

/**
 * The two organisations examples as a two-way pair on schedules (issue 16 item 4): each round runs CRM → Xero,
 * then Xero → CRM, each with its own saved cursor. From the demo data the pair goes quiet; after one user edit on
 * each side the edits cross once, and the next two rounds write nothing on either side. Writes are counted at both
 * sandboxes: Xero's write calls, and vtiger's create/update/revise/delete calls.
 */

const WRITE_OPERATIONS = ['create', 'update', 'revise', 'delete'];

describe('flow: organisations both ways on schedules settle', () => {
	let sandboxes: Sandboxes;
	beforeEach(async () => {
		sandboxes = await startSandboxes();
	});
	afterEach(() => sandboxes.close());

	function writes(): { xero: number; crm: number } {
		const calls = sandboxes.crm.state().calls as Record<string, number>;
		return {
			xero: sandboxes.xero.stats().totals.writes,
			crm: WRITE_OPERATIONS.reduce((sum, operation) => sum + (calls[operation] ?? 0), 0),
		};
	}

	const toXero = loadExample('organisations-crm-to-xero.json');
	const toCrm = loadExample('organisations-xero-to-crm.json');
	let staticToXero: IDataObject = {};
	let staticToCrm: IDataObject = {};

	/** One schedule round: both flows, a minute apart on both clocks, each with the cursor its last run saved. */
	async function round(): Promise<{ xero: number; crm: number }> {
		const before = writes();
		for (const [workflow, which] of [[toXero, 'toXero'], [toCrm, 'toCrm']] as const) {
			sandboxes.crm.clock.advance(60);
			sandboxes.xero.advanceClock(60_000);
			const run = await runFlow(sandboxes, workflow, which === 'toXero' ? staticToXero : staticToCrm);
			expect(run.logged()).toEqual([]);
			if (which === 'toXero') staticToXero = run.staticData;
			else staticToCrm = run.staticData;
		}
		const after = writes();
		return { xero: after.xero - before.xero, crm: after.crm - before.crm };
	}

	async function xeroEdit(contact: IDataObject, changes: IDataObject): Promise<void> {
		const token = await sandboxes.xero.clientCredentialsToken(sandboxes.xero.clients.custom.clientId, sandboxes.xero.clients.custom.clientSecret);
		const response = await fetch(`${sandboxes.xero.url}/api.xro/2.0/Contacts/${String(contact.ContactID)}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token.access_token}`, 'xero-tenant-id': DEMO_TENANT_ID, 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ Contacts: [{ ContactID: contact.ContactID, ...changes }] }),
		});
		expect(response.status).toBe(200);
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
		await xeroEdit(xeroContact, { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0202' }] });

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
