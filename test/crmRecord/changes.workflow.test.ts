import { createRecord } from '../../sandbox/vtiger/ops/save';
import { cursorKey } from '../../nodes/CrmRecord/actions/record/getChanges.operation';
import { crmForBlock, failureOf, moduleParam, runCrm } from './workflow';

let now = 1_795_000_000;
const crm = crmForBlock('empty', { ready: (crm) => crm.clock.set(now) });

function tick(seconds = 1) {
	now += seconds;
	crm.clock.set(now);
}

function addAccounts(from: number, count: number) {
	for (let n = from; n < from + count; n++) {
		createRecord(crm.engine(), 'Accounts', { accountname: `Sync Account ${n}`, assigned_user_id: '19x1', employees: String(n) }, '19x1');
	}
}

const params = { operation: 'getChanges', module: moduleParam('Accounts') };
const KEY = cursorKey('Accounts');

const CRM_STATIC_NODE = 'node:CRM';

test('the first run follows more:true across pages and saves the cursor', async () => {
	addAccounts(1, 100);
	tick();
	addAccounts(101, 30);
	tick();
	const before = crm.state().calls.sync ?? 0;
	const { main, errors, run } = await runCrm(crm, params);
	expect(errors).toHaveLength(0);
	expect(main).toHaveLength(130);
	expect((crm.state().calls.sync ?? 0) - before).toBe(2);
	expect(main[0].json.employees).toBe(1);
	// The last change is one second old, so the server's clock may still be in that second: the cursor stays a
	// second back and those records come once more rather than risk losing a change made later in that second.
	expect(run.staticData).toEqual({ [CRM_STATIC_NODE]: { [KEY]: now - 2 } });
});

test('the next run returns only later changes, with deleted ids as their own items', async () => {
	tick(5);
	const first = await runCrm(crm, params);
	expect((first.run.staticData[CRM_STATIC_NODE] as Record<string, number>)[KEY]).toBe(now - 6);
	tick();
	const ids = crm.records('Accounts').map((r) => String(r.id));
	await runCrm(crm, { operation: 'delete', module: moduleParam('Accounts'), recordId: '={{ $json.id }}' }, [{ id: ids[0] }]);
	await runCrm(
		crm,
		{ operation: 'update', module: moduleParam('Accounts'), recordId: ids[1], inputMode: 'fields', fields: { mappingMode: 'defineBelow', value: { phone: '123' } } },
	);
	tick(5);
	const { main, run } = await runCrm(crm, params, [{}], { staticData: first.run.staticData });
	expect(main).toHaveLength(2);
	expect(main.map((item) => item.json)).toEqual(
		expect.arrayContaining([
			{ id: ids[0], module: 'Accounts', deleted: true },
			expect.objectContaining({ id: ids[1], phone: '123' }),
		]),
	);
	const cursor = (run.staticData[CRM_STATIC_NODE] as Record<string, number>)[KEY];
	expect(cursor).toBeGreaterThan((first.run.staticData[CRM_STATIC_NODE] as Record<string, number>)[KEY]);

	const again = await runCrm(crm, params, [{}], { staticData: run.staticData });
	expect(again.main).toHaveLength(0);
});

test('a failed run does not move the cursor, so the next run repeats it in full', async () => {
	const start = { [CRM_STATIC_NODE]: { [KEY]: 5 } };
	// Stock vtiger 7.5 on PHP >= 7.1: every sync call is an empty HTTP 500.
	crm.setSyncPatched(false);
	try {
		const { main, errors, run } = await runCrm(crm, params, [{}], { staticData: start });
		expect(main).toHaveLength(0);
		expect(failureOf(errors[0]).message).toMatch(/Changes of Accounts: The CRM failed with HTTP 500 and an empty response to "sync"/);
		expect(run.staticData).toEqual(start);
	} finally {
		crm.setSyncPatched(true);
	}
});

test('"Changed Since" overrides the cursor; Include Deleted off leaves deletions out', async () => {
	const { main } = await runCrm(crm, { ...params, getChangesOptions: { since: new Date((now - 100) * 1000).toISOString(), includeDeleted: false, saveCursor: false } }, [{}], {
		staticData: { [CRM_STATIC_NODE]: { [KEY]: now + 1000 } },
	});
	expect(main.length).toBeGreaterThan(0);
	expect(main.every((item) => item.json.deleted !== true)).toBe(true);
});

test('a change in the server\'s current second comes again until that second is over, then the cursor passes it', async () => {
	tick(5);
	const settled = await runCrm(crm, params);
	const id = String(crm.records('Accounts')[5].id);
	await runCrm(crm, { operation: 'update', module: moduleParam('Accounts'), recordId: id, inputMode: 'fields', fields: { mappingMode: 'defineBelow', value: { phone: '777' } } });
	const sameSecond = await runCrm(crm, params, [{}], { staticData: settled.run.staticData });
	expect(sameSecond.main.map((item) => item.json.id)).toEqual([id]);
	const stillSameSecond = await runCrm(crm, params, [{}], { staticData: sameSecond.run.staticData });
	expect(stillSameSecond.main.map((item) => item.json.id)).toEqual([id]);
	tick(3);
	const later = await runCrm(crm, params, [{}], { staticData: stillSameSecond.run.staticData });
	expect(later.main.map((item) => item.json.id)).toEqual([id]);
	const after = await runCrm(crm, params, [{}], { staticData: later.run.staticData });
	expect(after.main).toHaveLength(0);
});
