import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { resetXeroLimiters, setXeroClockScale } from '../../nodes/shared/xero/transport';
import { DEMO_TENANT_ID, startXeroSandbox } from '../../sandbox/xero';
import type { SandboxFaultSpec, XeroSandbox } from '../../sandbox/xero';
import { chain, manualTrigger, node, runWorkflow } from '../harness';

/**
 * The real side of the model-based checker: one Xero sandbox, reached through a small proxy that can change Xero
 * between the page reads of a Get (as another Xero user would), and real workflow executions of Xero Sync.
 */

/** Sandbox minutes per real minute: rate-limit windows, retries and token lifetimes must not dominate the budget. */
export const CLOCK_SCALE = 300;
const SYNC = 'Xero Sync';
/** Time between two steps (a schedule's interval), in wall-clock milliseconds of the records' timestamps. */
const STEP_GAP_MS = 10 * 60_000;

/** A CRM organisation as the CRM holds it; ContactNumber carries the CRM id, as the CRM mapping sends it. */
export interface CrmOrganisation {
	crmId: string;
	name: string;
}

/** A CRM invoice or bill; its key never changes (a new key is a new CRM record). */
export interface CrmInvoice {
	crmId: string;
	type: 'ACCPAY' | 'ACCREC';
	contact: string;
	number: string;
}

/**
 * Keys that collide on purpose: contact names equal but for case, bill numbers repeated across suppliers, a bill
 * key repeated across two CRM records with the supplier in another case, sales numbers repeated.
 */
export const ORGANISATIONS: CrmOrganisation[] = [
	{ crmId: '11x1', name: 'Alpha Traders' },
	{ crmId: '11x2', name: 'ALPHA TRADERS' },
	{ crmId: '11x3', name: 'Beta Foods' },
	{ crmId: '11x4', name: 'Beta FOODS' },
	{ crmId: '11x5', name: 'Gamma Ltd' },
];
export const INVOICES: CrmInvoice[] = [
	{ crmId: '7x1', type: 'ACCPAY', contact: 'Supplier One', number: 'INV-001' },
	{ crmId: '7x2', type: 'ACCPAY', contact: 'Supplier Two', number: 'INV-001' },
	{ crmId: '7x3', type: 'ACCPAY', contact: 'SUPPLIER ONE', number: 'INV-002' },
	{ crmId: '7x4', type: 'ACCPAY', contact: 'Supplier One', number: 'INV-002' },
	{ crmId: '7x5', type: 'ACCREC', contact: 'Customer One', number: 'SI-001' },
	{ crmId: '7x6', type: 'ACCREC', contact: 'Customer Two', number: 'SI-001' },
];
/** CRM-side renames: each organisation can be sent under its name or this variant. */
export const RENAMED = (name: string) => `${name} Group`;

/** The queries of "Changed Since Last Run", one per input item of one Get (each must keep its own cursor). */
export const CHANGE_QUERIES = ['', 'Name.StartsWith("Beta")'];

export type DuplicateHandling = 'skip' | 'update' | 'addSuffix';

/** A change made in Xero by someone else while a Get reads its pages. */
export interface PageMutation {
	/** before the read of this page (2 = between the first and the second page) */
	beforePage: number;
	kind: 'rename' | 'archive' | 'touch';
	/** picks one of the organisations' contacts present at that moment (modulo their count) */
	pick: number;
}

export interface SendOutcome {
	main: INodeExecutionData[];
	errors: INodeExecutionData[];
	status: string;
	inputs: IDataObject[];
}

export type Stored = IDataObject & { ContactID?: string; InvoiceID?: string };

function updatedMs(record: Stored): number {
	return Number(/\d+/.exec(String(record.UpdatedDateUTC))?.[0] ?? 0);
}

export class XeroWorld {
	readonly tenantId = DEMO_TENANT_ID;
	private proxyServer!: Server;
	proxyUrl = '';
	/** Mutations the proxy performs before a Get's page reads; emptied by each Get. */
	private pending: PageMutation[] = [];
	private renames = 0;

