import type { IDataObject, INodeType } from 'n8n-workflow';
import { resetXeroLimiters, setXeroClockScale } from '../nodes/shared/xero/transport';
import { DEMO_TENANT_ID, startXeroSandbox } from '../sandbox/xero';
import type { XeroSandbox } from '../sandbox/xero';
import { chain, manualTrigger, node, runWorkflow } from '../test/harness';
import { NAIVE_NODE_TYPES, naiveNode } from './naivePerItem';
import { benchInvoice } from './invoices';
import type { BenchReport, BenchSuite } from './types';

/**
 * Xero Sync against the in-process sandbox under Xero's limits (60 calls a minute, 5 in flight, 5,000 a day), with
 * a scaled clock so minutes pass in seconds. Times are reported in sandbox seconds (what they would take against
 * Xero) and real seconds. The rate-limit floor is the time the calls need at Xero's sustained 60 a minute.
 * The sandbox answers every call after `XERO_LATENCY_S` sandbox seconds, like a real API, so neither side of the
 * comparison gets free round trips.
 */
// Low enough that this machine's CPU time, multiplied by the scale, stays small next to the rate-limit floor; at
// scale 1 (real Xero) the node's CPU is a few percent of it.
const CLOCK_SCALE = Number(process.env.BENCH_CLOCK_SCALE ?? 10);
const NAIVE_CLOCK_SCALE = Number(process.env.BENCH_NAIVE_CLOCK_SCALE ?? 300);
const XERO_LATENCY_S = Number(process.env.BENCH_XERO_LATENCY_S ?? 0.5);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const PAGE_SIZE = 1000;
const CALLS_PER_MINUTE = 60;

interface Measured {
	calls: number;
	rateLimited: number;
	ok: number;
	failed: number;
	realSeconds: number;
	cpuSeconds: number;
	scale: number;
}

async function measure(
	xero: XeroSandbox,
	scale: number,
	workflowNode: ReturnType<typeof node>,
	items: IDataObject[],
	extraTypes: Record<string, INodeType> = {},
): Promise<Measured> {
	xero.resetStats();
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	const run = await runWorkflow(chain([manualTrigger(), workflowNode], items), {
		credentials: {
			xeroCustomConnectionApi: {
				clientId: xero.clients.custom.clientId,
				clientSecret: xero.clients.custom.clientSecret,
				baseUrl: xero.url,
			},
		},
		nodeTypes: extraTypes,
	});
	const realSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const used = process.cpuUsage(cpu);
	const outputs = run.output(workflowNode.name);
	const all = outputs.flat();
	const failed = all.filter((i) => i.error !== undefined || i.json.error !== undefined || i.json.result === 'Failed').length;
	const tenant = xero.stats().tenants[DEMO_TENANT_ID];
	return {
		calls: tenant?.calls ?? 0,
		rateLimited: tenant?.rateLimited ?? 0,
		ok: all.length - failed,
		failed,
		realSeconds,
		cpuSeconds: (used.user + used.system) / 1e6,
		scale,
	};
}

const floorSeconds = (calls: number) => (calls / CALLS_PER_MINUTE) * 60;
const fixed = (value: number, digits = 1) => value.toFixed(digits);

function row(label: string, n: number, m: Measured, callTarget?: number): Record<string, string | number> {
	const sandboxSeconds = m.realSeconds * m.scale;
	return {
		run: label,
		records: n,
		ok: m.ok,
		failed: m.failed,
		'API calls': m.calls,
		'call target': callTarget ?? '',
		'429s': m.rateLimited,
		'Xero time (s)': fixed(sandboxSeconds),
		'floor (s)': fixed(floorSeconds(m.calls)),
		'× floor': fixed(sandboxSeconds / Math.max(floorSeconds(m.calls), 1e-9), 2),
		'wall (s)': fixed(m.realSeconds, 2),
		'CPU (s)': fixed(m.cpuSeconds, 2),
	};
}

function syncNode(parameters: IDataObject) {
	return node('Xero Sync', 'n8n-nodes-xero-crm.xeroSync', {
		parameters: { authentication: 'customConnection', ...parameters } as never,
		credentials: { xeroCustomConnectionApi: { id: '1', name: 'bench' } },
		onError: 'continueErrorOutput',
	});
}

