import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { resetXeroLimiters, setXeroClockScale } from '../../nodes/shared/xero/transport';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { chain, manualTrigger, node, runWorkflow, testNodeTypes } from '../harness';

/** One sandbox minute lasts half a real second: a 60-call window is 500 ms, a forced 429 says Retry-After 0.5. */
const SCALE = 120;
const WINDOW_MS = 60_000 / SCALE;

let xero: XeroSandbox;
let tenantId: string;
let credentials: Record<string, ICredentialDataDecryptedObject>;
const log: Array<{ line: string; at: number }> = [];
const accountingCalls = () => log.filter((entry) => entry.line.includes('/api.xro/2.0/'));

beforeAll(async () => {
	xero = await startXeroSandbox({
		port: 0,
		data: 'demo',
		validate: true,
		clockScale: SCALE,
		latencyMs: 15,
		log: (line) => log.push({ line, at: Date.now() }),
	});
	setXeroClockScale(SCALE);
	tenantId = xero.tenants[0].tenantId;
	const tokens = await xero.authorize();
	credentials = {
		xeroSyncOAuth2Api: {
			clientId: xero.clients.web.clientId,
			clientSecret: xero.clients.web.clientSecret,
			baseUrl: xero.url,
			oauthTokenData: { ...tokens },
		},
	};
});
afterAll(async () => {
	setXeroClockScale(1);
	await xero.close();
});
beforeEach(() => {
	xero.reset();
	resetXeroLimiters();
	log.length = 0;
});

/** Runs Start → Xero Call with one call per item; the stored credential carries over (tokens rotate). */
async function callXero(parameters: INodeParameters, items: IDataObject[] = [{}]) {
	const workflow = chain(
		[
			manualTrigger(),
			node('Xero', 'test.xeroCall', {
				parameters: { tenantId, ...parameters },
				credentials: { xeroSyncOAuth2Api: { id: 'transport-test', name: 'Xero' } },
				onError: 'continueRegularOutput',
			}),
		],
		items,
	);
	const started = Date.now();
	const run = await runWorkflow(workflow, { credentials, nodeTypes: testNodeTypes() });
	credentials = run.credentials;
	const results = run.output('Xero')[0].map((item) => item.json);
	return { run, results, elapsed: Date.now() - started };
}

const tenantStats = () => xero.stats().tenants[tenantId];
const okCount = (results: IDataObject[]) => results.filter((r) => r.status === 200).length;

