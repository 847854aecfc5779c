import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { logEntryOf } from '../../nodes/shared/syncLog';
import type { SyncLogEntry } from '../../nodes/shared/syncLog';
import { resetXeroLimiters, setXeroClockScale } from '../../nodes/shared/xero/transport';
import { startXeroSandbox, DEMO_TENANT_ID } from '../../sandbox/xero';
import type { XeroSandbox, XeroSandboxOptions } from '../../sandbox/xero';
import { benchInvoice } from '../../bench/invoices';
import { chain, manualTrigger, node, runWorkflow } from '../harness';
import type { WorkflowRun } from '../harness';
import { runningForBlock, standIn } from '../support/lifecycle';
import { customConnectionCredentials, oAuth2Credentials } from '../support/xeroCredentials';

export { DEMO_TENANT_ID };
export const SYNC = 'Xero Sync';

/** The sandbox the Xero Sync tests run against; every request and response is checked against Xero's OpenAPI. */
export function startSandbox(options: XeroSandboxOptions = {}): Promise<XeroSandbox> {
	const clockScale = options.clockScale ?? 60;
	// The transport waits (pacing, Retry-After, backoff) on the same scaled clock, and forgets earlier sandboxes' windows.
	setXeroClockScale(clockScale);
	resetXeroLimiters();
	return startXeroSandbox({ port: 0, data: 'demo', validate: true, ...options, clockScale });
}

export interface BlockHooks {
	/** Runs once the sandbox is up, before the tests that use it: seed records, look up what they need. */
	ready?: (xero: XeroSandbox) => unknown;
}

function startReady(options: XeroSandboxOptions, hooks: BlockHooks): () => Promise<XeroSandbox> {
	return async () => {
		const xero = await startSandbox(options);
		await hooks.ready?.(xero);
		return xero;
	};
}

/**
 * The sandbox (startSandbox with these options) of the describe block that calls this, started before its tests
 * and closed after them; the block holds it in a const, as it would a sandbox it started itself.
 */
export function sandboxForBlock(options: XeroSandboxOptions = {}, hooks: BlockHooks = {}): XeroSandbox {
	return standIn(runningForBlock(startReady(options, hooks), (xero) => xero.close()));
}

/** The same, but a fresh sandbox for each test of the block. */
export function sandboxForEachTest(options: XeroSandboxOptions = {}, hooks: BlockHooks = {}): XeroSandbox {
	return standIn(runningForBlock(startReady(options, hooks), (xero) => xero.close(), true));
}

// The credentials a user saves for the sandbox, under the names these tests have always used.
export { customConnectionCredentials as customCredentials, oAuth2Credentials as oauthCredentials } from '../support/xeroCredentials';

/** Send Invoice with the sales invoice's values typed into the node's fields (not JSON, not a CRM record). */
export const SEND_SALES_INVOICE_FIELDS = { resource: 'invoice', operation: 'send', inputMode: 'fields', invoiceType: 'ACCREC' };

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface SyncRunOptions {
	onError?: OnError;
	staticData?: IDataObject;
	auth?: 'oAuth2' | 'customConnection';
	tenantId?: string;
}

/** Runs Manual Trigger → Xero Sync with `items` pinned on the trigger. */
export async function runSync(
	xero: XeroSandbox,
	parameters: IDataObject,
	items: IDataObject[],
	options: SyncRunOptions = {},
): Promise<WorkflowRun & { main: INodeExecutionData[]; errors: INodeExecutionData[] }> {
	const auth = options.auth ?? 'customConnection';
	const credentials: Record<string, IDataObject> =
		auth === 'oAuth2' ? { xeroSyncOAuth2Api: await oAuth2Credentials(xero) } : { xeroCustomConnectionApi: customConnectionCredentials(xero) };
	const sync: INode = node(SYNC, 'n8n-nodes-xero-crm.xeroSync', {
		parameters: {
			authentication: auth,
			...(auth === 'oAuth2' ? { tenant: { __rl: true, mode: 'id', value: options.tenantId ?? DEMO_TENANT_ID } } : {}),
			...parameters,
		} as INode['parameters'],
		credentials:
			auth === 'oAuth2'
				? { xeroSyncOAuth2Api: { id: '1', name: 'Xero OAuth2' } }
				: { xeroCustomConnectionApi: { id: '2', name: 'Xero Custom Connection' } },
		onError: options.onError ?? 'continueErrorOutput',
	});
	const run = await runWorkflow(chain([manualTrigger(), sync], items.length > 0 ? items : [{}]), {
		credentials: credentials as never,
		staticData: options.staticData,
	});
	const outputs = run.status === 'error' && !hasRun(run) ? [[], []] : run.output(SYNC);
	const main = outputs[0] ?? [];
	const errors = outputs[1] ?? [];
	// The node's promise, checked on every run that did not stop: one output per input for Send and Get-one.
	const oneToOne = parameters.operation === 'send' || parameters.getMode === 'one';
	if (oneToOne && run.status !== 'error') expectOneOutputPerInput(main, errors, Math.max(items.length, 1));
	return Object.assign(run, { main, errors });
}

