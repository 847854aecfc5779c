import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { announcedClockScale, getXeroClockScale, SANDBOX_CLOCK_HEADER } from '../../nodes/shared/xero/transport/clock';
import { limiterFor, resetXeroLimiters } from '../../nodes/shared/xero/transport/limiter';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { chain, manualTrigger, node, runWorkflow, testNodeTypes } from '../harness';

describe('announcedClockScale: only a sandbox on this machine can speed up the transport', () => {
	const header = (value: string) => ({ [SANDBOX_CLOCK_HEADER]: value });

	it.each(['http://127.0.0.1:4010/api.xro/2.0/Invoices', 'http://localhost:4010/connections', 'http://[::1]:4010/connect/token', 'http://127.8.9.10/x'])(
		'believes %s',
		(url) => expect(announcedClockScale(url, header('60'))).toBe(60),
	);

	it.each(['https://api.xero.com/api.xro/2.0/Invoices', 'https://identity.xero.com/connect/token', 'http://10.0.0.5:4010/x', 'http://127.0.0.1.example.com/x', 'http://localhost.evil.test/x', 'not a url'])(
		'ignores %s (Xero or a remote host)',
		(url) => expect(announcedClockScale(url, header('60'))).toBeUndefined(),
	);

	it.each(['0', '-5', 'abc', 'Infinity', ''])('ignores the value %p', (value) => {
		expect(announcedClockScale('http://127.0.0.1:4010/x', header(value))).toBeUndefined();
	});

	it('is undefined without the header', () => {
		expect(announcedClockScale('http://127.0.0.1:4010/x', {})).toBeUndefined();
	});
});

describe('a sandbox with a fast clock, with nothing set in the process', () => {
	const SCALE = 120;
	let xero: XeroSandbox;
	let credentials: Record<string, ICredentialDataDecryptedObject>;

	beforeAll(async () => {
		xero = await startXeroSandbox({ port: 0, data: 'demo', validate: false, clockScale: SCALE });
		const tokens = await xero.authorize();
		credentials = {
			xeroSyncOAuth2Api: { clientId: xero.clients.web.clientId, clientSecret: xero.clients.web.clientSecret, baseUrl: xero.url, oauthTokenData: { ...tokens } },
		};
	});
	afterAll(async () => await xero.close());
	beforeEach(() => resetXeroLimiters());

	it("paces the tenant by the sandbox's announced clock: 130 calls take seconds, not Xero's 3 minutes, without a 429", async () => {
		expect(getXeroClockScale()).toBe(1);
		const tenantId = xero.tenants[0].tenantId;
		const workflow = chain(
			[
				manualTrigger(),
				node('Xero', 'test.xeroCall', {
					parameters: { tenantId, path: '/Organisation' },
					credentials: { xeroSyncOAuth2Api: { id: 'clock-test', name: 'Xero' } },
					onError: 'continueRegularOutput',
				}),
			],
			Array.from({ length: 130 }, () => ({})),
		);
		const run = await runWorkflow(workflow, { credentials, nodeTypes: testNodeTypes() });

		expect(run.output('Xero')[0].filter((item) => item.json.status === 200)).toHaveLength(130);
		expect(xero.stats().tenants[tenantId]).toMatchObject({ calls: 130, rateLimited: 0 });
		expect(limiterFor(`tenant:${tenantId}`).clockScale()).toBe(SCALE);
		expect(getXeroClockScale()).toBe(1);
	}, 30_000);
});
