import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ICredentialType, IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { node } from '../test/harness';
import { loadPackageTypes } from '../test/harness/packageTypes';
import { DEMO_TENANT_ID } from '../sandbox/xero';
import { LATENCIES } from './latency';
import { measure, row } from './measure';
import { closeRemoteSandbox, control, startRemoteSandbox, type RemoteSandbox } from './remoteSandbox';
import { QUICK, type BenchReport, type BenchSuite } from './types';

/**
 * The real peer: n8n's own Xero node (n8n-nodes-base, from the cached n8n install the e2e tests use), unchanged, run
 * through the same workflow harness as ours. It calls https://api.xero.com through n8n's `requestOAuth2` helper; the
 * only change is that helper's URL, rewritten to the sandbox's before n8n-core sends it (token, headers and error
 * handling stay n8n's). Each task runs against a fresh organisation, so each starts with a fresh rate-limit window:
 * the kindest start the peer can get. One call per item is what it makes; it has no retry, so its first 429 fails
 * the item and, with n8n's default "On Error: Stop Workflow", the workflow.
 */
const N8N_HOME = process.env.BENCH_PEER_N8N ?? join(homedir(), '.cache/n8n-nodes-xero-crm/n8n-2.8.4');
const NODES_BASE = join(N8N_HOME, 'node_modules/n8n-nodes-base/dist');
const NODE_FILE = join(NODES_BASE, 'nodes/Xero/Xero.node.js');
const CREDENTIAL_FILE = join(NODES_BASE, 'credentials/XeroOAuth2Api.credentials.js');
const CLOCK_SCALE = Number(process.env.BENCH_CLOCK_SCALE ?? (QUICK ? 20 : 10));
const SIZE = QUICK ? 100 : 1000;
const UPDATES = QUICK ? 20 : 200;
const XERO_API = 'https://api.xero.com';

/** the peer with its requests sent to `base` instead of api.xero.com */
function redirected(peer: INodeType, base: string, calls: { made: number }): INodeType {
	return {
		description: peer.description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const context = this;
			const helpers = {
				...context.helpers,
				requestOAuth2(credentialType: string, options: IDataObject, oAuth2Options?: IDataObject) {
					const uri = String(options.uri ?? '');
					const rewritten = uri.startsWith(XERO_API) ? { ...options, uri: base + uri.slice(XERO_API.length) } : options;
					calls.made++;
					const sent = context.helpers.requestOAuth2.call(context, credentialType, rewritten as never, oAuth2Options as never) as Promise<unknown>;
					if (process.env.BENCH_DEBUG) sent.catch((error: { error?: unknown; message?: string }) => console.error('[peer]', JSON.stringify(rewritten.body)?.slice(0, 300), error.message, JSON.stringify(error.error)?.slice(0, 500)));
					return sent;
				},
			};
			const proxy = new Proxy(context, {
				get(target, property) {
					if (property === 'helpers') return helpers;
					const value = Reflect.get(target, property, target) as unknown;
					return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
				},
			});
			return (peer.execute as (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>).call(proxy);
		},
	};
}

