import type { VtigerSandbox } from '../../sandbox/vtiger';
import { remove } from '../../sandbox/vtiger/ops/records';
import { createRecord } from '../../sandbox/vtiger/ops/save';
import { moduleParam, runCrm, withSandbox } from './workflow';

/**
 * Another execution (a second queue worker, or a schedule firing while the last run is still busy) creates the same
 * organisation between this upsert's lookup and its create. vtiger's duplicate prevention refuses the create; the
 * upsert must then update the record the other execution made instead of failing.
 */
let crm: VtigerSandbox;
beforeAll(async () => {
	crm = await withSandbox('demo');
});
afterAll(async () => await crm.close());

test('an upsert that loses the create race to another execution updates the winner instead of failing', async () => {
	const createsBefore = crm.state().calls.create ?? 0;
	crm.faults.beforeNext('create', (engine) => {
		createRecord(engine, 'Accounts', { accountname: 'Race Condition Ltd', bill_city: 'Wellington', assigned_user_id: '19x1' }, '19x1');
	});
	const run = await runCrm(
		crm,
		{
			operation: 'upsert',
			module: moduleParam('Accounts'),
			inputMode: 'fields',
			fields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
			matchOn: ['accountname'],
		},
		[{ accountname: 'Race Condition Ltd', bill_city: 'Auckland' }],
	);

	expect(run.errors).toEqual([]);
	expect(crm.state().calls.create - createsBefore).toBe(1);
	const stored = crm.records('Accounts').filter((record) => String(record.accountname) === 'Race Condition Ltd');
	expect(stored).toHaveLength(1);
	expect(stored[0].bill_city).toBe('Auckland');
	expect(run.main[0].json.id).toBe(stored[0].id);
});

/**
 * Contacts (like the custom XeroAccounts module) have no duplicate prevention, so both creates land. Each creator
 * looks again after its create and everyone keeps the oldest record.
 */
describe('a module without duplicate prevention', () => {
	const email = 'race@example.com';
	const upsertContact = async (lastname: string) =>
		await runCrm(
			crm,
			{
				operation: 'upsert',
				module: moduleParam('Contacts'),
				inputMode: 'fields',
				fields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
				matchOn: ['email'],
			},
			[{ lastname, email, mobile: '+64 21 555 0101' }],
		);
	const otherRunCreates = (engine: Parameters<Parameters<typeof crm.faults.beforeNext>[1]>[0]) => {
		createRecord(engine, 'Contacts', { lastname: 'Other Run', email, assigned_user_id: '19x1' }, '19x1');
	};
	const stored = () => crm.records('Contacts').filter((record) => String(record.email) === email);

	beforeEach(() => crm.reset('demo'));

	test('the later creator deletes its own record and updates the older one', async () => {
		crm.faults.beforeNext('create', otherRunCreates);
		const run = await upsertContact('This Run');

		expect(run.errors).toEqual([]);
		expect(stored()).toHaveLength(1);
		expect(stored()[0]).toMatchObject({ lastname: 'This Run', mobile: '+64 21 555 0101' });
		expect(run.main[0].json.id).toBe(stored()[0].id);
		expect(crm.state().modules.Contacts.deleted).toBe(1);
	});

	test('the earlier creator keeps its record and leaves the newer one to its own run', async () => {
		crm.faults.beforeNext('create', () => crm.faults.beforeNext('query', otherRunCreates));
		const run = await upsertContact('This Run');

		expect(run.errors).toEqual([]);
		expect(stored()).toHaveLength(2);
		const ours = stored().find((record) => record.lastname === 'This Run');
		expect(run.main[0].json.id).toBe(ours?.id);
		expect(crm.state().calls.delete ?? 0).toBe(0);
	});

	test('a third run that finds the duplicate before its creator deleted it waits, then updates the survivor', async () => {
		const older = createRecord(crm.engine(), 'Contacts', { lastname: 'First Run', email, assigned_user_id: '19x1' }, '19x1');
		const newer = createRecord(crm.engine(), 'Contacts', { lastname: 'Second Run', email, assigned_user_id: '19x1' }, '19x1');
		crm.faults.beforeNext('query', () => undefined);
		crm.faults.beforeNext('query', (engine) => remove(engine, { id: engine.idOf(newer) }));
		const run = await upsertContact('Third Run');

		expect(run.errors).toEqual([]);
		expect(stored()).toHaveLength(1);
		expect(stored()[0]).toMatchObject({ id: crm.engine().idOf(older), lastname: 'Third Run' });
		expect(run.main[0].json.id).toBe(stored()[0].id);
	});

	test('several matches that outlast the wait fail the item as ambiguous', async () => {
		createRecord(crm.engine(), 'Contacts', { lastname: 'Twin', email, assigned_user_id: '19x1' }, '19x1');
		createRecord(crm.engine(), 'Contacts', { lastname: 'Twin', email, assigned_user_id: '19x1' }, '19x1');
		const queriesBefore = crm.state().calls.query ?? 0;
		const run = await upsertContact('Third Run');

		expect(run.main).toEqual([]);
		expect(run.errors[0].json.message).toMatch(/^Contacts record "Third Run": 2 records match email = "race@example.com" \(12x\d+, 12x\d+\); merge them in the CRM/);
		expect((crm.state().calls.query ?? 0) - queriesBefore).toBe(2);
	});

	test('a duplicate that cannot be deleted fails the item and names both records', async () => {
		crm.faults.beforeNext('create', otherRunCreates);
		crm.faults.beforeNext('delete', () => crm.faults.fail500(5));
		const run = await upsertContact('This Run');
		crm.faults.clear();

		expect(run.main).toEqual([]);
		const [older, ours] = stored().map((record) => String(record.id));
		expect(run.errors[0].json.message).toMatch(
			new RegExp(
				`^Contacts record "This Run" was created as ${ours} while another run created the same record as ${older}; deleting the duplicate ${ours} failed, so delete it in the CRM if it is still there\\. The CRM said: The CRM failed with HTTP 500`,
			),
		);
		expect(run.errors[0].json.error).toMatchObject({ code: 'DUPLICATE_CREATED', crmId: ours });
	});
});
