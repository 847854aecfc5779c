import { mkdirSync, writeFileSync } from 'node:fs';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { setXeroClockScale } from '../../nodes/shared/xero/transport';
import { DEMO_TENANT_ID, startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import type { Case } from './support/cases';
import { figuresTable, fuzz, type FuzzFigures } from './support/fuzzRun';
import { FUZZ_SEED, generate } from './support/junk';
import { LeakScanner, seedXeroClients, tokensOf, XERO_CUSTOM_SECRET, XERO_WEB_SECRET } from './support/secrets';
import { accountCase, invoiceCase, itemCase, organisationCase, uniquify } from './support/xeroCases';
import { xeroSendNode, type XeroAuth } from './support/xeroSend';

/**
 * Generated bad input through Xero Sync's Send, 10,000 records per resource in executions of 2,500 items, against
 * the in-process Xero sandbox. The clock runs fast so Xero's 60 calls a minute do not make this a long test; the
 * daily limit is lifted because this suite is about input, not limits (faults.test.ts covers those).
 */
const RECORDS = Number(process.env.FUZZ_RECORDS ?? 10_000);
const CLOCK_SCALE = Number(process.env.FUZZ_CLOCK_SCALE ?? 60);
const SYNC = 'Xero Sync';
const figures: FuzzFigures[] = [];
// 10,000 records a resource go through the real node; a slow transport must fail this, not the default 60 s.
jest.setTimeout(240_000);
let xero: XeroSandbox;
let scanner: LeakScanner;

beforeAll(() => {
	setXeroClockScale(CLOCK_SCALE);
	scanner = new LeakScanner([XERO_CUSTOM_SECRET, XERO_WEB_SECRET]);
});

beforeEach(async () => {
	xero = await startXeroSandbox({ port: 0, data: 'demo', validate: false, clockScale: CLOCK_SCALE, dailyLimit: 1_000_000 });
	seedXeroClients(xero);
});

afterEach(() => {
	if (process.env.FUZZ_DEBUG) console.log(JSON.stringify(xero.stats().tenants[DEMO_TENANT_ID]));
	return xero.close();
});

afterAll(() => {
	setXeroClockScale(1);
	const table = `Xero Sync Send fuzz (seed ${FUZZ_SEED}, replay with FUZZ_SEED=${FUZZ_SEED})\n\n${figuresTable(figures)}\n`;
	mkdirSync('test-output', { recursive: true });
	writeFileSync('test-output/fuzz-xero.md', table);
	console.log(table);
});

async function sendTarget(resource: string, auth: XeroAuth) {
	const { node, credentials } = await xeroSendNode(xero, SYNC, resource, auth);
	return {
		resource: `Xero Send ${resource} (${auth})`,
		nodeName: SYNC,
		node,
		credentials,
		secretsAfter: tokensOf,
	};
}

function stored(collection: string): IDataObject[] {
	return ((xero.state()[DEMO_TENANT_ID] as IDataObject)[collection] as IDataObject[] | undefined) ?? [];
}

function duplicates(records: IDataObject[], key: string): string[] {
	const counts = new Map<string, number>();
	for (const r of records) {
		if (typeof r[key] !== 'string' || r[key] === '') continue;
		const k = String(r[key]).toLowerCase();
		counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return [...counts].filter(([, n]) => n > 1).map(([k]) => k.slice(0, 60));
}

/**
 * Every success that says Created added exactly one record; the others are Skipped or Updated, because their number,
 * code or name matched a record Xero already had (the chosen duplicate handling).
 */
function createdBy(result: { outcomes: Array<INodeExecutionData | undefined> }): number {
	return result.outcomes.filter((item) => item?.json.syncResult === 'Created').length;
}

async function fuzzResource(resource: string, cases: Case[], auth: 'customConnection' | 'oAuth2' = 'customConnection') {
	const result = await fuzz(await sendTarget(resource, auth), cases, scanner);
	figures.push(result.figures);
	return result;
}

test(`Send organisations: ${RECORDS} generated records (OAuth2)`, async () => {
	const cases = uniquify(generate(organisationCase, RECORDS, 11), ['Name'], 255);
	const before = stored('contacts').length;
	const result = await fuzzResource('organisation', cases, 'oAuth2');
	expect({ problems: result.problems.slice(0, 40), duplicates: duplicates(stored('contacts'), 'Name') }).toEqual({ problems: [], duplicates: [] });
	expect(stored('contacts').length - before).toBe(createdBy(result));
});

test(`Send invoices: ${RECORDS} generated records`, async () => {
	const cases = generate(invoiceCase, RECORDS, 12);
	const before = stored('invoices').length;
	const result = await fuzzResource('invoice', cases);
	expect(result.problems.slice(0, 40)).toEqual([]);
	expect(stored('invoices').length - before).toBe(createdBy(result));
});

test(`Send items: ${RECORDS} generated records`, async () => {
	const cases = uniquify(generate(itemCase, RECORDS, 13), ['Code'], 30);
	const before = stored('items').length;
	const result = await fuzzResource('item', cases);
	expect({ problems: result.problems.slice(0, 40), duplicates: duplicates(stored('items'), 'Code') }).toEqual({ problems: [], duplicates: [] });
	expect(stored('items').length - before).toBe(createdBy(result));
});

test(`Send accounts: ${RECORDS} generated records`, async () => {
	const cases = uniquify(uniquify(generate(accountCase, RECORDS, 14), ['Code'], 10), ['Name'], 150);
	const before = stored('accounts').length;
	const result = await fuzzResource('account', cases);
	expect({ problems: result.problems.slice(0, 40), duplicates: duplicates(stored('accounts'), 'Code') }).toEqual({ problems: [], duplicates: [] });
	expect(stored('accounts').length - before).toBe(createdBy(result));
});
