import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { XeroSandbox } from '../../sandbox/xero';
import { DEMO_TENANT_ID, startXeroSandbox } from '../../sandbox/xero';
import type { ApiClient } from '../../sandbox/xero/testing/apiClient';
import { apiClient } from '../../sandbox/xero/testing/apiClient';
import { resetXeroLimiters } from '../../nodes/shared/xero/transport';
import { customConnectionCredentials } from '../support/xeroCredentials';
import type { ResponseLike } from './triggerHarness';
import { TriggerRunner } from './triggerHarness';

const KEY = 'sandbox-signing-key-for-trigger-tests-0123456789==';

/** Express's status()/end() over a plain Node response, so the sandbox sees exactly what the node answers. */
class NodeResponse implements ResponseLike {
	constructor(private readonly res: ServerResponse) {}

	status(code: number): this {
		this.res.statusCode = code;
		return this;
	}

	end(body?: Buffer | string): this {
		this.res.end(body);
		return this;
	}
}

let xero: XeroSandbox;
let api: ApiClient;
let server: Server;
let runner: TriggerRunner;
let started: INodeExecutionData[][] = [];
/** The node answers Xero before it fetches the records, so a delivery is answered before the node is done. */
const handling = new Set<Promise<void>>();

async function deliveredAndHandled(): Promise<void> {
	await xero.flushWebhooks();
	while (handling.size > 0) await Promise.all([...handling]);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

beforeAll(async () => {
	xero = await startXeroSandbox({ port: 0, clockScale: 1, data: 'demo', validate: true });
	server = createServer((req, res) => {
		const handled = (async () => {
			const rawBody = await readBody(req);
			const { result } = await runner.webhook(
				{ method: req.method, headers: req.headers, rawBody },
				new NodeResponse(res),
			);
			if (result.workflowData) started.push(result.workflowData[0]);
		})().catch((error: Error) => {
			res.statusCode = 500;
			res.end(error.message);
		});
		handling.add(handled);
		void handled.finally(() => handling.delete(handled));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
	await xero.close();
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
	resetXeroLimiters();
	xero.reset('demo');
	started = [];
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/xero`;
	xero.configureWebhooks({ url, key: KEY, badSignature: false, duplicates: 0, batchWindowMs: 20 });
	runner = new TriggerRunner(
		'xeroWebhookTrigger',
		{
			categories: ['CONTACT', 'INVOICE'],
			eventTypes: ['CREATE', 'UPDATE'],
			fetchRecords: true,
			authentication: 'customConnection',
		},
		{ xeroWebhookApi: { webhookKey: KEY }, xeroCustomConnectionApi: customConnectionCredentials(xero) },
	);
	const token = await xero.clientCredentialsToken();
	api = apiClient({ baseUrl: xero.url, accessToken: token.access_token });
});

describe("Xero Webhook Trigger receiving the Xero sandbox's deliveries", () => {
	it('passes Xero\'s "intent to receive" check', async () => {
		const check = await xero.intentToReceive();
		expect(check.errors).toEqual([]);
		expect(check).toMatchObject({ correctlySignedStatus: 200, incorrectlySignedStatus: 401, passed: true });
		expect(started).toEqual([]);
	});

	it('fetches the full record behind a thin event, once, even when Xero delivers it twice', async () => {
		xero.configureWebhooks({ duplicates: 1 });
		const created = await api.put<{ Contacts: IDataObject[] }>('/Contacts', {
			Contacts: [{ Name: 'Webhook Customer Ltd', EmailAddress: 'ap@webhook.example' }],
		});
		expect(created.status).toBe(200);
		await deliveredAndHandled();
		const deliveries = xero.webhookDeliveries();
		expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(started).toHaveLength(1);
		expect(started[0]).toHaveLength(1);
		expect(started[0][0].json).toMatchObject({
			ContactID: created.json.Contacts[0].ContactID,
			Name: 'Webhook Customer Ltd',
			EmailAddress: 'ap@webhook.example',
			xeroEvent: { source: 'webhook', eventType: 'CREATE', eventCategory: 'CONTACT', tenantId: DEMO_TENANT_ID },
		});
	});

	it('refuses forged deliveries with 401 and starts nothing', async () => {
		xero.configureWebhooks({ badSignature: true });
		const created = await api.put('/Contacts', { Contacts: [{ Name: 'Forged Ltd' }] });
		expect(created.status).toBe(200);
		await deliveredAndHandled();
		expect(xero.webhookDeliveries().map((d) => d.status)).toEqual([401]);
		expect(started).toEqual([]);
	});

	it('batches the fetch: one GET per organisation and category for a delivery of several changes', async () => {
		xero.configureWebhooks({ batchWindowMs: 200 });
		const created = await api.put<{ Contacts: IDataObject[] }>('/Contacts', {
			Contacts: [{ Name: 'Batch One' }, { Name: 'Batch Two' }, { Name: 'Batch Three' }],
		});
		expect(created.status).toBe(200);
		xero.resetStats();
		await deliveredAndHandled();
		expect(started).toHaveLength(1);
		expect(started[0].map((item) => item.json.Name).sort()).toEqual(['Batch One', 'Batch Three', 'Batch Two']);
		expect(xero.stats().tenants[DEMO_TENANT_ID].byPath['GET /Contacts']).toBe(1);
	});

	it('emits a paid invoice with its new status when Xero reports the payment', async () => {
		const list = await api.get<{ Invoices: IDataObject[] }>('/Invoices?Statuses=AUTHORISED');
		const invoice = list.json.Invoices.find((candidate) => Number(candidate.AmountDue) > 0) as IDataObject;
		const payment = await api.put('/Payments', {
			Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: invoice.AmountDue, Date: '2026-12-01' }],
		});
		expect(payment.status).toBe(200);
		await deliveredAndHandled();
		const items = started.flat().filter((item) => item.json.InvoiceID === invoice.InvoiceID);
		expect(items.length).toBeGreaterThan(0);
		expect(items[items.length - 1].json).toMatchObject({
			Status: 'PAID',
			AmountDue: 0,
			xeroEvent: { eventCategory: 'INVOICE', eventType: 'UPDATE', resource: 'invoice' },
		});
	});

	it('still emits the events, thin and saying why, when the records cannot be fetched', async () => {
		xero.injectFault({ kind: 'rate-limit-day', method: 'GET', path: '/Contacts' });
		const created = await api.put<{ Contacts: IDataObject[] }>('/Contacts', { Contacts: [{ Name: 'Unfetched Ltd' }] });
		await deliveredAndHandled();
		expect(xero.webhookDeliveries().map((d) => d.status)).toEqual([200]);
		expect(started).toHaveLength(1);
		const json = started[0][0].json;
		expect(json.Name).toBeUndefined();
		expect(json.xeroEvent).toMatchObject({ resourceId: created.json.Contacts[0].ContactID, fetched: false });
		expect(String((json.xeroEvent as IDataObject).message)).toMatch(/Could not fetch the contact from Xero/);
	});

	it('keeps only invoices with a chosen status when asked to', async () => {
		runner = new TriggerRunner(
			'xeroWebhookTrigger',
			{
				categories: ['INVOICE'],
				eventTypes: ['UPDATE'],
				fetchRecords: true,
				authentication: 'customConnection',
				options: { invoiceStatuses: ['PAID'] },
			},
			{ xeroWebhookApi: { webhookKey: KEY }, xeroCustomConnectionApi: customConnectionCredentials(xero) },
		);
		const list = await api.get<{ Invoices: IDataObject[] }>('/Invoices?Statuses=AUTHORISED');
		const invoice = list.json.Invoices.find((candidate) => Number(candidate.AmountDue) > 0) as IDataObject;
		const edit = await api.post('/Invoices', {
			Invoices: [{ InvoiceID: invoice.InvoiceID, Reference: 'Edited, not paid' }],
		});
		expect(edit.status).toBe(200);
		await deliveredAndHandled();
		expect(xero.webhookDeliveries().map((d) => d.status)).toEqual([200]);
		expect(started).toEqual([]);
		const payment = await api.put('/Payments', {
			Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: invoice.AmountDue, Date: '2026-12-01' }],
		});
		expect(payment.status).toBe(200);
		await deliveredAndHandled();
		expect(started.flat().map((item) => [item.json.InvoiceID, item.json.Status])).toEqual([
			[invoice.InvoiceID, 'PAID'],
		]);
		// A Xero -> CRM invoice step needs the lines, which Xero sends only on paged reads.
		expect((started.flat()[0].json.LineItems as IDataObject[]).length).toBeGreaterThan(0);
	});
});
