import type { IDataObject } from 'n8n-workflow';
import { editRecord } from './plant';
import type { WorkflowJson } from '../harness';
import { crmRecords, loadExample, sandboxesForEachTest, xeroStored } from './support';
import { editXeroContact, TO_CRM, TO_XERO, twoWayPair, type Direction, type TwoWayPair, type Writes } from './twoWay';

/**
 * Issue 16 item 3, both directions: the two organisations examples as a scheduled pair, each node with the same
 * Conflict Policy, and the CRM → Xero link-back also saving Xero Sync's `syncHash` in cf_xero_sync_hash. The hash
 * stored by one direction is read by the other (nodes/shared/xero/linkHash.ts), so a record edited on one side is
 * never overwritten with the other side's stale copy, and an edit on both sides follows the policy. Writes are
 * counted at both sandboxes.
 */

function withPolicy(workflow: WorkflowJson, policy: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		const parameters = node.parameters as IDataObject;
		if (node.name === 'Send organisation to Xero') parameters.options = { ...(parameters.options as IDataObject), conflictPolicy: policy };
		if (node.name === 'Upsert Accounts in CRM') parameters.writeOptions = { ...(parameters.writeOptions as IDataObject), conflictPolicy: policy };
		if (node.name === 'Save Xero contact ID in CRM') {
			const fields = parameters.fields as { value: IDataObject; schema: IDataObject[] };
			fields.value.cf_xero_sync_hash = '={{ $json.syncHash }}';
			fields.schema.push({ ...fields.schema[0], id: 'cf_xero_sync_hash', displayName: 'cf_xero_sync_hash' });
		}
	}
	return copy;
}

describe('flow: organisations both ways with a Conflict Policy on both nodes', () => {
	const sandboxes = sandboxesForEachTest();
	let pair: TwoWayPair;
	beforeEach(() => {
		pair = twoWayPair(sandboxes);
	});

	/** One schedule round, CRM → Xero then Xero → CRM; what each logged as failures comes back with the write counts. */
	function round(policy: string, order?: Direction[]): Promise<Writes & { logged: IDataObject[] }> {
		return pair.round({ toXero: withPolicy(loadExample(TO_XERO), policy), toCrm: withPolicy(loadExample(TO_CRM), policy) }, order);
	}

	async function settle(policy: string): Promise<void> {
		let quiet = false;
		for (let settling = 0; settling < 4 && !quiet; settling++) {
			const wrote = await round(policy);
			expect(wrote.logged).toEqual([]);
			quiet = wrote.xero === 0 && wrote.crm === 0;
		}
		expect(quiet).toBe(true);
	}

	const xeroEdit = (contactId: string, changes: IDataObject) => editXeroContact(sandboxes.xero, contactId, changes);

	const defaultPhone = (contactId: string) =>
		((xeroStored(sandboxes.xero, 'contacts').find((c) => c.ContactID === contactId)?.Phones ?? []) as IDataObject[]).find(
			(phone) => phone.PhoneType === 'DEFAULT',
		)?.PhoneNumber;
	const crmAccount = (id: string) => crmRecords(sandboxes.crm, 'Accounts').find((account) => account.id === id) as IDataObject;

	/** A linked account once the pair is quiet, with the hash both directions stored. */
	function linkedAccount(): { id: string; contactId: string } {
		const linked = crmRecords(sandboxes.crm, 'Accounts').filter((account) => account.cf_xero_contact_id);
		expect(linked.length).toBeGreaterThan(1);
		for (const account of linked) expect(account.cf_xero_sync_hash).toMatch(/^[0-9a-f]{32}$/);
		return { id: String(linked[0].id), contactId: String(linked[0].cf_xero_contact_id) };
	}

	it('an edit made only in Xero is not overwritten when the CRM record changes in a field the sync does not carry', async () => {
		await settle('fail');
		const { id, contactId } = linkedAccount();
		// The CRM record changes (so CRM → Xero picks it up) but not in a synced field; Xero's phone changes.
		editRecord(sandboxes.crm, id, { employees: 42 });
		await xeroEdit(contactId, { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0202' }] });
		const crossing = await round('fail');
		expect(crossing.logged).toEqual([]);
		expect(defaultPhone(contactId)).toBe('555 0202');
		expect(crmAccount(id).phone).toBe('555 0202');
		expect(crmAccount(id).employees).toBe('42');
		expect(crossing.xero).toBe(0);
		expect((await round('fail')).logged).toEqual([]);
		const quiet = await round('fail');
		expect([quiet.xero, quiet.crm]).toEqual([0, 0]);
	});

	it('an edit made only in the CRM is not overwritten when Xero\'s record changes in a field the sync does not carry (Xero → CRM runs first)', async () => {
		await settle('fail');
		const { id, contactId } = linkedAccount();
		editRecord(sandboxes.crm, id, { phone: '555 0101' });
		// Xero's copy changes (so Get Changed Since Last Run returns it) while its synced values stay as last synced.
		await xeroEdit(contactId, { SkypeUserName: 'someone.else' });
		const crossing = await round('fail', ['toCrm', 'toXero']);
		expect(crossing.logged).toEqual([]);
		expect(crmAccount(id).phone).toBe('555 0101');
		expect(defaultPhone(contactId)).toBe('555 0101');
		// Xero gets the CRM's edit; the CRM's only write is the link-back saving the new hash.
		expect([crossing.xero, crossing.crm]).toEqual([1, 1]);
		await round('fail');
		const quiet = await round('fail');
		expect([quiet.xero, quiet.crm, quiet.logged.length]).toEqual([0, 0, 0]);
	});

	it.each([
		['xeroWins', '555 0202'],
		['crmWins', '555 0101'],
	])('an edit on both sides under %s: both end with the winner, then two rounds write nothing', async (policy, winner) => {
		await settle(policy);
		const { id, contactId } = linkedAccount();
		editRecord(sandboxes.crm, id, { phone: '555 0101' });
		await xeroEdit(contactId, { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0202' }] });
		// Xero → CRM goes first: the CRM side of the policy decides before Xero Sync's side sees the record.
		const crossing = await round(policy, ['toCrm', 'toXero']);
		expect(crossing.logged).toEqual([]);
		// The next round only lets the last saved hash settle: nothing of the winner's values moves again.
		await round(policy);
		expect(defaultPhone(contactId)).toBe(winner);
		expect(crmAccount(id).phone).toBe(winner);
		for (let quietRound = 0; quietRound < 2; quietRound++) {
			const quiet = await round(policy);
			expect([quiet.xero, quiet.crm, quiet.logged.length]).toEqual([0, 0, 0]);
		}
	});

	it('an edit on both sides under Report as Conflict: each direction logs a CONFLICT naming both versions, and neither side is overwritten', async () => {
		await settle('fail');
		const { id, contactId } = linkedAccount();
		editRecord(sandboxes.crm, id, { phone: '555 0101' });
		await xeroEdit(contactId, { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '555 0202' }] });
		const crossing = await round('fail');
		expect(crossing).toMatchObject({ xero: 0 });
		const messages = crossing.logged.map((entry) => String(entry.message ?? entry.xero_log_message ?? JSON.stringify(entry)));
		expect(messages).toHaveLength(2);
		for (const message of messages) expect(message).toMatch(/changed on both sides.*555 0101.*555 0202/);
		expect(defaultPhone(contactId)).toBe('555 0202');
		expect(crmAccount(id).phone).toBe('555 0101');
	});
});
