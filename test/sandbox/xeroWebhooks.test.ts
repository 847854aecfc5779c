import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startXeroSandbox, xeroSignature, type XeroSandbox } from '../../sandbox/xero';
import { apiClient, type ApiClient } from '../../sandbox/xero/testing/apiClient';

type Rec = Record<string, unknown>;
const KEY = 'bQ2uq3ZN6oJ5zV8Qw8xv1tGQdlrLbZb3YVmMBx+xJvQ1cF0n1kOqf7Ea/8Nf0mS1';

interface Received {
	body: string;
	signature: string;
	valid: boolean;
}

/** a receiver that does what Xero asks of one: 200 for a good signature, 401 otherwise */
async function receiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const signature = String(req.headers['x-xero-signature'] ?? '');
			const expected = Buffer.from(createHmac('sha256', KEY).update(body).digest('base64'));
			const given = Buffer.from(signature);
			const valid = given.length === expected.length && timingSafeEqual(given, expected);
			received.push({ body, signature, valid });
			res.writeHead(valid ? 200 : 401);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/webhook/xero`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('Xero sandbox webhooks', () => {
	let xero: XeroSandbox;
	let api: ApiClient;
	let target: Awaited<ReturnType<typeof receiver>>;

	beforeEach(async () => {
		target = await receiver();
		xero = await startXeroSandbox({ data: 'demo', validate: true, webhooks: { url: target.url, key: KEY } });
		api = apiClient({ baseUrl: xero.url, accessToken: (await xero.authorize()).access_token, tenantId: xero.tenants[0].tenantId });
	});
	afterEach(async () => {
		await xero.close();
		await target.close();
	});

	it('sends one signed thin batch for the contact and invoice changes of a moment', async () => {
		// the batch closes when the test flushes, however slow the first validator compile is
		xero.configureWebhooks({ batchWindowMs: 60_000 });
		const checked = xero.validation().specs['xero-webhooks.yaml'];
		const contact = (await api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: 'Hooked Ltd' }] })).json.Contacts[0];
		const invoice = (await api.put<{ Invoices: Rec[] }>('/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contact.ContactID }, DueDate: '2026-12-15', LineItems: [{ Description: 'x', UnitAmount: 5, AccountCode: '200' }] }] })).json.Invoices[0];
		await api.post(`/Invoices/${String(invoice.InvoiceID)}`, { Invoices: [{ Status: 'AUTHORISED' }] });
		await api.put('/Items', { Items: [{ Code: 'NOHOOK' }] });
		await xero.flushWebhooks();

		expect(target.received).toHaveLength(1);
		const delivery = target.received[0];
		expect(delivery.valid).toBe(true);
		expect(delivery.signature).toBe(xeroSignature(delivery.body, KEY));
		const payload = JSON.parse(delivery.body) as { events: Rec[]; firstEventSequence: number; lastEventSequence: number; entropy: string };
		expect(Object.keys(payload).sort()).toEqual(['entropy', 'events', 'firstEventSequence', 'lastEventSequence']);
		expect(payload.lastEventSequence - payload.firstEventSequence + 1).toBe(payload.events.length);
		expect(payload.entropy).toMatch(/^[A-Z]{20}$/);
		expect(payload.events.map((event) => [event.eventCategory, event.eventType, event.resourceId])).toEqual([
			['CONTACT', 'CREATE', contact.ContactID],
			['INVOICE', 'CREATE', invoice.InvoiceID],
			['INVOICE', 'UPDATE', invoice.InvoiceID],
		]);
		for (const event of payload.events) {
			expect(event).toMatchObject({ tenantId: xero.tenants[0].tenantId, tenantType: 'ORGANISATION' });
			expect(String(event.resourceUrl)).toBe(`${xero.url}/api.xro/2.0/${event.eventCategory === 'CONTACT' ? 'Contacts' : 'Invoices'}/${String(event.resourceId)}`);
			expect(String(event.eventDateUtc)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
		}
		expect(xero.webhookDeliveries()[0]).toMatchObject({ status: 200, signedCorrectly: true, eventCount: 3 });
		// the batch was checked against xero-webhooks.yaml's WebhookEvent before it left
		const after = xero.validation().specs['xero-webhooks.yaml'];
		expect(after.requests - checked.requests).toBe(1);
		expect(after.requestFailures).toBe(checked.requestFailures);
	});

	it('sends an UPDATE when a payment makes an invoice PAID (the demo flow)', async () => {
		const invoice = (xero.state()[xero.tenants[0].tenantId].invoices as Rec[]).find((entry) => entry.Status === 'AUTHORISED' && entry.CurrencyCode === 'NZD' && entry.Type === 'ACCREC');
		await api.put('/Payments', { Payments: [{ Invoice: { InvoiceID: invoice?.InvoiceID }, Account: { Code: '090' }, Date: new Date().toISOString().slice(0, 10), Amount: invoice?.AmountDue }] });
		await xero.flushWebhooks();
		const events = (JSON.parse(target.received[0].body) as { events: Rec[] }).events;
		expect(events).toEqual([expect.objectContaining({ eventCategory: 'INVOICE', eventType: 'UPDATE', resourceId: invoice?.InvoiceID })]);
	});

	it('can forge the signature and deliver duplicates', async () => {
		xero.configureWebhooks({ badSignature: true, duplicates: 2 });
		await api.put('/Contacts', { Contacts: [{ Name: 'Forged' }] });
		await xero.flushWebhooks();
		expect(target.received).toHaveLength(3);
		expect(target.received.every((delivery) => !delivery.valid)).toBe(true);
		expect(new Set(target.received.map((delivery) => delivery.body)).size).toBe(1);
		expect(xero.webhookDeliveries().map((delivery) => [delivery.status, delivery.duplicate, delivery.signedCorrectly])).toEqual([
			[401, 0, false],
			[401, 1, false],
			[401, 2, false],
		]);
	});

	it('continues event sequences across batches and sends nothing without a URL', async () => {
		await api.put('/Contacts', { Contacts: [{ Name: 'Seq One' }] });
		await xero.flushWebhooks();
		await api.put('/Contacts', { Contacts: [{ Name: 'Seq Two' }, { Name: 'Seq Three' }] });
		await xero.flushWebhooks();
		const [first, second] = target.received.map((delivery) => JSON.parse(delivery.body) as Rec);
		expect(second.firstEventSequence).toBe(Number(first.lastEventSequence) + 1);
		expect(second.lastEventSequence).toBe(Number(first.lastEventSequence) + 2);
		xero.configureWebhooks({ url: '' });
		await api.put('/Contacts', { Contacts: [{ Name: 'Unheard' }] });
		await xero.flushWebhooks();
		expect(target.received).toHaveLength(2);
	});

	it('runs the intent-to-receive check against a receiver, in process and over HTTP', async () => {
		const result = await xero.intentToReceive();
		expect(result).toMatchObject({ passed: true, correctlySignedStatus: 200, incorrectlySignedStatus: 401, errors: [] });
		expect(target.received.map((delivery) => (JSON.parse(delivery.body) as Rec).events)).toEqual([[], []]);

		const lax = createServer((_req, res) => {
			res.writeHead(200);
			res.end();
		});
		await new Promise<void>((resolve) => lax.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(lax.address() as AddressInfo).port}/`;
			const response = await fetch(`${xero.url}/__sandbox/webhooks/intent-to-receive`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url, key: KEY }) });
			expect(await response.json()).toMatchObject({ passed: false, correctlySignedStatus: 200, incorrectlySignedStatus: 200 });
		} finally {
			await new Promise((resolve) => lax.close(resolve));
		}
		const settings = (await (await fetch(`${xero.url}/__sandbox/webhooks`)).json()) as Rec;
		expect(settings).toMatchObject({ url: target.url, keySet: true });
		expect(JSON.stringify(settings)).not.toContain(KEY);
	});
});
