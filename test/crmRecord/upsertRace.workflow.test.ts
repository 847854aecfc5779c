import { sleep } from 'n8n-workflow';
import { remove } from '../../sandbox/vtiger/ops/records';
import { createRecord } from '../../sandbox/vtiger/ops/save';
import { crmForBlock, moduleParam, runCrm } from './workflow';

/**
 * Another execution (a second queue worker, or a schedule firing while the last run is still busy) creates the same
 * organisation between this upsert's lookup and its create. vtiger's duplicate prevention refuses the create; the
 * upsert must then update the record the other execution made instead of failing.
 */
const crm = crmForBlock();

const upsertOn = async (module: string, matchOn: string, items: Array<Record<string, string>>) =>
	await runCrm(
		crm,
		{
			operation: 'upsert',
			module: moduleParam(module),
			inputMode: 'fields',
			fields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
			matchOn: [matchOn],
		},
		items,
	);

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
 * Real vtiger checks for a duplicate account name with a SELECT and inserts later, with nothing locked between: runs
 * that overlap (each execution has its own session) can all pass the check, and a later run's create is refused
 * while the earlier runs' copies still exist. Whatever the interleaving, every run must end on the same single record
 * per name (the oldest), and no item may fail.
 */
describe('overlapping upsert runs of the same new accounts', () => {
	const upsertAccounts = async (names: string[], run: number) =>
		await upsertOn('Accounts', 'accountname', names.map((accountname) => ({ accountname, description: `run ${run}` })));

	beforeEach(() => crm.reset('demo'));

	test.each([0, 10, 15, 20, 30, 45])('three runs at once end with one record per name and no failed item (third run %i ms later)', async (stagger) => {
		crm.faults.slowSaves(40);
		const names = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((name) => `Overlap ${name} ${stagger} Ltd`);
		const runs = await Promise.all([0, 0, stagger].map(async (delay, run) => {
			await sleep(delay);
			return await upsertAccounts(names, run + 1);
		}));
		crm.faults.clear();

		for (const run of runs) expect(run.errors.map((item) => item.json.message)).toEqual([]);
		for (const name of names) {
			const stored = crm.records('Accounts').filter((record) => record.accountname === name);
			expect(stored).toHaveLength(1);
			for (const run of runs) expect(run.main.find((item) => item.json.accountname === name)?.json.id).toBe(stored[0].id);
		}
	});

	test('a create refused while two overlapping copies exist joins the older copy instead of failing', async () => {
		const name = 'Refused Between Copies Ltd';
		let older = '';
		let newer = '';
		crm.faults.beforeNext('create', (engine) => {
			older = engine.idOf(createRecord(engine, 'Accounts', { accountname: name, assigned_user_id: '19x1' }, '19x1'));
			// The other run's copy passed the duplicate check before the first copy was inserted.
			const copy = createRecord(engine, 'Accounts', { accountname: `${name} (other run)`, assigned_user_id: '19x1' }, '19x1');
			copy.values.accountname = name;
			newer = engine.idOf(copy);
		});
		// vtiger refuses the first revise of the older copy too (the newer one still has the name); then the other
		// run deletes its copy.
		crm.faults.beforeNext('revise', () => undefined);
		crm.faults.beforeNext('revise', (engine) => remove(engine, { id: newer }));
		const run = await upsertAccounts([name], 3);

		expect(run.errors.map((item) => item.json.message)).toEqual([]);
		expect(run.main[0].json).toMatchObject({ id: older, description: 'run 3' });
		expect(crm.state().calls.revise).toBe(2);
	});
});

/**
 * Contacts (like the custom XeroAccounts module) have no duplicate prevention, so both creates land. Each creator
 * looks again after its create and everyone keeps the oldest record.
 */
describe('a module without duplicate prevention', () => {
	const email = 'race@example.com';
	const upsertContact = async (lastname: string) => await upsertOn('Contacts', 'email', [{ lastname, email, mobile: '+64 21 555 0101' }]);
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
