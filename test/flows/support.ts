import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { startVtigerSandbox, type VtigerSandbox } from '../../sandbox/vtiger';
import { startXeroSandbox, DEMO_TENANT_ID, type XeroSandbox } from '../../sandbox/xero';
import { runWorkflow, type WorkflowJson, type WorkflowRun } from '../harness';
import { runningForBlock } from '../support/lifecycle';

export const FAILURE_LOG = 'Log failure in CRM (Xero Logs)';

/**
 * An example workflow from examples/, exactly as a user imports it, with its Schedule trigger swapped for a manual
 * trigger of the same name (the harness starts from that), so these tests prove the shipped examples.
 */
export function loadExample(file: string): WorkflowJson {
	const workflow = JSON.parse(readFileSync(join(__dirname, '../../examples', file), 'utf8')) as WorkflowJson;
	// Sticky notes only explain; n8n never runs them and the harness has no such node type.
	const nodes = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map(
		(node): INode =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }
				: node,
	);
	return { ...workflow, nodes };
}

export interface Sandboxes {
	xero: XeroSandbox;
	crm: VtigerSandbox;
	close(): Promise<void>;
}

export async function startSandboxes(): Promise<Sandboxes> {
	const xero = await startXeroSandbox({ port: 0, data: 'demo', validate: true, clockScale: 60 });
	const crm = await startVtigerSandbox({ port: 0, data: 'demo' });
	return {
		xero,
		crm,
		async close() {
			await Promise.all([xero.close(), crm.close()]);
		},
	};
}

/**
 * Fresh sandboxes for each test of the describe block that calls this, closed after each test. The object stays the
 * same while the sandboxes behind it change, so a block can hold it in a const and hand it to runFlow and the checks.
 */
export function sandboxesForEachTest(): Sandboxes {
	const started = runningForBlock(startSandboxes, (sandboxes) => sandboxes.close(), true);
	return {
		get xero() {
			return started().xero;
		},
		get crm() {
			return started().crm;
		},
		// A test may swap in a CRM of another shape (one without a module, say) for the rest of its run.
		set crm(crm: VtigerSandbox) {
			started().crm = crm;
		},
		close: () => started().close(),
	};
}

export function credentials(sandboxes: Sandboxes) {
	const { xero, crm } = sandboxes;
	return {
		xeroCustomConnectionApi: { clientId: xero.clients.custom.clientId, clientSecret: xero.clients.custom.clientSecret, baseUrl: xero.url },
		simplyCrmApi: { instanceUrl: crm.url, username: crm.userName, accessKey: crm.accessKey },
	};
}

export interface FlowRun {
	run: WorkflowRun;
	/** Items on a node's main output (empty when the node did not run). */
	main(node: string): INodeExecutionData[];
	/** Items on a node's error output. */
	errors(node: string): INodeExecutionData[];
	/** The sync-log entries that reached the failure log: every error output wired to it, in node order. */
	logged(): IDataObject[];
	staticData: IDataObject;
}

export async function runFlow(sandboxes: Sandboxes, workflow: WorkflowJson, staticData: IDataObject = {}): Promise<FlowRun> {
	const run = await runWorkflow(workflow, { credentials: credentials(sandboxes) as never, staticData });
	if (run.status !== 'success') throw new Error(`The flow stopped: ${run.error?.message ?? run.status}`);
	const ran = (node: string) => node in run.raw.data.resultData.runData;
	const outputIndex = (node: string, index: number) => (ran(node) ? (run.output(node)[index] ?? []) : []);
	return {
		run,
		main: (node) => outputIndex(node, 0),
		errors: (node) => outputIndex(node, 1),
		logged: () =>
			workflow.nodes
				.filter((node) => (workflow.connections[node.name]?.main?.[1] ?? []).some((link) => link?.node === FAILURE_LOG))
				.flatMap((node) => outputIndex(node.name, 1))
				.map((item) => (item.json.error ?? {}) as IDataObject),
		staticData: run.staticData,
	};
}

/** Xero's stored records for the demo tenant (state, not an API read). */
export function xeroStored(xero: XeroSandbox, collection: 'contacts' | 'invoices' | 'items' | 'accounts' | 'quotes' | 'payments' | 'purchaseOrders' | 'creditNotes'): IDataObject[] {
	const tenant = xero.state()[DEMO_TENANT_ID] as IDataObject | undefined;
	return (tenant?.[collection] as IDataObject[] | undefined) ?? [];
}

export function crmRecords(crm: VtigerSandbox, module: string): IDataObject[] {
	return crm.records(module) as IDataObject[];
}

/** Every write the CRM has answered so far (create, revise, update): a run that changes nothing adds none. */
export function crmWrites(crm: VtigerSandbox): number {
	const calls = crm.state().calls as Record<string, number>;
	return (calls.create ?? 0) + (calls.revise ?? 0) + (calls.update ?? 0);
}

export function countBy<T>(values: T[]): Map<T, number> {
	const counts = new Map<T, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}
