import { createRecord } from '../../sandbox/vtiger/ops/save';
import { crmForBlock, failureOf, moduleParam, runCrm } from './workflow';

const TOTAL = 230;

const crm = crmForBlock('empty', {
	ready(crm) {
		const engine = crm.engine();
		for (let n = 1; n <= TOTAL; n++) {
			const name = `Bulk Account ${String(n).padStart(3, '0')}`;
			createRecord(engine, 'Accounts', { accountname: name, assigned_user_id: '19x1', employees: String(n), bill_city: n % 2 ? 'Paris' : 'Rome' }, '19x1');
		}
	},
});

function queries() {
	return crm.state().calls.query ?? 0;
}

// References for Xero are tested in references.workflow.test.ts; here they would add their own queries.
const getMany = { operation: 'getMany', module: moduleParam('Accounts'), getManyOptions: { xeroReferences: false } };
/** Get Many with a raw VTQL query, every row. */
const runVtql = (vtql: string, extra: Record<string, unknown> = {}) => runCrm(crm, { ...getMany, queryMode: 'vtql', vtql, returnAll: true, ...extra });

test('Return All pages past the 100-row cap with LIMIT offset, 100', async () => {
	const before = queries();
	const { main, errors } = await runCrm(crm, { ...getMany, queryMode: 'filters', returnAll: true });
	expect(errors).toHaveLength(0);
	expect(main).toHaveLength(TOTAL);
	expect(new Set(main.map((item) => item.json.id)).size).toBe(TOTAL);
	expect(queries() - before).toBe(3);
	expect(main[0].json.employees).toBe(1);
});

test('a limit of 150 returns 150 rows in two queries', async () => {
	const before = queries();
	const { main } = await runCrm(crm, { ...getMany, queryMode: 'filters', returnAll: false, limit: 150 });
	expect(main).toHaveLength(150);
	expect(queries() - before).toBe(2);
});

test('filters become VTQL: AND of conditions, IN lists, selected fields and one sort column', async () => {
	const { main, errors } = await runCrm(crm, {
		...getMany,
		queryMode: 'filters',
		returnAll: true,
		filters: {
			condition: [
				{ field: 'bill_city', operator: 'in', value: 'Rome, Berlin' },
				{ field: 'employees', operator: 'gt', value: '200' },
				{ field: 'accountname', operator: 'notEquals', value: 'Bulk Account 230' },
				{ field: 'accountname', operator: 'like', value: 'Bulk Account 2%' },
			],
		},
		combine: 'AND',
		getManyOptions: { fields: 'accountname, employees', orderBy: 'employees', orderDirection: 'DESC', xeroReferences: false },
	});
	expect(errors).toHaveLength(0);
	expect(main.map((item) => item.json.employees)).toEqual([228, 226, 224, 222, 220, 218, 216, 214, 212, 210, 208, 206, 204, 202]);
	expect(Object.keys(main[0].json).sort()).toEqual(['accountname', 'employees', 'id']);
});

test('raw VTQL keeps its own LIMIT offset, n even beyond 100 rows', async () => {
	const { main } = await runVtql('SELECT accountname FROM Accounts ORDER BY employees LIMIT 20, 130;');
	expect(main).toHaveLength(130);
	expect(main[0].json.accountname).toBe('Bulk Account 021');
	expect(main[129].json.accountname).toBe('Bulk Account 150');
});

test('one input item per query; each output item is paired with its input', async () => {
	const { main } = await runCrm(
		crm,
		{ ...getMany, queryMode: 'filters', returnAll: true, filters: { condition: [{ field: 'accountname', operator: 'equals', value: '={{ $json.name }}' }] } },
		[{ name: 'Bulk Account 007' }, { name: 'Bulk Account 099' }],
	);
	expect(main.map((item) => [item.json.accountname, item.pairedItem])).toEqual([
		['Bulk Account 007', { item: 0 }],
		['Bulk Account 099', { item: 1 }],
	]);
});

test('a bad query is one failed item with vtiger\'s message', async () => {
	const { main, errors } = await runVtql('SELECT nosuchfield FROM Accounts;');
	expect(main).toHaveLength(0);
	expect(failureOf(errors[0]).message).toBe("Query on Accounts: Permission to access '.nosuchfield.' attribute denied.");
});

test('raw output keeps vtiger\'s strings', async () => {
	const { main } = await runVtql("SELECT employees FROM Accounts WHERE accountname = 'Bulk Account 042';", { getManyOptions: { rawOutput: true, xeroReferences: false } });
	expect(main[0].json.employees).toBe('42');
});

test('"contains" finds % and _ as written; "matches pattern" keeps them as wildcards', async () => {
	const engine = crm.engine();
	for (const accountname of ['Under_Score Ltd', '100% Organic', 'Back\\Slash Co'])
		createRecord(engine, 'Accounts', { accountname, assigned_user_id: '19x1' }, '19x1');
	const names = async (operator: string, value: string) => {
		const { main, errors } = await runCrm(crm, {
			...getMany,
			queryMode: 'filters',
			returnAll: true,
			filters: { condition: [{ field: 'accountname', operator, value }] },
		});
		expect(errors).toHaveLength(0);
		return main.map((item) => item.json.accountname);
	};
	expect(await names('contains', '_')).toEqual(['Under_Score Ltd']);
	expect(await names('contains', '%')).toEqual(['100% Organic']);
	expect(await names('contains', '\\')).toEqual(['Back\\Slash Co']);
	expect(await names('like', 'under_score%')).toEqual(['Under_Score Ltd']);
	expect(await names('like', '%\\_%')).toEqual(['Under_Score Ltd']);
	expect(await names('like', 'Bulk Account 00_')).toHaveLength(9);
});
