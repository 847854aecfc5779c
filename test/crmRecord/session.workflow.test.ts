import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { DEMO_IDS } from '../../sandbox/vtiger';
import { runWorkflow } from '../harness';
import { handshake } from '../../nodes/CrmRecord/transport/handshake';
import { webserviceUrl } from '../../nodes/CrmRecord/transport/endpoint';
import type { VtigerSend } from '../../nodes/CrmRecord/transport/types';
import { callsTo, credentialFor, crmForBlock, failureOf, moduleParam, runCrm } from './workflow';

const crm = crmForBlock();
afterEach(() => crm.faults.clear());

const calls = callsTo(crm);

/** Stands for time passing between two CRM nodes of one execution: the server drops every session. */
function sessionBreaker(kind: 'invalid' | 'expired' | 'idle'): INodeType {
	return {
		description: {
			displayName: 'Break Sessions',
			name: 'breakSessions',
			group: ['transform'],
			version: 1,
			description: 'test only',
			defaults: { name: 'Break Sessions' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			crm.faults.breakSessions(kind);
			return [this.getInputData()];
		},
	};
}

function getNode(name: string, x: number) {
	return {
		id: name,
		name,
		type: 'n8n-nodes-xero-crm.crmRecord',
		typeVersion: 1,
		position: [x, 0] as [number, number],
		parameters: { operation: 'get', module: moduleParam('Accounts'), recordId: DEMO_IDS.accounts.bayside },
		credentials: { simplyCrmApi: { id: 'crm', name: 'CRM' } },
		onError: 'continueErrorOutput' as const,
	};
}

describe.each(['invalid', 'expired', 'idle'] as const)('a session that is %s', (kind) => {
	test('is renewed once and the second node still succeeds; one execution shares one session', async () => {
		const loginsBefore = calls('login');
		const run = await runWorkflow(
			{
				nodes: [
					{ id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					getNode('First', 200),
					{ id: 'b', name: 'Break', type: 'test.breakSessions', typeVersion: 1, position: [400, 0], parameters: {} },
					getNode('Second', 600),
					getNode('Third', 800),
				],
				connections: {
					Start: { main: [[{ node: 'First', type: 'main', index: 0 }]] },
					First: { main: [[{ node: 'Break', type: 'main', index: 0 }]] },
					Break: { main: [[{ node: 'Second', type: 'main', index: 0 }]] },
					Second: { main: [[{ node: 'Third', type: 'main', index: 0 }]] },
				},
				pinData: { Start: [{ json: {} }] },
			},
			{ credentials: { simplyCrmApi: credentialFor(crm) }, nodeTypes: { 'test.breakSessions': sessionBreaker(kind) } },
		);
		expect(run.status).toBe('success');
		for (const name of ['First', 'Second', 'Third']) {
			const [main, errors] = run.output(name);
			expect(errors).toHaveLength(0);
			expect(main[0].json.accountname).toBe('Bayside Club');
		}
		// First node logs in; after the break, the second logs in again; the third reuses that session.
		expect(calls('login') - loginsBefore).toBe(2);
	});
});

describe('concurrent logins of the same user', () => {
	/** A real HTTP sender that lets another client take a challenge between our getchallenge and our login. */
	function racingSender(racesLeft: { n: number }): VtigerSend {
		const fetchOnce = async (method: string, url: string, params: Record<string, string>) => {
			const target = new URL(url);
			if (method === 'GET') for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
			const response = await fetch(target, method === 'GET' ? {} : { method, body: new URLSearchParams(params) });
			return { status: response.status, body: await response.text() };
		};
		return async (request) => {
			if (request.params.operation === 'login' && racesLeft.n > 0) {
				racesLeft.n--;
				// Another process asks for a challenge: vtiger deletes our token, our login hash no longer matches.
				await fetchOnce('GET', request.url, { operation: 'getchallenge', username: request.params.username });
			}
			return await fetchOnce(request.method, request.url, request.params);
		};
	}

	const credentials = () => ({ instanceUrl: crm.url, username: crm.userName, accessKey: crm.accessKey });

	test('a login whose token was superseded retries the handshake and succeeds', async () => {
		const races = { n: 2 };
		const session = await handshake(racingSender(races), webserviceUrl(crm.url), credentials(), { baseDelayMs: 5 });
		expect(races.n).toBe(0);
		expect(session.sessionName).toMatch(/\w+/);
		expect(session.userId).toBe('19x1');
	});

	test('retries are bounded: a race that never ends is reported, not looped', async () => {
		const races = { n: 100 };
		await expect(
			handshake(racingSender(races), webserviceUrl(crm.url), credentials(), { attempts: 3, baseDelayMs: 1 }),
		).rejects.toThrow(/rejected the access key for user "admin"/);
		expect(races.n).toBe(97);
	});

	test('parallel executions with the same credential all log in and all succeed', async () => {
		const runs = await Promise.all(
			Array.from({ length: 4 }, () =>
				runCrm(crm, { operation: 'get', module: moduleParam('Accounts'), recordId: DEMO_IDS.accounts.ridgeway }),
			),
		);
		for (const { main, errors } of runs) {
			expect(errors).toHaveLength(0);
			expect(main[0].json.accountname).toBe('Ridgeway University');
		}
	});
});

describe('server failures', () => {
	test('an empty HTTP 500 is a clear error on the failed item, not a JSON parse error', async () => {
		crm.faults.fail500(1);
		const { errors, main } = await runCrm(
			crm,
			{ operation: 'get', module: moduleParam('Accounts'), recordId: '={{ $json.id }}' },
			[{ id: DEMO_IDS.accounts.ridgeway }, { id: DEMO_IDS.accounts.bayside }],
		);
		expect(main).toHaveLength(0);
		expect(errors).toHaveLength(2);
		for (const item of errors) {
			expect(failureOf(item).message).toBe(
				'CRM login: The CRM failed with HTTP 500 and an empty response to "getchallenge" (a PHP fatal error on the server). vtiger 7.5 also does this for unknown operations. Nothing was changed by this call: run the workflow again; if it fails again, check the CRM server\'s PHP error log.',
			);
		}
	});

	test('the access key and the session name never appear in outputs or errors', async () => {
		const { run } = await runCrm(
			crm,
			{ operation: 'get', module: moduleParam('Accounts'), recordId: '11x999999' },
			[{}],
			{ credentials: { simplyCrmApi: credentialFor(crm, { accessKey: 'wrong-key-123' }) } },
		);
		const everything = JSON.stringify(run.raw);
		expect(everything).toMatch(/rejected the access key/);
		expect(everything).not.toContain('wrong-key-123');
		expect(everything).not.toContain(crm.accessKey);
		expect(everything).not.toMatch(/sessionName/);
	});
});

describe('a proxy in front of the CRM that answers 503 once per operation', () => {
	/** Forwards to the sandbox, except the first request of each listed operation, which gets a 503 page. */
	async function flakyProxy(operations: string[]) {
		const failed = new Set<string>();
		const server = createServer((req: IncomingMessage, res: ServerResponse) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				void (async () => {
					const body = Buffer.concat(chunks).toString();
					const url = new URL(req.url ?? '/', crm.url);
					const operation = url.searchParams.get('operation') ?? new URLSearchParams(body).get('operation') ?? '';
					if (operations.includes(operation) && !failed.has(operation)) {
						failed.add(operation);
						res.writeHead(503, { 'Content-Type': 'text/html' });
						res.end('<html><body>Service Unavailable</body></html>');
						return;
					}
					const forwarded = await fetch(new URL(`${url.pathname}${url.search}`, crm.url), {
						method: req.method,
						headers: req.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
						body: req.method === 'POST' ? body : undefined,
					});
					res.writeHead(forwarded.status, { 'Content-Type': forwarded.headers.get('content-type') ?? 'text/html' });
					res.end(await forwarded.text());
				})();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		return { url, failed, close: async () => await new Promise((resolve) => server.close(resolve)) };
	}

	test('reads are repeated and succeed', async () => {
		const proxy = await flakyProxy(['query', 'retrieve']);
		try {
			const { main, errors } = await runCrm(
				crm,
				{ operation: 'get', module: moduleParam('Accounts'), recordId: DEMO_IDS.accounts.ridgeway, getOptions: { xeroReferences: false } },
				[{}],
				{ credentials: { simplyCrmApi: credentialFor(crm, { instanceUrl: proxy.url }) } },
			);
			expect(errors).toHaveLength(0);
			expect(main[0].json.accountname).toBe('Ridgeway University');
			expect([...proxy.failed]).toEqual(['retrieve']);
		} finally {
			await proxy.close();
		}
	});

	test('writes are not repeated: the item fails with the HTTP status', async () => {
		const proxy = await flakyProxy(['create']);
		const creates = calls('create');
		try {
			const { main, errors } = await runCrm(
				crm,
				{
					operation: 'create',
					module: moduleParam('Accounts'),
					inputMode: 'fields',
					fields: { mappingMode: 'defineBelow', value: { accountname: 'Behind A Proxy Ltd' }, matchingColumns: [], schema: [] },
				},
				[{}],
				{ credentials: { simplyCrmApi: credentialFor(crm, { instanceUrl: proxy.url }) } },
			);
			expect(main).toHaveLength(0);
			expect(failureOf(errors[0]).message).toBe('Accounts record "Behind A Proxy Ltd": The CRM answered "create" with HTTP 503');
			expect(calls('create') - creates).toBe(0);
		} finally {
			await proxy.close();
		}
	});
});
