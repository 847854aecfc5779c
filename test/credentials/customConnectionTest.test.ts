import { createServer } from 'node:net';

import { xeroCustomConnectionApiTest } from '../../nodes/shared/xero/credentialTest';
import { resetXeroLimiters } from '../../nodes/shared/xero/transport';
import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { chain, manualTrigger, node, runWorkflow, testCredential, testNodeTypes } from '../harness';

let xero: XeroSandbox;

beforeAll(async () => {
	xero = await startXeroSandbox({ port: 0, data: 'demo', validate: true });
});
afterAll(async () => await xero.close());
beforeEach(() => resetXeroLimiters());

async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

async function test(data: { clientId: string; clientSecret: string; baseUrl?: string }) {
	return await testCredential('xeroCustomConnectionApi', { baseUrl: xero.url, ...data }, xeroCustomConnectionApiTest);
}

describe('Xero Custom Connection credential: the Test button', () => {
	it('succeeds with the right secret and names the organisation', async () => {
		const result = await test({ clientId: xero.clients.custom.clientId, clientSecret: xero.clients.custom.clientSecret });

		expect(result).toEqual({ status: 'OK', message: `Connected to the Xero organisation "${xero.tenants[0].tenantName}"` });
	});

	it('says the client ID or secret is wrong, without echoing the secret', async () => {
		const result = await test({ clientId: xero.clients.custom.clientId, clientSecret: 'not-the-secret' });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the Client ID or Client Secret \(invalid_client\)/);
		expect(result.message).not.toContain('not-the-secret');
	});

	it('says which scopes are missing when the connection cannot read accounting data', async () => {
		const result = await test({
			clientId: xero.clients.customNoScope.clientId,
			clientSecret: xero.clients.customNoScope.clientSecret,
		});

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/may not read the accounting data \(401\).*accounting\.settings/);
		expect(result.message).toContain('it now has: files.read assets.read');
	});

	it('says the host cannot be reached', async () => {
		const baseUrl = await closedPortUrl();
		const result = await test({ clientId: 'any', clientSecret: 'any', baseUrl });

		expect(result).toEqual({
			status: 'Error',
			message: `Could not reach ${new URL(baseUrl).host} (ECONNREFUSED). Check the network, and the Base URL override if one is set (leave it empty for Xero).`,
		});
	});

	it('says a web app is not a Custom Connection', async () => {
		const result = await test({ clientId: xero.clients.web.clientId, clientSecret: xero.clients.web.clientSecret });

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/not a Custom Connection \(unauthorized_client\)/);
	});

	it('asks for both fields before calling anything', async () => {
		const result = await test({ clientId: '', clientSecret: '' });

		expect(result).toEqual({ status: 'Error', message: 'Enter the Client ID and Client Secret of the Custom Connection.' });
	});
});

describe('Xero Custom Connection credential in a workflow', () => {
	const calling = (path: string) =>
		chain([
			manualTrigger(),
			node('Xero', 'test.xeroCall', {
				parameters: { authentication: 'customConnection', path },
				credentials: { xeroCustomConnectionApi: { id: '7', name: 'Custom connection' } },
			}),
		]);
	const workflow = calling('/Organisation');
	const stored = () => ({
		xeroCustomConnectionApi: {
			clientId: xero.clients.custom.clientId,
			clientSecret: xero.clients.custom.clientSecret,
			baseUrl: xero.url,
		},
	});

	it('gets its own token, calls without a tenant header, and gets a new token when it expires', async () => {
		const credentials = stored();
		const first = await runWorkflow(workflow, { credentials, nodeTypes: testNodeTypes() });
		const token = first.credentials.xeroCustomConnectionApi.accessToken as string;
		xero.expireAccessTokens(token);
		const second = await runWorkflow(workflow, { credentials: first.credentials, nodeTypes: testNodeTypes() });

		expect(first.output('Xero')[0][0].json.status).toBe(200);
		expect(token).toEqual(expect.any(String));
		expect(second.output('Xero')[0][0].json.status).toBe(200);
		const renewed = second.credentials.xeroCustomConnectionApi.accessToken as string;
		expect(renewed).not.toBe(token);
		expect(second.credentialSaves).toHaveLength(1);
	});

	it('waits out a 429 on the renewal check call and goes on (two queue workers renewing at once)', async () => {
		const credentials = stored();
		const readItems = calling('/Items');
		const first = await runWorkflow(readItems, { credentials, nodeTypes: testNodeTypes() });
		xero.expireAccessTokens();
		const firedBefore = xero.stats().faults.fired['rate-limit-minute'];
		// Only the renewal's check call reads /Organisation.
		xero.injectFault({ kind: 'rate-limit-minute', path: '/Organisation', count: 1 });
		const second = await runWorkflow(readItems, { credentials: first.credentials, nodeTypes: testNodeTypes() });

		expect(second.error).toBeUndefined();
		expect(second.output('Xero')[0][0].json.status).toBe(200);
		expect(xero.stats().faults.fired['rate-limit-minute'] - firedBefore).toBe(1);
	});
});