	private constructor(readonly xero: XeroSandbox) {}

	static async start(): Promise<XeroWorld> {
		setXeroClockScale(CLOCK_SCALE);
		resetXeroLimiters();
		// dailyLimit: this suite is about keys and faults; a forced 429-day still tests the daily limit.
		const xero = await startXeroSandbox({ port: 0, data: 'empty', validate: false, clockScale: CLOCK_SCALE, dailyLimit: 1_000_000 });
		const world = new XeroWorld(xero);
		await world.startProxy();
		return world;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => this.proxyServer.close(() => resolve()));
		await this.xero.close();
		setXeroClockScale(1);
	}

	/** A fresh organisation for the next history (tokens stay valid, limits and faults are cleared). */
	reset(): void {
		this.xero.reset('empty');
		this.xero.clearFaults();
		resetXeroLimiters();
		this.pending = [];
	}

	contacts(): Stored[] {
		return ((this.xero.state()[this.tenantId] as IDataObject).contacts as Stored[]) ?? [];
	}

	invoices(): Stored[] {
		return ((this.xero.state()[this.tenantId] as IDataObject).invoices as Stored[]) ?? [];
	}

	async send(
		resource: 'organisation' | 'invoice',
		inputs: IDataObject[],
		duplicateHandling: DuplicateHandling,
		batchSize: number,
	): Promise<SendOutcome> {
		const run = await this.run(
			{ resource, operation: 'send', inputMode: 'json', duplicateHandling, options: { batchSize } },
			inputs,
			this.xero.url,
		);
		return { ...run, inputs };
	}

	/** One Get "Changed Since Last Run" with one input item per query; the proxy applies `mutations` between pages. */
	async readChanges(
		staticData: IDataObject,
		pageSize: number,
		mutations: PageMutation[],
		queries: string[],
		overlapSeconds: number,
	): Promise<{ main: INodeExecutionData[]; errors: INodeExecutionData[]; status: string; staticData: IDataObject }> {
		this.pending = [...mutations];
		try {
			return await this.run(
				{
					resource: 'organisation',
					operation: 'get',
					getMode: 'changedSince',
					filters: { where: '={{ $json.where }}' },
					options: { pageSize, rawOutput: true, overlapSeconds },
				},
				queries.map((where) => ({ where })),
				this.proxyUrl,
				staticData,
			);
		} finally {
			this.pending = [];
		}
	}

	inject(fault: SandboxFaultSpec): void {
		this.xero.injectFault(fault);
	}

	/** After a step: no fault may leak into the next, and a forced daily limit must not lock out the rest. */
	afterStep(): void {
		this.xero.clearFaults();
		resetXeroLimiters();
		// Steps are a schedule's runs apart. Record timestamps follow the wall clock (unscaled), so without this a
		// whole history fits inside one "Overlap" window and a cursor that passes a record would go unnoticed.
		this.xero.advanceClock(STEP_GAP_MS * CLOCK_SCALE);
	}

	/** The contacts Xero returns for one change query now (its truth about which records are in scope). */
	async inScope(where: string): Promise<Stored[]> {
		const out: Stored[] = [];
		for (let page = 1; ; page++) {
			const qs = new URLSearchParams({ page: String(page), pageSize: '1000' });
			if (where) qs.set('where', where);
			const body = (await this.api('GET', `/Contacts?${qs.toString()}`)) as { Contacts: Stored[] };
			out.push(...body.Contacts);
			if (body.Contacts.length < 1000) return out;
		}
	}

	private async run(parameters: IDataObject, items: IDataObject[], baseUrl: string, staticData?: IDataObject) {
		const sync: INode = node(SYNC, 'n8n-nodes-xero-crm.xeroSync', {
			parameters: { authentication: 'customConnection', ...parameters } as INode['parameters'],
			credentials: { xeroCustomConnectionApi: { id: '2', name: 'Xero Custom Connection' } },
			onError: 'continueErrorOutput',
		});
		const credentials = {
			xeroCustomConnectionApi: { clientId: this.xero.clients.custom.clientId, clientSecret: this.xero.clients.custom.clientSecret, baseUrl },
		};
		const run = await runWorkflow(chain([manualTrigger(), sync], items), { credentials: credentials as never, staticData });
		let outputs: INodeExecutionData[][] = [[], []];
		try {
			outputs = run.output(SYNC);
		} catch {
			// the node did not run at all; the one-output-per-input check reports it
		}
		return { main: outputs[0] ?? [], errors: outputs[1] ?? [], status: run.status, staticData: run.staticData };
	}

	/** A call straight to the sandbox (not through the node), as another Xero user or app. */
	async api(method: string, path: string, body?: unknown): Promise<unknown> {
		const token = await this.xero.clientCredentialsToken();
		const response = await fetch(`${this.xero.url}/api.xro/2.0${path}`, {
			method,
			headers: {
				authorization: `Bearer ${token.access_token}`,
				'xero-tenant-id': this.tenantId,
				accept: 'application/json',
				...(body ? { 'content-type': 'application/json' } : {}),
			},
			body: body ? JSON.stringify(body) : undefined,
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
		return JSON.parse(text) as unknown;
	}

	/** Another Xero user changes one of the organisations' contacts (never a supplier or customer made by a bill). */
	private async mutate(mutation: PageMutation, since: number): Promise<void> {
		// Aim at the records this Get is reading (changed since its If-Modified-Since), oldest first: a change to one
		// on a page already read is what shifts the later pages.
		const candidates = this.contacts()
			.filter((c) => typeof c.ContactNumber === 'string' && c.ContactStatus === 'ACTIVE' && updatedMs(c) >= since)
			.sort((a, b) => updatedMs(a) - updatedMs(b));
		if (candidates.length === 0) return;
		const target = candidates[mutation.pick % candidates.length];
		const change: IDataObject = { ContactID: target.ContactID };
		if (mutation.kind === 'rename') change.Name = `${String(target.Name)} v${++this.renames}`;
		if (mutation.kind === 'archive') change.ContactStatus = 'ARCHIVED';
		if (mutation.kind === 'touch') change.EmailAddress = `edit${++this.renames}@example.com`;
		try {
			await this.api('POST', '/Contacts', { Contacts: [change] });
		} catch {
			// Xero may refuse (a name taken meanwhile); the checker judges what Xero holds, not what was tried
		}
	}

	private async startProxy(): Promise<void> {
		this.proxyServer = createServer((req, res) => void this.forward(req, res));
		await new Promise<void>((resolve) => this.proxyServer.listen(0, '127.0.0.1', () => resolve()));
		this.proxyUrl = `http://127.0.0.1:${(this.proxyServer.address() as AddressInfo).port}`;
	}

	private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const url = new URL(req.url ?? '/', this.proxyUrl);
		if (req.method === 'GET' && url.pathname === '/api.xro/2.0/Contacts') {
			const page = Number(url.searchParams.get('page') ?? '1');
			const due = this.pending.filter((m) => m.beforePage <= page);
			this.pending = this.pending.filter((m) => m.beforePage > page);
			const header = req.headers['if-modified-since'];
			const since = header ? Date.parse(String(header)) : 0;
			for (const mutation of due) await this.mutate(mutation, Number.isFinite(since) ? since - 1000 : 0);
		}
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (['host', 'connection', 'content-length', 'transfer-encoding'].includes(name) || value === undefined) continue;
			headers[name] = Array.isArray(value) ? value.join(', ') : value;
		}
		try {
			const answer = await fetch(`${this.xero.url}${req.url ?? '/'}`, {
				method: req.method,
				headers,
				body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
				redirect: 'manual',
			});
			const body = Buffer.from(await answer.arrayBuffer());
			const out: Record<string, string> = {};
			answer.headers.forEach((value, name) => {
				if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
			});
			res.writeHead(answer.status, out);
			res.end(body);
		} catch {
			// the sandbox dropped the connection (reset after commit): so does the proxy
			req.socket.destroy();
		}
	}
}
