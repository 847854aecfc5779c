import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startVtigerSandbox, type VtigerSandbox } from '../../sandbox/vtiger';
import { runWorkflow, type RunWorkflowOptions, type WorkflowRun } from '../harness/runWorkflow';
import { chain, manualTrigger, node } from '../harness/workflows';
import { runningForBlock, standIn } from '../support/lifecycle';

export const CRM_NODE = 'CRM';

export interface CrmRun {
	run: WorkflowRun;
	main: INodeExecutionData[];
	errors: INodeExecutionData[];
}

export function credentialFor(crm: VtigerSandbox, overrides: IDataObject = {}) {
	return { instanceUrl: crm.url, username: crm.userName, accessKey: crm.accessKey, ...overrides };
}

export function moduleParam(module: string) {
	return { __rl: true, mode: 'name', value: module };
}

/** CRM Record's parameters for writing Xero records (Xero Sync's output) into a module, with what the test adds. */
export function fromXero(operation: string, module: string, extra: IDataObject = {}): INodeParameters {
	return { operation, module: moduleParam(module), inputMode: 'xero', ...extra } as INodeParameters;
}

/**
 * Start → CRM Record with the given parameters and input items. "Continue (using error output)" is on unless the
 * test says otherwise, so failed records can be read from the error output.
 */
export async function runCrm(
	crm: VtigerSandbox,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: RunWorkflowOptions & {
		onError?: 'continueErrorOutput' | 'stopWorkflow' | 'continueRegularOutput';
		/** Whole input items (e.g. with binary data), used instead of `input`. */
		items?: INodeExecutionData[];
	} = {},
): Promise<CrmRun> {
	const onError = options.onError ?? 'continueErrorOutput';
	const crmRecord = node(CRM_NODE, 'n8n-nodes-xero-crm.crmRecord', {
		position: [200, 0],
		parameters,
		credentials: { simplyCrmApi: { id: 'crm', name: 'CRM' } },
		...(onError === 'stopWorkflow' ? {} : { onError }),
	});
	const run = await runWorkflow(
		// Whole items (binary data and all) are pinned as given; plain input becomes items.
		{ ...chain([manualTrigger(), crmRecord]), pinData: { Start: options.items ?? input.map((json) => ({ json })) } },
		{ credentials: { simplyCrmApi: credentialFor(crm) }, ...options },
	);
	if (run.status !== 'success' && onError !== 'stopWorkflow') {
		throw new Error(`The workflow failed: ${run.error?.message ?? run.status}`);
	}
	const outputs = run.status === 'success' ? run.output(CRM_NODE) : [[], []];
	return { run, main: outputs[0] ?? [], errors: outputs[1] ?? [] };
}

export async function withSandbox(data: 'demo' | 'empty' = 'demo') {
	return await startVtigerSandbox({ port: 0, data });
}

export interface CrmHooks {
	/** A fresh CRM for each test (records and faults must not leak) rather than one for the block. */
	each?: boolean;
	/** Runs once the CRM is up, before the tests that use it: plant records, set its clock. */
	ready?: (crm: VtigerSandbox) => unknown;
}

/**
 * The CRM sandbox (withSandbox) of the describe block or file that calls this: started before its tests, closed
 * after them. The block holds it in a const, as it would a sandbox it started itself.
 */
export function crmForBlock(data: 'demo' | 'empty' = 'demo', hooks: CrmHooks = {}): VtigerSandbox {
	const started = runningForBlock(
		async () => {
			const crm = await withSandbox(data);
			await hooks.ready?.(crm);
			return crm;
		},
		(crm) => crm.close(),
		hooks.each,
	);
	return standIn(started);
}

/** How many times the CRM has answered an operation (create, revise, query…) so far. */
export function callsTo(crm: VtigerSandbox): (operation: string) => number {
	return (operation) => crm.state().calls[operation] ?? 0;
}

/**
 * A Xero sales invoice as Xero Sync's Get gives it, in USD (a demo CRM currency) with one line of the demo's BOOK
 * product. `series` (1–9) keeps a test file's InvoiceIDs apart from another's; `code` names its numbers INV-<code>-<n>.
 */
export function xeroBookInvoice(series: number, code: string, n: number, contact: { ContactID: string; Name: string }, extra: IDataObject = {}): IDataObject {
	return {
		Type: 'ACCREC',
		InvoiceID: `f${series}000000-0000-4000-8000-00000000000${n}`,
		InvoiceNumber: `INV-${code}-${n}`,
		Contact: contact,
		CurrencyCode: 'USD',
		Status: 'DRAFT',
		LineItems: [{ ItemCode: 'BOOK', Description: 'Book', Quantity: 1, UnitAmount: 10 }],
		...extra,
	};
}

export interface Failure {
	message: string;
	/** vtiger's own code and message where vtiger gave one, and how to fix it. */
	description: string;
	/** The sync-log entry (nodes/shared/syncLog.ts): app, result, action, flow, crmId, xeroId, message, code. */
	entry: IDataObject;
	itemIndex: number;
}

/** A failed item on the error branch: `{ ...input json, error: <sync-log entry>, message }`. */
export function failureOf(item: INodeExecutionData): Failure {
	const entry = item.json.error;
	if (entry === null || typeof entry !== 'object' || (entry as IDataObject).result !== 'Failed') {
		throw new Error(`Not a sync-log failure: ${JSON.stringify(item.json).slice(0, 300)}`);
	}
	const log = entry as IDataObject;
	return {
		message: String(log.message),
		description: String(log.details ?? ''),
		entry: log,
		itemIndex: (item.pairedItem as { item: number }).item,
	};
}

export function failuresByItem(items: INodeExecutionData[]): Record<number, Failure> {
	return Object.fromEntries(items.map((item) => [failureOf(item).itemIndex, failureOf(item)]));
}