describe('Xero transport against the sandbox (through n8n request helpers)', () => {
	it('keeps 5 calls in flight and paces a 130-call run so that it never meets a 429', async () => {
		const { results, elapsed } = await callXero({ path: '/Organisation' }, Array.from({ length: 130 }, () => ({})));

		expect(okCount(results)).toBe(130);
		expect(tenantStats()).toMatchObject({ calls: 130, rateLimited: 0, maxInFlight: 5 });
		// 130 calls at 60 a window cannot finish inside two windows.
		expect(elapsed).toBeGreaterThanOrEqual(2 * WINDOW_MS);
	});

	it('shares one tenant limiter between executions running at the same time', async () => {
		const items = Array.from({ length: 40 }, () => ({}));
		const [a, b] = await Promise.all([callXero({ path: '/Organisation' }, items), callXero({ path: '/Items' }, items)]);

		expect(okCount(a.results) + okCount(b.results)).toBe(80);
		expect(tenantStats()).toMatchObject({ calls: 80, rateLimited: 0, maxInFlight: 5 });
	});

	it('waits for Retry-After before the next call after a 429', async () => {
		xero.injectFault({ kind: 'rate-limit-minute', count: 1 });
		const { results } = await callXero({ path: '/Organisation' });

		expect(results).toEqual([expect.objectContaining({ status: 200 })]);
		const calls = accountingCalls();
		expect(calls).toHaveLength(2);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(WINDOW_MS - 20);
		expect(tenantStats().rateLimitedBy).toEqual({ minute: 1 });
	});

	it('rides out a 429 storm (minute and concurrent) without losing a call', async () => {
		xero.injectFault({ kind: 'rate-limit-minute', count: 4 });
		xero.injectFault({ kind: 'rate-limit-concurrent', count: 4 });
		const { results } = await callXero({ path: '/Organisation' }, Array.from({ length: 10 }, () => ({})));

		expect(okCount(results)).toBe(10);
		expect(tenantStats()).toMatchObject({ calls: 18, rateLimited: 8, rateLimitedBy: { minute: 4, concurrent: 4 } });
	});

	it('retries 503 "The Organisation is offline" and 500, then succeeds', async () => {
		xero.injectFault({ kind: 'offline', count: 2 });
		xero.injectFault({ kind: 'server-error', count: 2 });
		const { results } = await callXero({ path: '/Organisation' });

		expect(results).toEqual([expect.objectContaining({ status: 200 })]);
		expect(tenantStats().byStatus).toEqual({ 200: 1, 500: 2, 503: 2 });
	});

	it('gives up after a bounded number of attempts with a message that says what happened', async () => {
		xero.injectFault({ kind: 'offline', count: 20 });
		const { results } = await callXero({ path: '/Organisation' });

		expect(results).toEqual([
			{
				error: {
					message:
						'Xero could not answer GET /Organisation (503: The Organisation is offline) after 6 attempts. Xero may be down or the organisation offline; try again later.',
					status: 503,
					type: null,
					dailyLimit: false,
				},
			},
		]);
		expect(accountingCalls()).toHaveLength(6);
	});

	it('resends a write whose answer was lost after commit with the same Idempotency-Key, so nothing is duplicated', async () => {
		for (const idempotencyKey of ['batch-key-1', '']) {
			xero.reset();
			xero.injectFault({ kind: 'reset-after-commit', count: 1 });
			const name = `Reset Test ${idempotencyKey || 'generated key'}`;
			const { results } = await callXero({
				method: 'PUT',
				path: '/Contacts',
				body: JSON.stringify({ Contacts: [{ Name: name }] }),
				idempotencyKey,
			});

			expect(results[0].status).toBe(200);
			expect(tenantStats()).toMatchObject({ writes: 2, idempotentReplays: 1 });
			const check = await callXero({ path: '/Contacts', qs: JSON.stringify({ where: `Name=="${name}"` }) });
			expect(((check.results[0].body as IDataObject).Contacts as IDataObject[]).map((c) => c.Name)).toEqual([name]);
		}
	});

	it('does not retry the daily limit, raises dailyLimit, and fails later calls to the tenant without sending them', async () => {
		xero.injectFault({ kind: 'rate-limit-day', count: 1 });
		const first = await callXero({ path: '/Organisation' });
		const callsAfterFirst = accountingCalls().length;
		const second = await callXero({ path: '/Organisation' });

		expect(first.results[0].error).toMatchObject({ status: 429, dailyLimit: true, type: 'RateLimitDay' });
		expect(String((first.results[0].error as IDataObject).message)).toMatch(/^Xero's daily API limit for this organisation is used up \(GET \/Organisation was not sent\)/);
		expect(callsAfterFirst).toBe(1);
		expect(second.results[0].error).toMatchObject({ dailyLimit: true });
		expect(accountingCalls()).toHaveLength(1);
	});

	it("turns Xero's validation errors into one readable message", async () => {
		const { results } = await callXero({
			method: 'PUT',
			path: '/Contacts',
			body: JSON.stringify({ Contacts: [{ Name: 'Twin Ltd' }, { Name: 'Twin Ltd' }] }),
		});

		expect(results[0].error).toMatchObject({ status: 400, type: 'ValidationException' });
		expect(String((results[0].error as IDataObject).message)).toContain(
			'Twin Ltd: The Contact Name already exists. Please enter a different Contact Name.',
		);
	});

	it('renews an expired token once for calls that met it together', async () => {
		xero.expireAccessTokens();
		const { results } = await callXero({ path: '/Organisation' }, Array.from({ length: 5 }, () => ({})));

		expect(okCount(results)).toBe(5);
		expect(log.filter((entry) => entry.line === 'POST /connect/token')).toHaveLength(1);
	});
});