function hasRun(run: WorkflowRun): boolean {
	try {
		run.output(SYNC);
		return true;
	} catch {
		return false;
	}
}

/**
 * Send's parameters for records given as JSON, with the test file's own defaults (duplicate handling, say); the
 * returned function takes what one test changes on top of them.
 */
export function sendJson(resource: string, defaults: IDataObject = {}): (extra?: IDataObject) => IDataObject {
	return (extra = {}) => ({ resource, operation: 'send', inputMode: 'json', ...defaults, ...extra });
}

/** Seeds the sandbox through Xero Sync's own Send (JSON input); every record must go in. Returns what Xero answered. */
export async function sendAll(xero: XeroSandbox, resource: string, items: IDataObject[]): Promise<IDataObject[]> {
	const sent = await runSync(xero, sendJson(resource)(), items);
	expect(sent.errors).toEqual([]);
	return sent.main.map((item) => item.json);
}

/** The invariant of every Send: each input item ends as exactly one output item, on main or error. */
export function expectOneOutputPerInput(main: INodeExecutionData[], errors: INodeExecutionData[], inputCount: number): void {
	const seen = [...main, ...errors].map((item) => {
		const paired = item.pairedItem as { item: number } | undefined;
		return paired?.item;
	});
	expect(seen.length).toBe(inputCount);
	expect([...seen].sort((a, b) => Number(a) - Number(b))).toEqual([...Array(inputCount).keys()]);
}

export function stats(xero: XeroSandbox, tenantId = DEMO_TENANT_ID) {
	return xero.stats().tenants[tenantId] ?? { calls: 0, writes: 0, byPath: {} as Record<string, number>, rateLimited: 0 };
}

/**
 * A 2-line DRAFT sales invoice as Xero Sync's "Xero JSON" input takes it: the benchmarks' invoice, numbered like a
 * CRM invoice.
 */
export function invoiceJson(n: number, extra: IDataObject = {}): IDataObject {
	return { ...benchInvoice(n, 'CRM-INV', 'Bench Customer', 7), crmId: `7x${1000 + n}`, InvoiceNumber: `CRM-INV-${String(n).padStart(5, '0')}`, Status: 'DRAFT', ...extra };
}

/** Records as the sandbox stores them (Xero's internal state, not an API read, so no calls are counted). */
export function stored(
	xero: XeroSandbox,
	collection: 'contacts' | 'invoices' | 'items' | 'accounts' | 'payments' | 'quotes' | 'purchaseOrders' | 'creditNotes',
	tenantId = DEMO_TENANT_ID,
): IDataObject[] {
	const tenant = xero.state()[tenantId] as IDataObject | undefined;
	return (tenant?.[collection] as IDataObject[] | undefined) ?? [];
}

/** The sync-log entry of a failed item (on either output); fails the test when the item is not a failure. */
export function entry(item: INodeExecutionData): SyncLogEntry {
	const found = logEntryOf(item);
	if (!found) throw new Error(`Not a sync-log failure: ${JSON.stringify(item.json).slice(0, 300)}`);
	return found;
}

/** A quote as Xero Sync's "Xero JSON" input takes it, numbered like a CRM quote. */
export function quoteJson(n: number, extra: IDataObject = {}): IDataObject {
	return {
		crmId: `4x${2000 + n}`,
		Contact: { Name: `Quote Customer ${n % 3}` },
		QuoteNumber: `QUO${n + 1}`,
		Title: `Fit-out ${n}`,
		Date: '2026-11-01',
		ExpiryDate: '2026-11-30',
		Status: 'DRAFT',
		LineItems: [
			{ Description: `Desks ${n}`, Quantity: 2, UnitAmount: 150 + n, AccountCode: '200' },
			{ Description: 'Delivery', Quantity: 1, UnitAmount: 40, AccountCode: '200' },
		],
		...extra,
	};
}
