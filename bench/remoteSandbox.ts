import { fork, type ChildProcess } from 'node:child_process';
import type { IDataObject } from 'n8n-workflow';
import { DEMO_TENANT_ID, startXeroSandbox, type LatencyModel } from '../sandbox/xero';

/**
 * A Xero sandbox in a child process (this file, started with BENCH_SANDBOX set), so its CPU and its copy of 100,000
 * invoices count against neither the node's CPU per item nor its memory.
 */
export interface RemoteSandbox {
	url: string;
	clientId: string;
	clientSecret: string;
	/** the OAuth2 web app client, for nodes that use an authorization-code credential */
	web: { clientId: string; clientSecret: string };
	child: ChildProcess;
}

type Announced = Omit<RemoteSandbox, 'child'>;

export interface SandboxStats {
	calls: number;
	rateLimited: number;
	writes: number;
	recordsWritten: number;
	latenciesMs: number[];
}

async function serve(): Promise<void> {
	const { scale, latency } = JSON.parse(String(process.env.BENCH_SANDBOX)) as { scale: number; latency: LatencyModel };
	// the day limit is lifted: a 10,000-record re-send makes more calls than one Xero day allows, and the bench
	// measures minutes, not days
	const xero = await startXeroSandbox({ port: 0, data: 'empty', validate: false, clockScale: scale, latency, dailyLimit: 1_000_000 });
	const announced: Announced = {
		url: xero.url,
		clientId: xero.clients.custom.clientId,
		clientSecret: xero.clients.custom.clientSecret,
		web: { clientId: xero.clients.web.clientId, clientSecret: xero.clients.web.clientSecret },
	};
	process.send?.(announced);
	process.on('disconnect', () => void xero.close().then(() => process.exit(0)));
}

export async function startRemoteSandbox(scale: number, latency: LatencyModel): Promise<RemoteSandbox> {
	const child = fork(__filename, [], {
		env: { ...process.env, BENCH_SANDBOX: JSON.stringify({ scale, latency }) },
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const ready = await new Promise<Announced>((resolve, reject) => {
		child.once('message', (message) => resolve(message as Announced));
		child.once('exit', (code) => reject(new Error(`the sandbox process ended with ${code}`)));
	});
	return { ...ready, child };
}

export async function control(xero: RemoteSandbox, method: 'GET' | 'POST', path: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${xero.url}/__sandbox/${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${JSON.stringify(json)}`);
	return json;
}

export async function sandboxStats(xero: RemoteSandbox): Promise<SandboxStats> {
	const stats = await control(xero, 'GET', 'stats');
	const tenant = (stats.tenants as Record<string, SandboxStats | undefined>)[DEMO_TENANT_ID];
	return tenant ?? { calls: 0, rateLimited: 0, writes: 0, recordsWritten: 0, latenciesMs: [] };
}

export async function closeRemoteSandbox(xero: RemoteSandbox): Promise<void> {
	if (xero.child.exitCode !== null) return;
	await new Promise<void>((resolve) => {
		xero.child.once('exit', () => resolve());
		xero.child.disconnect();
	});
}

if (process.env.BENCH_SANDBOX) void serve();