/** the authorization-code flow over HTTP, as n8n's credential dialog runs it */
async function webToken(xero: RemoteSandbox, scope: string): Promise<IDataObject> {
	const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
	const consent = new URL('/identity/connect/authorize', xero.url);
	consent.search = new URLSearchParams({ response_type: 'code', client_id: xero.web.clientId, redirect_uri: redirectUri, scope, state: 'bench' }).toString();
	const redirect = await fetch(consent, { redirect: 'manual' });
	const code = new URL(redirect.headers.get('location') ?? 'http://x').searchParams.get('code') ?? '';
	const response = await fetch(`${xero.url}/connect/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${xero.web.clientId}:${xero.web.clientSecret}`).toString('base64')}` },
		body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }).toString(),
	});
	if (!response.ok) throw new Error(`the sandbox refused the authorization code: ${response.status}`);
	return (await response.json()) as IDataObject;
}

interface Task {
	label: string;
	records: number;
	seed?: IDataObject;
	parameters: IDataObject;
	items: (state: IDataObject) => IDataObject[];
	/** the calls it needs to finish: one per item, or the pages of a read */
	needs: number;
}

const TASKS: Task[] = [
	{
		label: `create ${SIZE} contacts`,
		records: SIZE,
		parameters: { resource: 'contact', operation: 'create', name: '={{ $json.name }}', additionalFields: {} },
		items: () => Array.from({ length: SIZE }, (_, i) => ({ name: `Peer Contact ${i}` })),
		needs: SIZE,
	},
	{
		label: `create ${SIZE} invoices`,
		records: SIZE,
		seed: { contacts: 50, prefix: 'Peer' },
		parameters: {
			resource: 'invoice',
			operation: 'create',
			type: 'ACCREC',
			contactId: '={{ $json.contactId }}',
			lineItemsUi: { lineItemsValues: [{ description: '={{ $json.description }}', quantity: 2, unitAmount: 100, accountCode: '200', taxType: 'OUTPUT2', taxAmount: 30, discountRate: 0, lineAmount: 200 }] },
			additionalFields: { invoiceNumber: '={{ $json.number }}', status: 'AUTHORISED', date: '2026-11-01', dueDate: '2026-11-30' },
		},
		items: (state) => {
			const contacts = (state.contacts as IDataObject[]).map((contact) => String(contact.ContactID));
			return Array.from({ length: SIZE }, (_, i) => ({ contactId: contacts[i % contacts.length], number: `PEER-${String(i).padStart(6, '0')}`, description: `Consulting ${i}` }));
		},
		needs: SIZE,
	},
	{
		label: `get ${SIZE} invoices`,
		records: SIZE,
		seed: { contacts: 50, invoices: SIZE, prefix: 'Peer' },
		parameters: { resource: 'invoice', operation: 'getAll', returnAll: true, options: {} },
		items: () => [{}],
		// pages of 100 until an empty one
		needs: Math.ceil(SIZE / 100) + 1,
	},
	{
		label: `update ${UPDATES} contacts`,
		records: UPDATES,
		seed: { contacts: UPDATES, prefix: 'Peer' },
		parameters: { resource: 'contact', operation: 'update', contactId: '={{ $json.contactId }}', updateFields: { name: '={{ $json.name }}' } },
		items: (state) => (state.contacts as IDataObject[]).map((contact, i) => ({ contactId: String(contact.ContactID), name: `Peer Renamed ${i}` })),
		needs: UPDATES,
	},
];

function skipped(why: string): BenchReport[] {
	return [{ title: "Peer: n8n's own Xero node", rows: [{ run: 'peer: n8n-nodes-base Xero', result: `skipped: ${why}` }], missed: [], notes: [`peer skipped: ${why}`] }];
}

export const suite: BenchSuite = {
	name: 'Peer',
	async run(): Promise<BenchReport[]> {
		if (!existsSync(NODE_FILE) || !existsSync(CREDENTIAL_FILE)) {
			return skipped(`no cached n8n install with n8n-nodes-base's Xero node at ${NODE_FILE} (scripts/e2e.sh makes it; BENCH_PEER_N8N points elsewhere)`);
		}
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const peer = new (require(NODE_FILE) as { Xero: new () => INodeType }).Xero();
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const credentialType = new (require(CREDENTIAL_FILE) as { XeroOAuth2Api: new () => ICredentialType }).XeroOAuth2Api();
		const packageTypes = loadPackageTypes();
		if (!packageTypes.credentials.some((type) => type.name === credentialType.name)) packageTypes.credentials.push(credentialType);
		const version = (require(join(N8N_HOME, 'node_modules/n8n-nodes-base/package.json')) as { version: string }).version;
		const { name: latency, model } = LATENCIES[0];
		// the scopes n8n's credential asks Xero for
		const scope = String(credentialType.properties.find((property) => property.name === 'scope')?.default ?? '');
		const rows: Array<Record<string, string | number>> = [];
		for (const task of TASKS) {
			const xero = await startRemoteSandbox(CLOCK_SCALE, model);
			try {
				if (task.seed) await control(xero, 'POST', 'seed', task.seed);
				const state = await control(xero, 'GET', 'state');
				const tenant = (state[DEMO_TENANT_ID] ?? {}) as IDataObject;
				const token = await webToken(xero, scope);
				const calls = { made: 0 };
				const nodeTypes = { 'bench.xeroPeer': redirected(peer, xero.url, calls) };
				const workflowNode = node("n8n's Xero", 'bench.xeroPeer', {
					parameters: { organizationId: DEMO_TENANT_ID, ...task.parameters } as never,
					credentials: { xeroOAuth2Api: { id: '2', name: 'peer' } },
				});
				const m = await measure(xero, CLOCK_SCALE, workflowNode, task.items(tenant), task.records, {
					nodeTypes,
					credentials: {
						xeroOAuth2Api: {
							clientId: xero.web.clientId,
							clientSecret: xero.web.clientSecret,
							accessTokenUrl: `${xero.url}/connect/token`,
							authUrl: `${xero.url}/identity/connect/authorize`,
							scope,
							authentication: 'header',
							grantType: 'authorizationCode',
							oauthTokenData: token,
						},
					},
				});
				if (process.env.BENCH_DEBUG && m.error) console.error(`[peer] ${task.label}: ${m.error}`);
				const firstRefusal = m.rateLimited > 0 ? m.calls - m.rateLimited + 1 : undefined;
				rows.push(
					row(`peer: ${task.label}`, latency, { ...m, calls: calls.made }, {
						'calls to finish': task.needs,
						// what it changed before it stopped, which its lost output no longer tells the user
						'records written': m.recordsWritten,
						'workflow failed': m.workflowFailed ? `yes${firstRefusal ? ` (429 at call ${firstRefusal})` : ''}` : 'no',
					}),
				);
			} finally {
				await closeRemoteSandbox(xero);
			}
		}
		return [
			{
				title: `Peer: n8n's own Xero node (n8n-nodes-base ${version}), same sandbox and limits`,
				rows,
				missed: [],
				notes: [
					'each task on a fresh organisation (fresh rate-limit window); "failed" counts the items without a result, including those never reached after the workflow stopped',
					"its requests go to the sandbox by rewriting the URL given to n8n's requestOAuth2 helper; nothing else of the node is changed",
				],
			},
		];
	},
};
