import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startVtigerSandbox, type VtigerSandbox } from '../../sandbox/vtiger';
import { setXeroClockScale } from '../../nodes/shared/xero/transport';
import { DEMO_TENANT_ID, startXeroSandbox, type FaultSpec, type XeroSandbox } from '../../sandbox/xero';
import { chain, manualTrigger, node, runWorkflow } from '../harness';
import { outcomeOf, whenever, writeFaultTable, type FaultOutcome } from './support/faultTable';
import { oauthCredential, seedVtigerAccessKey, seedXeroClients } from './support/secrets';
import { xeroSendNode, type XeroAuth } from './support/xeroSend';

/**
 * Every fault the issue names, injected into the in-process sandboxes while a real workflow execution runs, then
 * checked against the sandbox's own records: each input item comes out once, nothing is written twice, nothing
 * reported written is missing, and every failed item says what to do.
 */
const CLOCK_SCALE = 60;
const ITEMS = 200;
const outcomes: FaultOutcome[] = [];

beforeAll(() => setXeroClockScale(CLOCK_SCALE));
afterAll(() => {
	setXeroClockScale(1);
	console.log(writeFaultTable(outcomes));
});

function expectClean(outcome: FaultOutcome): void {
	outcomes.push(outcome);
	expect({ duplicates: outcome.duplicates, lost: outcome.lost, unadvised: outcome.unadvised }).toEqual({ duplicates: 0, lost: 0, unadvised: [] });
	expect(outcome.success + outcome.error).toBe(outcome.itemsIn);
}

