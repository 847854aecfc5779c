import { crmForBlock, moduleParam, runCrm } from './workflow';

/**
 * vtiger 7.5's VTQL lexer (include/Webservices/VTQL_Lexer.php) matches string literals with '(?:[^']|'')+' and
 * pastes them into the SQL as they are, so a quote inside a value is written doubled ('O''Neill'); a backslash ends
 * the literal early there. Names with apostrophes are common in CRM data, so upsert matching and filters must
 * survive them.
 */
const crm = crmForBlock();

test("a name with an apostrophe is matched by upsert and found by a filter", async () => {
	const upsert = {
		operation: 'upsert',
		module: moduleParam('Accounts'),
		inputMode: 'fields',
		fields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
		matchOn: ['accountname'],
	};
	const first = await runCrm(crm, upsert, [{ accountname: "O'Neill Sons" }]);
	expect(first.errors).toHaveLength(0);
	const second = await runCrm(crm, upsert, [{ accountname: "o'neill sons", bill_city: 'Cork' }]);
	expect(second.errors).toHaveLength(0);
	expect(second.main[0].json.id).toBe(first.main[0].json.id);

	const found = await runCrm(crm, {
		operation: 'getMany',
		module: moduleParam('Accounts'),
		queryMode: 'filters',
		returnAll: true,
		filters: { condition: [{ field: 'accountname', operator: 'contains', value: "'Neill S" }] },
	});
	expect(found.main.map((item) => item.json.accountname)).toEqual(["o'neill sons"]);
});
