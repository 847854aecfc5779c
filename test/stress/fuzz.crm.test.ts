import { mkdirSync, writeFileSync } from 'node:fs';
import type { IDataObject } from 'n8n-workflow';
import { startVtigerSandbox, type VtigerSandbox } from '../../sandbox/vtiger';
import { node } from '../harness';
import { crmAccountCase, crmInvoiceCase, hostileName } from './support/crmCases';
import { figuresTable, fuzz, type FuzzFigures, type FuzzTarget } from './support/fuzzRun';
import { FUZZ_SEED, generate } from './support/junk';
import { isFailed, messageOf } from './support/outputs';
import { LeakScanner, seedVtigerAccessKey, vtigerSessionNames } from './support/secrets';

/**
 * Generated bad input through the CRM Record node's writes against the vtiger sandbox: 10,000 records per module,
 * in executions of 2,500 items, as a large sync would send them.
 */
const RECORDS = Number(process.env.FUZZ_RECORDS ?? 10_000);
const CRM = 'CRM Record';
const figures: FuzzFigures[] = [];
jest.setTimeout(240_000);

let crm: VtigerSandbox;
let credential: IDataObject;
let scanner: LeakScanner;

beforeAll(async () => {
	crm = await startVtigerSandbox({ port: 0, data: 'demo' });
	credential = seedVtigerAccessKey(crm);
	scanner = new LeakScanner([String(credential.accessKey)]);
});

afterAll(async () => {
	await crm.close();
	const table = `Fuzz (seed ${FUZZ_SEED}, replay with FUZZ_SEED=${FUZZ_SEED})\n\n${figuresTable(figures)}\n`;
	mkdirSync('test-output', { recursive: true });
	writeFileSync('test-output/fuzz-crm.md', table);
	console.log(table);
});

function target(resource: string, parameters: IDataObject): FuzzTarget {
	return {
		resource,
		nodeName: CRM,
		node: node(CRM, 'n8n-nodes-xero-crm.crmRecord', {
			parameters: parameters as never,
			credentials: { simplyCrmApi: { id: 'crm', name: 'CRM' } },
			onError: 'continueErrorOutput',
		}),
		credentials: { simplyCrmApi: credential },
		secretsAfter: () => vtigerSessionNames(crm),
	};
}

const moduleNamed = (name: string) => ({ __rl: true, mode: 'name', value: name });
const autoMap = { mappingMode: 'autoMapInputData', value: null };

function duplicatesOf(records: Array<Record<string, unknown>>, field: string): string[] {
	const seen = new Map<string, number>();
	for (const record of records) {
		const key = String(record[field]).toLowerCase();
		seen.set(key, (seen.get(key) ?? 0) + 1);
	}
	return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
}

test(`Upsert Accounts: ${RECORDS} generated records, none crash, lost, duplicated or leaking`, async () => {
	const cases = generate(crmAccountCase(), RECORDS, 1);
	const upsert = target('CRM Accounts (upsert)', { operation: 'upsert', module: moduleNamed('Accounts'), inputMode: 'fields', fields: autoMap, matchOn: ['accountname'] });
	const first = await fuzz(upsert, cases, scanner);
	figures.push(first.figures);
	const before = crm.records('Accounts').length;

	// The same records again must only update: a quote or a backslash in a name must not defeat the match.
	const again = await fuzz({ ...upsert, resource: 'CRM Accounts (upsert, second run)' }, cases.slice(0, 2500), scanner);
	figures.push(again.figures);
	// A record the first run wrote must be found and left as it is (or updated) by the second, never refused.
	const rerunProblems = again.outcomes.flatMap((outcome, i) => {
		const before = first.outcomes[i];
		if (!before || !outcome || isFailed(before)) return [];
		if (isFailed(outcome)) return [`first run wrote ${String(before.json.id)} for accountname ${JSON.stringify(cases[i].json.accountname)}, the second refused it: ${messageOf(outcome).slice(0, 160)}`];
		return before.json.id === outcome.json.id ? [] : [`second run wrote ${String(outcome.json.id)}, first ${String(before.json.id)}: ${JSON.stringify(cases[i].json.accountname)}`];
	});

	expect({
		problems: [...first.problems, ...again.problems, ...rerunProblems].slice(0, 30),
		duplicateNames: duplicatesOf(crm.records('Accounts'), 'accountname').slice(0, 10),
		createdBySecondRun: crm.records('Accounts').length - before,
	}).toEqual({ problems: [], duplicateNames: [], createdBySecondRun: 0 });
	expect(first.figures.ok).toBeGreaterThan(RECORDS / 3);
	expect(first.figures.failed).toBeGreaterThanOrEqual(first.figures.expectedBad);
});

/**
 * One batched lookup serves 100 items, so a name vtiger cannot take in a query must fail alone, with its own reason,
 * and must not take the other 99 records of its batch down with it.
 */
test('Upsert Accounts: names that are hostile to the batched VTQL lookup fail alone', async () => {
	const cases = generate(crmAccountCase(hostileName, 3), 2500, 3);
	const upsert = target('CRM Accounts (upsert, hostile match values)', { operation: 'upsert', module: moduleNamed('Accounts'), inputMode: 'fields', fields: autoMap, matchOn: ['accountname'] });
	const result = await fuzz(upsert, cases, scanner);
	figures.push(result.figures);
	expect({ problems: result.problems.slice(0, 30), duplicateNames: duplicatesOf(crm.records('Accounts'), 'accountname').slice(0, 10) }).toEqual({ problems: [], duplicateNames: [] });
});

test(`Create Invoice: ${RECORDS} generated records with line items`, async () => {
	const cases = generate(crmInvoiceCase, RECORDS, 2);
	const create = target('CRM Invoice (create)', { operation: 'create', module: moduleNamed('Invoice'), inputMode: 'fields', fields: autoMap });
	const invoicesBefore = crm.records('Invoice').length;
	const result = await fuzz(create, cases, scanner);
	figures.push(result.figures);
	expect(result.problems.slice(0, 30)).toEqual([]);
	// One invoice per success, none for a failure, except a failure that says it was written (vtiger dropped a
	// reference it could not check first, e.g. an unknown currency) and names the record to fix.
	const writtenButFailed = result.outcomes.filter((o) => o && isFailed(o) && /was written as \d+x\d+/.test(messageOf(o))).length;
	expect(crm.records('Invoice').length - invoicesBefore).toBe(result.figures.ok + writtenButFailed);
	expect(result.figures.ok).toBeGreaterThan(RECORDS / 5);
});