describe('Xero Sync Send under Xero faults', () => {
	let xero: XeroSandbox;
	let writes = 0;
	let calls = 0;
	afterEach(() => xero.close());

	async function start(options: { dailyLimit?: number; latencyMs?: number } = {}) {
		writes = 0;
		calls = 0;
		xero = await startXeroSandbox({
			port: 0,
			data: 'demo',
			validate: true,
			clockScale: CLOCK_SCALE,
			...options,
			log: (line) => {
				if (/api\.xro/.test(line)) calls++;
				if (/\b(PUT|POST)\b/.test(line)) writes++;
			},
		});
		seedXeroClients(xero);
	}

	const invoice = (n: number): IDataObject => ({
		crmId: `7x${5000 + n}`,
		Type: 'ACCREC',
		Contact: { Name: `Fault Customer ${n % 9}` },
		InvoiceNumber: `FAULT-${String(n).padStart(4, '0')}`,
		Date: '2026-11-01',
		DueDate: '2026-11-30',
		Status: 'AUTHORISED',
		LineItems: [{ Description: `Work ${n}`, Quantity: 1 + (n % 4), UnitAmount: 80, AccountCode: '200' }],
	});
	const items = Array.from({ length: ITEMS }, (_, i) => invoice(i));

	async function send(auth: XeroAuth = 'customConnection', credential?: IDataObject) {
		const { node: sync, credentials } = await xeroSendNode(xero, 'Xero Sync', 'invoice', auth, credential);
		const run = await runWorkflow(chain([manualTrigger(), sync], items), { credentials: credentials as never });
		expect(run.nodeError('Xero Sync')).toBeUndefined();
		const [main = [], errors = []] = run.output('Xero Sync');
		return { run, main, errors };
	}

	function outcome(scenario: string, main: INodeExecutionData[], errors: INodeExecutionData[]) {
		const tenant = xero.stats().tenants[DEMO_TENANT_ID];
		const fired = Object.entries(xero.faults().fired).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ×${n}`);
		const stored = ((xero.state()[DEMO_TENANT_ID] as IDataObject).invoices as IDataObject[]).map((i) => String(i.InvoiceNumber));
		return outcomeOf(
			scenario,
			main,
			errors,
			ITEMS,
			{ keysStored: stored.filter((n) => n.startsWith('FAULT-')), keyOf: (item) => String(item.json.InvoiceNumber) },
			[...fired, `429s ${tenant?.rateLimited ?? 0}`, `idempotent replays ${tenant?.idempotentReplays ?? 0}`, `calls ${tenant?.calls ?? 0}`].join(', '),
		);
	}

	const storms: Array<[string, FaultSpec[]]> = [
		['429 storm, minute limit', [{ kind: 'rate-limit-minute', count: 8 }]],
		['429 storm, concurrency limit', [{ kind: 'rate-limit-concurrent', count: 8 }]],
		['503 "The Organisation is offline"', [{ kind: 'offline', count: 4, path: '/Invoices' }]],
		['random 500s', [{ kind: 'server-error', count: 2 }, { kind: 'server-error', count: 2, path: '/Invoices', method: 'PUT' }, { kind: 'server-error', count: 1, path: '/Contacts' }]],
		['connection reset after the write committed', [{ kind: 'reset-after-commit', count: 3, method: 'PUT', path: '/Invoices' }]],
	];

	for (const [scenario, faults] of storms) {
		it(`${scenario}: every invoice sent once`, async () => {
			await start();
			for (const fault of faults) xero.injectFault(fault);
			const { main, errors } = await send();
			expectClean(outcome(scenario, main, errors));
			expect(errors.map((e) => e.json.error ?? e.json.message)).toEqual([]);
		});
	}

	it('429 daily limit: unsent invoices fail with advice, and the next day sends them without duplicates', async () => {
		await start();
		xero.injectFault({ kind: 'rate-limit-day', count: 1, path: '/Invoices', method: 'PUT' });
		const first = await send();
		expectClean(outcome('429 daily limit (day 1)', first.main, first.errors));
		expect(first.errors.length).toBeGreaterThan(0);
		// The next day, for the sandbox and the transport alike: both read Date.now, and a Xero day lasts 24 h ÷ scale.
		const realNow = Date.now.bind(Date);
		const nextDay = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + (24 * 3600_000) / CLOCK_SCALE + 60_000);
		try {
			xero.resetStats();
			const second = await send();
			expectClean(outcome('429 daily limit (day 2, same input)', second.main, second.errors));
			expect(second.errors).toEqual([]);
		} finally {
			nextDay.mockRestore();
		}
	});

	it('access token expiring mid-run: refreshed once, nothing lost', async () => {
		// Slow answers keep several batch writes in flight when the token dies, as on a long run against real Xero.
		await start({ latencyMs: 150 });
		// Expired between the lookups and the batch writes, so several writes meet the 401 at the same moment.
		const stop = whenever(() => calls >= 2, () => xero.expireAccessTokens());
		const { main, errors, run } = await send('oAuth2');
		stop();
		expectClean(outcome('access token expires mid-run (OAuth2)', main, errors));
		expect(errors).toEqual([]);
		expect(run.credentialSaves.length).toBeGreaterThanOrEqual(1);
	});

	it('refresh token rotated elsewhere (invalid_grant): unsent invoices fail saying to reconnect', async () => {
		await start();
		const credential = await oauthCredential(xero);
		const refresh = String((credential.oauthTokenData as IDataObject).refresh_token);
		const stop = whenever(
			() => writes >= 1,
			() => {
				xero.invalidateRefreshToken(refresh);
				xero.expireAccessTokens();
			},
		);
		const { main, errors } = await send('oAuth2', credential);
		stop();
		const result = outcome('refresh token rotated elsewhere (invalid_grant)', main, errors);
		expectClean(result);
		expect(errors.length).toBeGreaterThan(0);
		for (const failed of errors) expect(String(failed.json.message ?? failed.json.error)).toMatch(/reconnect|sign in|authori[sz]e|credential/i);
	});
});

describe('CRM Record Upsert under vtiger faults', () => {
	let crm: VtigerSandbox;
	let credential: IDataObject;
	beforeEach(async () => {
		crm = await startVtigerSandbox({ port: 0, data: 'demo' });
		credential = seedVtigerAccessKey(crm);
	});
	afterEach(async () => await crm.close());

	const accounts = Array.from({ length: ITEMS }, (_, i) => ({ accountname: `Fault Org ${i}`, website: `https://org${i}.example` }));

	async function upsert() {
		const crmNode = node('CRM Record', 'n8n-nodes-xero-crm.crmRecord', {
			parameters: {
				operation: 'upsert',
				module: { __rl: true, mode: 'name', value: 'Accounts' },
				inputMode: 'fields',
				fields: { mappingMode: 'autoMapInputData', value: null },
				matchOn: ['accountname'],
			} as never,
			credentials: { simplyCrmApi: { id: 'crm', name: 'CRM' } },
			onError: 'continueErrorOutput',
		});
		const run = await runWorkflow(chain([manualTrigger(), crmNode], accounts), { credentials: { simplyCrmApi: credential } as never });
		expect(run.nodeError('CRM Record')).toBeUndefined();
		const [main = [], errors = []] = run.output('CRM Record');
		return { main, errors };
	}

	function outcome(scenario: string, main: INodeExecutionData[], errors: INodeExecutionData[]) {
		const names = crm.records('Accounts').map((r) => String(r.accountname).toLowerCase());
		const calls = crm.state().calls;
		return outcomeOf(
			scenario,
			main,
			errors,
			ITEMS,
			{ keysStored: names.filter((n) => n.startsWith('fault org ')), keyOf: (item) => String(item.json.accountname).toLowerCase() },
			`login ×${calls.login ?? 0}, create ×${calls.create ?? 0}, HTTP 500 pending ${crm.state().faults.pending500}`,
		);
	}

	it('a vtiger session expiring mid-run: one re-login, every record written once', async () => {
		const stop = whenever(() => (crm.state().calls.create ?? 0) >= 40, () => crm.faults.breakSessions('expired'));
		const { main, errors } = await upsert();
		stop();
		expectClean(outcome('vtiger session expires mid-run', main, errors));
		expect(errors).toEqual([]);
		expect(crm.state().calls.login).toBe(2);
	});

	it('a vtiger HTTP 500 mid-run: the failed records say to run again, and a re-run completes without duplicates', async () => {
		const stop = whenever(() => (crm.state().calls.create ?? 0) >= 40, () => crm.faults.fail500(3));
		const first = await upsert();
		stop();
		const firstOutcome = outcome('vtiger HTTP 500 mid-run', first.main, first.errors);
		const second = await upsert();
		const secondOutcome = outcome('vtiger HTTP 500, re-run', second.main, second.errors);
		expect(second.errors).toEqual([]);
		expectClean(secondOutcome);
		expectClean(firstOutcome);
	});
});
