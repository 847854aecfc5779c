import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { setXeroClockScale } from '../nodes/shared/xero/transport';
import { fork, type ChildProcess } from 'node:child_process';
import { DEMO_TENANT_ID, startXeroSandbox } from '../sandbox/xero';
import { chain, manualTrigger, node, runWorkflow } from '../test/harness';
import { NAIVE_NODE_TYPES, naiveNode } from './naivePerItem';
import { benchInvoice } from './invoices';
import type { BenchReport, BenchSuite } from './types';

/**
 * Scale: Xero Sync reads of 1,000 / 10,000 / 100,000 invoices and sends of 1,000 / 10,000 under the sandbox's Xero
 * limits (60 calls a minute, 5 in flight) with a scaled clock, next to the naive one-request-per-item baseline.
 * Besides calls and time it measures what grows with size: CPU per item and memory. Memory is the process's RSS,
 * sampled every 10 ms, before and at its peak during the run. The sandbox runs in a child process (this file, started
 * with SCALE_BENCH_SANDBOX set), so its copy of 100,000 invoices does not count against the node's memory.
 */
const CLOCK_SCALE = Number(process.env.BENCH_CLOCK_SCALE ?? 60);
const NAIVE_CLOCK_SCALE = Number(process.env.BENCH_NAIVE_CLOCK_SCALE ?? 600);
const XERO_LATENCY_S = Number(process.env.BENCH_XERO_LATENCY_S ?? 0.5);
const READ_SIZES = (process.env.BENCH_SCALE_READS ?? '1000,10000,100000').split(',').filter(Boolean).map(Number);
const SEND_SIZES = (process.env.BENCH_SCALE_SENDS ?? '1000,10000').split(',').filter(Boolean).map(Number);
const NAIVE_SIZES = (process.env.BENCH_SCALE_NAIVE ?? '1000,10000').split(',').filter(Boolean).map(Number);
const PAGE_SIZE = 1000;
const CALLS_PER_MINUTE = 60;
const MEMORY_LIMIT_MB = 1024;

interface RemoteSandbox {
	url: string;
	clientId: string;
	clientSecret: string;
	child: ChildProcess;
}

/** The child's side: a Xero sandbox on a free port, announced to the parent, until the parent ends it. */
async function serveSandbox(): Promise<void> {
	const scale = Number(process.env.SCALE_BENCH_SANDBOX);
	const xero = await startXeroSandbox({ port: 0, data: 'empty', validate: false, clockScale: scale, latencyMs: (XERO_LATENCY_S * 1000) / scale, dailyLimit: 1_000_000 });
	process.send?.({ url: xero.url, clientId: xero.clients.custom.clientId, clientSecret: xero.clients.custom.clientSecret });
	process.on('disconnect', () => void xero.close().then(() => process.exit(0)));
}

const DEBUG = process.env.BENCH_DEBUG ? (what: string) => console.error(`[scale ${new Date().toISOString()}] ${what}`) : () => {};

