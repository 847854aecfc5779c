import type { IDataObject } from 'n8n-workflow';
import { DEMO_IDS } from '../../sandbox/vtiger';
import { MAX_LOOKUP_URL_CHARS } from '../../nodes/CrmRecord/actions/record/write/upsert/lookups';
import { crmForBlock, failuresByItem, moduleParam, runCrm } from './workflow';

const crm = crmForBlock('demo', { each: true });

const autoMap = { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };
const upsert = { operation: 'upsert', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMap, matchOn: ['accountname'] };
const create = { operation: 'create', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMap };
const names = () => crm.records('Accounts').map((record) => String(record.accountname));

describe('Upsert lookup split by URL length', () => {
	test('100 long names that fit one by one but not together are all written, and found again on a re-run', async () => {
		const input = Array.from({ length: 100 }, (_, n) => ({ accountname: `Long Name ${n} ${'x'.repeat(150)}` }));
		const before = names().length;
		const first = await runCrm(crm, upsert, input);
		expect(first.errors.map((item) => item.json.message)).toEqual([]);
		expect(first.main).toHaveLength(100);
		expect(names().length - before).toBe(100);
		// More than one lookup: 100 names of ~160 characters do not fit in one query string.
		expect(crm.state().calls.query ?? 0).toBeGreaterThan(2);
		const second = await runCrm(crm, upsert, input);
		expect(second.errors).toEqual([]);
		expect(second.main.map((item) => item.json.id)).toEqual(first.main.map((item) => item.json.id));
		expect(names().length - before).toBe(100);
	});

	test('a name too long for any lookup and names with lone surrogates fail alone; the rest of the chunk is written', async () => {
		const input: IDataObject[] = Array.from({ length: 30 }, (_, n) => ({ accountname: `Plain Company ${n}` }));
		input.splice(3, 0, { accountname: 'y'.repeat(12_000) });
		input.splice(10, 0, { accountname: '\uD83D' });
		input.splice(20, 0, { accountname: 'a\uDC00b' });
		const before = names().length;
		const queriesBefore = crm.state().calls.query ?? 0;
		const { main, errors } = await runCrm(crm, upsert, input);
		expect(main).toHaveLength(30);
		expect(names().length - before).toBe(30);
		const byItem = failuresByItem(errors);
		expect(Object.keys(byItem).map(Number)).toEqual([3, 10, 20]);
		expect(byItem[3].message).toMatch(
			new RegExp(`^Accounts record "y{80}… \\(12000 characters\\)": the value of the match field accountname is too long to look up in the CRM \\(the lookup would be \\d+ characters in the request URL; the limit is ${MAX_LOOKUP_URL_CHARS}\\)\\. Shorten the value or change "Match On" to another field\\.$`),
		);
		expect(byItem[3].entry.code).toBe('MATCH_VALUE_TOO_LONG');
		for (const index of [10, 20]) {
			expect(byItem[index].message).toMatch(/: accountname contains invalid text \(a lone UTF-16 surrogate/);
			expect(byItem[index].entry.code).toBe('INVALID_VALUE');
		}
		// One lookup for the 30 good names and one more for the 30 it created (the reference check and the writes are
		// not queries of Accounts names).
		expect((crm.state().calls.query ?? 0) - queriesBefore).toBe(2);
	});

	test('a lone surrogate in a created record is refused before anything is sent for it', async () => {
		const createsBefore = crm.state().calls.create ?? 0;
		const { main, errors } = await runCrm(crm, create, [
			{ accountname: 'Broken Emoji Ltd', description: 'smile \uD83D' },
			{ accountname: 'Whole Emoji Ltd', description: 'smile \uD83D\uDE00' },
		]);
		expect(main.map((item) => item.json.description)).toEqual(['smile \uD83D\uDE00']);
		expect(failuresByItem(errors)[0].message).toMatch(/^Accounts record "Broken Emoji Ltd": description contains invalid text/);
		expect((crm.state().calls.create ?? 0) - createsBefore).toBe(1);
	});
});

describe('Values of the wrong type', () => {
	test('a boolean name is refused naming the field and the type; checkboxes still take booleans', async () => {
		const input = [{ accountname: true }, { accountname: false }, { accountname: 'Checkbox Ltd', emailoptout: true }, { accountname: 'Unchecked Ltd', emailoptout: false }];
		const before = names().length;
		const { main, errors } = await runCrm(crm, upsert, input);
		const byItem = failuresByItem(errors);
		expect(Object.keys(byItem).map(Number)).toEqual([0, 1]);
		expect(byItem[0].message).toBe('Accounts record item 1: accountname is a text field (string), but got the boolean true; map a text value');
		expect(byItem[1].message).toBe('Accounts record item 2: accountname is a text field (string), but got the boolean false; map a text value');
		expect(names().length - before).toBe(2);
		const stored = crm.records('Accounts');
		expect(stored.find((r) => r.accountname === 'Checkbox Ltd')?.emailoptout).toBe('1');
		expect(stored.find((r) => r.accountname === 'Unchecked Ltd')?.emailoptout).toBe('0');
		expect(main.map((item) => item.json.emailoptout)).toEqual([true, false]);
		// Re-running is refused the same way, never as a duplicate.
		const again = await runCrm(crm, upsert, input);
		expect(again.errors.map((item) => item.json.message)).toEqual([byItem[0].message, byItem[1].message]);
		expect(names().length - before).toBe(2);
	});

	test('a number name is written and matched as the same text, so a re-run updates instead of duplicating', async () => {
		const input = [{ accountname: 4711 }, { accountname: 1.5e-7 }];
		const first = await runCrm(crm, upsert, input);
		expect(first.errors).toEqual([]);
		expect(first.main.map((item) => item.json.accountname)).toEqual(['4711', '1.5e-7']);
		const second = await runCrm(crm, upsert, input);
		expect(second.errors).toEqual([]);
		expect(second.main.map((item) => item.json.id)).toEqual(first.main.map((item) => item.json.id));
	});

	test('objects and lists are refused with the field and a readable value, never "[object Object]"', async () => {
		const { main, errors } = await runCrm(crm, create, [
			{ accountname: { name: 'Nested Ltd' } },
			{ accountname: 'Reference Object Ltd', account_id: { id: DEMO_IDS.accounts.ridgeway } },
			{ accountname: 'Listy Ltd', annual_revenue: [1, 2] },
			{ accountname: 'Infinite Ltd', employees: Infinity },
		]);
		expect(main).toEqual([]);
		const byItem = failuresByItem(errors);
		expect(byItem[0].message).toBe(
			'Accounts record item 1: accountname must be a single value, but got an object ({"name":"Nested Ltd"}); map a single field of it instead',
		);
		expect(byItem[1].message).toBe(
			`Accounts record "Reference Object Ltd": account_id must be a single value, but got an object ({"id":"${DEMO_IDS.accounts.ridgeway}"}); map a single field of it instead`,
		);
		expect(byItem[2].message).toBe(
			'Accounts record "Listy Ltd": annual_revenue must be a single value, but got a list ([1,2]); map a single field of it instead',
		);
		for (const failure of Object.values(byItem)) expect(failure.message).not.toMatch(/object Object/i);
	});
});
