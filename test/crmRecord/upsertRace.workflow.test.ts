import type { VtigerSandbox } from '../../sandbox/vtiger';
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