async function sandbox(scale: number): Promise<RemoteSandbox> {
	setXeroClockScale(scale);
	DEBUG('forking the sandbox');
	const child = fork(__filename, [], {
		env: { ...process.env, SCALE_BENCH_SANDBOX: String(scale) },
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const ready = await new Promise<{ url: string; clientId: string; clientSecret: string }>((resolve, reject) => {
		child.once('message', (message) => resolve(message as { url: string; clientId: string; clientSecret: string }));
		child.once('exit', (code) => reject(new Error(`the sandbox process ended with ${code}`)));
	});
	DEBUG(`sandbox ready at ${ready.url}`);
	return { ...ready, child };
}

async function control(xero: RemoteSandbox, method: 'GET' | 'POST', path: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${xero.url}/__sandbox/${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

async function closeSandbox(xero: RemoteSandbox): Promise<void> {
	DEBUG('closing the sandbox');
	await new Promise<void>((resolve) => {
		xero.child.once('exit', () => resolve());
		xero.child.disconnect();
	});
}

/** Seeded through the sandbox's normal rules, without HTTP calls or limits: reading them is measured, not writing. */
async function seedInvoices(xero: RemoteSandbox, count: number): Promise<void> {
	await control(xero, 'POST', 'seed', { contacts: 50, invoices: count, prefix: 'Scale' });
	DEBUG(`seeded ${count}`);
}

async function invoiceIds(xero: RemoteSandbox): Promise<string[]> {
	const state = await control(xero, 'GET', 'state');
	const invoices = ((state[DEMO_TENANT_ID] as IDataObject).invoices as IDataObject[]) ?? [];
	return invoices.map((invoice) => String(invoice.InvoiceID));
}

interface Measured {
	calls: number;
	rateLimited: number;
	items: number;
	failed: number;
	realSeconds: number;
	cpuSeconds: number;
	rssBeforeMb: number;
	rssPeakMb: number;
	scale: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

async function measure(xero: RemoteSandbox, scale: number, workflowNode: ReturnType<typeof node>, items: IDataObject[], naive = false): Promise<Measured> {
	(global as { gc?: () => void }).gc?.();
	await control(xero, 'POST', 'stats/reset');
	const rssBefore = process.memoryUsage().rss;
	let rssPeak = rssBefore;
	const sampler = setInterval(() => {
		rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
	}, 10);
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	let outputs: INodeExecutionData[][];
	try {
		const run = await runWorkflow(chain([manualTrigger(), workflowNode], items), {
			credentials: { xeroCustomConnectionApi: { clientId: xero.clientId, clientSecret: xero.clientSecret, baseUrl: xero.url } },
			nodeTypes: naive ? NAIVE_NODE_TYPES : {},
		});
		outputs = run.output(workflowNode.name);
	} finally {
		clearInterval(sampler);
	}
	const realSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const used = process.cpuUsage(cpu);
	rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
	const all = outputs.flat();
	const failed = all.filter((i) => i.error !== undefined || i.json.error !== undefined || i.json.result === 'Failed').length;
	const stats = await control(xero, 'GET', 'stats');
	const tenant = (stats.tenants as Record<string, { calls: number; rateLimited: number }>)[DEMO_TENANT_ID];
	return {
		calls: tenant?.calls ?? 0,
		rateLimited: tenant?.rateLimited ?? 0,
		items: all.length,
		failed,
		realSeconds,
		cpuSeconds: (used.user + used.system) / 1e6,
		rssBeforeMb: mb(rssBefore),
		rssPeakMb: mb(rssPeak),
		scale,
	};
}

const floorSeconds = (calls: number) => (calls / CALLS_PER_MINUTE) * 60;

function row(label: string, n: number, m: Measured): Record<string, string | number> {
	const xeroSeconds = m.realSeconds * m.scale;
	return {
		run: label,
		records: n,
		'items out': m.items,
		failed: m.failed,
		calls: m.calls,
		'429s': m.rateLimited,
		'Xero time (s)': xeroSeconds.toFixed(0),
		'floor (s)': floorSeconds(m.calls).toFixed(0),
		'× floor': (xeroSeconds / Math.max(floorSeconds(m.calls), 1e-9)).toFixed(2),
		'wall (s)': m.realSeconds.toFixed(1),
		'CPU ms/item': ((m.cpuSeconds * 1000) / Math.max(n, 1)).toFixed(3),
		'RSS before (MB)': m.rssBeforeMb.toFixed(0),
		'RSS peak (MB)': m.rssPeakMb.toFixed(0),
		'RSS growth (MB)': (m.rssPeakMb - m.rssBeforeMb).toFixed(0),
	};
}

function syncNode(parameters: IDataObject) {
	return node('Xero Sync', 'n8n-nodes-xero-crm.xeroSync', {
		parameters: { authentication: 'customConnection', ...parameters } as never,
		credentials: { xeroCustomConnectionApi: { id: '1', name: 'bench' } },
		onError: 'continueErrorOutput',
	});
}


export const suite: BenchSuite = {
	name: 'Scale',
	async run(): Promise<BenchReport[]> {
		const readRows: Array<Record<string, string | number>> = [];
		const sendRows: Array<Record<string, string | number>> = [];
		const missed: string[] = [];
		// The first execution also loads n8n-core and the package; that is start-up, not per-item cost.
		const warm = await sandbox(CLOCK_SCALE);
		try {
			await seedInvoices(warm, 100);
			await measure(warm, CLOCK_SCALE, syncNode({ resource: 'invoice', operation: 'get', getMode: 'many', returnAll: true }), [{}]);
			await measure(warm, CLOCK_SCALE, naiveNode('read'), (await invoiceIds(warm)).slice(0, 5).map((id) => ({ id })), true);
		} finally {
			await closeSandbox(warm);
		}
		for (const n of READ_SIZES) {
			const xero = await sandbox(CLOCK_SCALE);
			try {
				await seedInvoices(xero, n);
				const read = await measure(xero, CLOCK_SCALE, syncNode({ resource: 'invoice', operation: 'get', getMode: 'many', returnAll: true, options: { pageSize: PAGE_SIZE } }), [{}]);
				readRows.push(row(`Xero Sync read, pageSize ${PAGE_SIZE}`, n, read));
				if (read.items !== n || read.failed > 0) missed.push(`read ${n}: ${read.items} items out, ${read.failed} failed`);
				if (read.calls > Math.ceil(n / PAGE_SIZE) + 1) missed.push(`read ${n}: ${read.calls} calls > ${Math.ceil(n / PAGE_SIZE) + 1}`);
				if (read.rssPeakMb > MEMORY_LIMIT_MB) missed.push(`read ${n}: peak RSS ${read.rssPeakMb.toFixed(0)} MB > ${MEMORY_LIMIT_MB} MB`);
				if (NAIVE_SIZES.includes(n)) {
					const naiveXero = await sandbox(NAIVE_CLOCK_SCALE);
					try {
						await seedInvoices(naiveXero, n);
						const ids = await invoiceIds(naiveXero);
						const naive = await measure(naiveXero, NAIVE_CLOCK_SCALE, naiveNode('read'), ids.map((id) => ({ id })), true);
						readRows.push(row('naive: one GET per record', n, naive));
					} finally {
						await closeSandbox(naiveXero);
						setXeroClockScale(CLOCK_SCALE);
					}
				}
			} finally {
				await closeSandbox(xero);
			}
		}
		for (const n of SEND_SIZES) {
			const items = Array.from({ length: n }, (_, i) => benchInvoice(i, 'SEND', 'Scale Customer', 50));
			const xero = await sandbox(CLOCK_SCALE);
			try {
				const sent = await measure(xero, CLOCK_SCALE, syncNode({ resource: 'invoice', operation: 'send', inputMode: 'json' }), items);
				sendRows.push(row('Xero Sync send (batched upsert)', n, sent));
				if (sent.failed > 0) missed.push(`send ${n}: ${sent.failed} failed`);
				if (sent.calls > Math.ceil(n / 50) + 2) missed.push(`send ${n}: ${sent.calls} calls > ${Math.ceil(n / 50) + 2}`);
			} finally {
				await closeSandbox(xero);
			}
			if (NAIVE_SIZES.includes(n)) {
				const naiveXero = await sandbox(NAIVE_CLOCK_SCALE);
				try {
					const naive = await measure(naiveXero, NAIVE_CLOCK_SCALE, naiveNode('send'), items, true);
					sendRows.push(row('naive: one PUT per record', n, naive));
				} finally {
					await closeSandbox(naiveXero);
				}
			}
		}
		setXeroClockScale(1);
		const notes = [
			`${new Date().toISOString()}, Node ${process.version}, ${process.platform}/${process.arch}; clock scale ${CLOCK_SCALE} (naive ${NAIVE_CLOCK_SCALE}), sandbox latency ${XERO_LATENCY_S} s per call`,
			'floor = calls ÷ 60 a minute (Xero per-tenant limit); Xero time = wall × clock scale; CPU and RSS are the n8n process only (the sandbox runs in a child process)',
			`memory limit for the largest read: ${MEMORY_LIMIT_MB} MB peak RSS of the n8n process (the sandbox runs in its own process)`,
		];
		return [
			{ title: 'Scale: read invoices (Get many, return all)', rows: readRows, missed: missed.filter((m) => m.startsWith('read')), notes },
			{ title: 'Scale: send invoices', rows: sendRows, missed: missed.filter((m) => m.startsWith('send')) },
		];
	},
};

if (process.env.SCALE_BENCH_SANDBOX) void serveSandbox();