/** A fresh organisation: the transport's per-tenant window must not carry calls over from the previous run. */
async function sandbox(scale: number, dailyLimit?: number): Promise<XeroSandbox> {
	setXeroClockScale(scale);
	resetXeroLimiters();
	return startXeroSandbox({ port: 0, data: 'empty', validate: false, clockScale: scale, latencyMs: (XERO_LATENCY_S * 1000) / scale, dailyLimit });
}

export const suite: BenchSuite = {
	name: 'Xero Sync',
	async run(): Promise<BenchReport[]> {
		const sendRows: Array<Record<string, string | number>> = [];
		const readRows: Array<Record<string, string | number>> = [];
		const missed: string[] = [];
		const notes: string[] = [
			`clock scale ${CLOCK_SCALE} (naive baseline ${NAIVE_CLOCK_SCALE}); sandbox latency ${XERO_LATENCY_S} s per call; times in sandbox seconds = what Xero would take`,
			'floor = API calls ÷ 60 a minute; CPU includes the in-process sandbox',
			"naive 10,000: Xero's 5,000-calls-a-day limit stops it halfway; the rest would have to wait for the next day",
		];
		// The first workflow run loads and compiles the package's nodes; that is not the node's cost.
		const warm = await sandbox(CLOCK_SCALE);
		await measure(warm, CLOCK_SCALE, syncNode({ resource: 'invoice', operation: 'send', inputMode: 'json' }), [benchInvoice(0, 'BENCH', 'Bench Customer', 25)]);
		await warm.close();
		for (const n of SIZES) {
			const items = Array.from({ length: n }, (_, i) => benchInvoice(i, 'BENCH', 'Bench Customer', 25));
			const xero = await sandbox(CLOCK_SCALE);
			try {
				const sent = await measure(xero, CLOCK_SCALE, syncNode({ resource: 'invoice', operation: 'send', inputMode: 'json' }), items);
				const target = Math.ceil(n / 50) + 2;
				sendRows.push(row('Xero Sync send', n, sent, target));
				if (sent.calls > target) missed.push(`send ${n}: ${sent.calls} calls > ${target}`);
				if (sent.failed > 0) missed.push(`send ${n}: ${sent.failed} records failed`);
				const ratio = (sent.realSeconds * CLOCK_SCALE) / floorSeconds(sent.calls);
				if (n >= 10000 && ratio > 1.15) missed.push(`send ${n}: ${ratio.toFixed(2)}× the rate-limit floor > 1.15×`);

				const read = await measure(
					xero,
					CLOCK_SCALE,
					syncNode({ resource: 'invoice', operation: 'get', getMode: 'many', returnAll: true, options: { pageSize: PAGE_SIZE } }),
					[{}],
				);
				const readTarget = Math.ceil(n / PAGE_SIZE) + 1;
				readRows.push(row(`Xero Sync read (pageSize ${PAGE_SIZE})`, n, read, readTarget));
				if (read.ok !== n) missed.push(`read ${n}: got ${read.ok} records`);
				if (read.calls > readTarget) missed.push(`read ${n}: ${read.calls} calls > ${readTarget}`);
			} finally {
				await xero.close();
			}

			const naiveXero = await sandbox(NAIVE_CLOCK_SCALE);
			try {
				const naive = await measure(naiveXero, NAIVE_CLOCK_SCALE, naiveNode('send'), items, NAIVE_NODE_TYPES);
				sendRows.push(row('naive: one request per item', n, naive));
				const batched = sendRows[sendRows.length - 2];
				sendRows.push({
					run: 'naive ÷ Xero Sync',
					records: n,
					'API calls': fixed(naive.calls / Number(batched['API calls']), 1),
					'Xero time (s)': fixed((naive.realSeconds * NAIVE_CLOCK_SCALE) / Number(batched['Xero time (s)']), 1),
				});
			} finally {
				await naiveXero.close();
			}
		}
		setXeroClockScale(1);
		return [
			{ title: 'Send invoices (batched upsert) vs one request per item', rows: sendRows, missed, notes },
			{ title: 'Read invoices (Get many, return all)', rows: readRows, missed: [] },
		];
	},
};
