import type { IDataObject, INode, INodeExecutionData, INodeType } from 'n8n-workflow';
import { chain, manualTrigger, runWorkflow } from '../test/harness';
import type { RunWorkflowOptions } from '../test/harness/runWorkflow';
import { naiveFloorSeconds, trueFloorSeconds } from './floor';
import { control, sandboxStats, type RemoteSandbox, type SandboxStats } from './remoteSandbox';

/**
 * One workflow run against a remote sandbox, with what the tables print. Xero time = wall × clock scale: the run is
 * made at a scale where the node's CPU, which the scale multiplies too, stays small next to it, and `cpuShare` says
 * how small (CPU × scale ÷ Xero time); a share above 10 % means the time overstates what Xero would take.
 */
export interface Measured extends SandboxStats {
	records: number;
	itemsOut: number;
	failed: number;
	workflowFailed: boolean;
	error?: string;
	realSeconds: number;
	xeroSeconds: number;
	cpuSeconds: number;
	cpuShare: number;
	floorSeconds: number;
	naiveFloorSeconds: number;
	rssPeakMb: number;
	scale: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export function isFailedItem(item: INodeExecutionData): boolean {
	return item.error !== undefined || item.json.error !== undefined || item.json.result === 'Failed';
}

export async function measure(
	xero: RemoteSandbox,
	scale: number,
	workflowNode: INode,
	items: IDataObject[],
	records: number,
	options: { nodeTypes?: Record<string, INodeType>; credentials?: RunWorkflowOptions['credentials'] } = {},
): Promise<Measured> {
	(global as { gc?: () => void }).gc?.();
	await control(xero, 'POST', 'stats/reset');
	let rssPeak = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
	}, 10);
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	let outputs: INodeExecutionData[][] = [];
	let workflowFailed = false;
	let error: string | undefined;
	try {
		const run = await runWorkflow(chain([manualTrigger(), workflowNode], items), {
			credentials: options.credentials ?? { xeroCustomConnectionApi: { clientId: xero.clientId, clientSecret: xero.clientSecret, baseUrl: xero.url } },
			nodeTypes: options.nodeTypes ?? {},
		});
		outputs = run.status === 'success' ? run.output(workflowNode.name) : [];
		workflowFailed = run.status !== 'success';
		error = run.error?.message;
	} finally {
		clearInterval(sampler);
	}
	const realSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const used = process.cpuUsage(cpu);
	rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
	const all = outputs.flat();
	const failed = workflowFailed ? records - all.filter((item) => !isFailedItem(item)).length : all.filter(isFailedItem).length;
	const stats = await sandboxStats(xero);
	const cpuSeconds = (used.user + used.system) / 1e6;
	const xeroSeconds = realSeconds * scale;
	return {
		...stats,
		records,
		itemsOut: all.length,
		failed,
		workflowFailed,
		error,
		realSeconds,
		xeroSeconds,
		cpuSeconds,
		cpuShare: (cpuSeconds * scale) / Math.max(xeroSeconds, 1e-9),
		floorSeconds: trueFloorSeconds(stats.latenciesMs.map((ms) => ms / 1000)),
		naiveFloorSeconds: naiveFloorSeconds(stats.calls - stats.rateLimited),
		rssPeakMb: mb(rssPeak),
		scale,
	};
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** the columns every table shares */
export function row(label: string, latency: string, m: Measured, extra: Record<string, string | number> = {}): Record<string, string | number> {
	return {
		run: label,
		latency,
		records: thousands(m.records),
		failed: thousands(m.failed),
		calls: thousands(m.calls),
		...extra,
		'429s': m.rateLimited,
		'Xero time (s)': m.xeroSeconds.toFixed(1),
		'true floor (s)': m.floorSeconds.toFixed(1),
		'calls÷60 (s)': m.naiveFloorSeconds.toFixed(1),
		'× true floor': (m.xeroSeconds / Math.max(m.floorSeconds, 1e-9)).toFixed(2),
		'CPU ms/item': ((m.cpuSeconds * 1000) / Math.max(m.records, 1)).toFixed(3),
		'CPU×scale share': `${(m.cpuShare * 100).toFixed(0)}%`,
		'peak RSS (MB)': m.rssPeakMb.toFixed(0),
	};
}
