import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { XeroSandbox } from '../../sandbox/xero';
import { DEMO_TENANT_ID, SECOND_TENANT_ID, startXeroSandbox } from '../../sandbox/xero';
import type { ApiClient } from '../../sandbox/xero/testing/apiClient';
import { apiClient } from '../../sandbox/xero/testing/apiClient';
import { resetXeroLimiters } from '../../nodes/shared/xero/transport';
import { customConnectionCredentials, oAuth2Credentials } from '../support/xeroCredentials';
import { TriggerRunner } from './triggerHarness';

let xero: XeroSandbox;
let api: ApiClient;

beforeAll(async () => {
	xero = await startXeroSandbox({ port: 0, clockScale: 1, data: 'demo', validate: true });
});

afterAll(async () => {
	await xero.close();
});

beforeEach(async () => {
	resetXeroLimiters();
	xero.reset('demo');
	xero.clearFaults();
	const token = await xero.clientCredentialsToken();
	api = apiClient({ baseUrl: xero.url, accessToken: token.access_token });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function customRunner(parameters: INodeParameters): Promise<TriggerRunner> {
	return new TriggerRunner(
		'xeroTrigger',
		{ authentication: 'customConnection', ...parameters },
		{ xeroCustomConnectionApi: customConnectionCredentials(xero) },
	);
}

async function oAuth2Runner(parameters: INodeParameters): Promise<TriggerRunner> {
	return new TriggerRunner('xeroTrigger', { authentication: 'oAuth2', ...parameters }, { xeroSyncOAuth2Api: await oAuth2Credentials(xero) });
}

/** An API client for the second demo organisation, signed in as the web app (the custom connection has only the first). */
async function secondOrganisationApi(): Promise<ApiClient> {
	const web = await xero.authorize();
	return apiClient({ baseUrl: xero.url, accessToken: web.access_token, tenantId: SECOND_TENANT_ID });
}

function emitted(result: INodeExecutionData[][] | null): IDataObject[] {
	return (result?.[0] ?? []).map((item) => item.json);
}

async function createContact(name: string): Promise<IDataObject> {
	const response = await api.put<{ Contacts: IDataObject[] }>('/Contacts', { Contacts: [{ Name: name }] });
	expect(response.status).toBe(200);
	return response.json.Contacts[0];
}

async function renameContact(id: string, name: string): Promise<IDataObject> {
	const response = await api.post<{ Contacts: IDataObject[] }>('/Contacts', {
		Contacts: [{ ContactID: id, Name: name }],
	});
	expect(response.status).toBe(200);
	return response.json.Contacts[0];
}

const updatedMs = (record: IDataObject) => Number(/\/Date\((\d+)/.exec(String(record.UpdatedDateUTC))?.[1]);

describe('Xero Trigger (polling) against the Xero sandbox', () => {
	it('starts from now on first activation, then delivers each change once', async () => {
		const runner = await customRunner({ resource: 'organisation', event: 'createdOrUpdated' });
		expect(await runner.poll()).toBeNull();

		const created = await createContact('Trigger Test Ltd');
		const first = emitted(await runner.poll());
		expect(first.map((json) => json.ContactID)).toEqual([created.ContactID]);
		expect(first[0].xeroEvent).toMatchObject({ source: 'poll', resource: 'organisation', change: 'created' });
		expect(first[0].UpdatedDateUTC).toMatch(/^\d{4}-\d\d-\d\dT/);

		expect(await runner.poll()).toBeNull();

		await sleep(5);
		await renameContact(String(created.ContactID), 'Trigger Test Limited');
		const second = emitted(await runner.poll());
		expect(second).toHaveLength(1);
		expect(second[0]).toMatchObject({ Name: 'Trigger Test Limited', xeroEvent: { change: 'updated' } });
		expect(await runner.poll()).toBeNull();
	});

	it('delivers a change made in the same second as one already delivered, and not the first again', async () => {
		const runner = await customRunner({ resource: 'organisation', event: 'createdOrUpdated' });
		for (let attempt = 0; ; attempt++) {
			expect(await runner.poll()).toBeNull();
			// Start early in a second so that both writes and the poll between them share it.
			while (Date.now() % 1000 > 200) await sleep(10);
			const a = await createContact(`Same Second A${attempt}`);
			const afterA = emitted(await runner.poll());
			const b = await createContact(`Same Second B${attempt}`);
			if (Math.floor(updatedMs(a) / 1000) !== Math.floor(updatedMs(b) / 1000)) {
				if (attempt < 5) continue;
				throw new Error('could not make two changes within one second');
			}
			expect(afterA.map((json) => json.Name)).toEqual([`Same Second A${attempt}`]);
			const afterB = emitted(await runner.poll());
			expect(afterB.map((json) => json.Name)).toEqual([`Same Second B${attempt}`]);
			expect(await runner.poll()).toBeNull();
			break;
		}
	});

	it('follows every page of a backfill and then asks only for what changed', async () => {
		xero.reset('empty');
		const names = Array.from({ length: 230 }, (_, i) => `Paged Contact ${String(i).padStart(3, '0')}`);
		for (let i = 0; i < names.length; i += 50) {
			const response = await api.put('/Contacts', { Contacts: names.slice(i, i + 50).map((Name) => ({ Name })) });
			expect(response.status).toBe(200);
		}
		const runner = await customRunner({
			resource: 'organisation',
			event: 'createdOrUpdated',
			options: { backfillFrom: new Date(Date.now() - 60_000).toISOString() },
		});
		xero.resetStats();
		const all = emitted(await runner.poll());
		expect(all.map((json) => json.Name).sort()).toEqual(names);
		expect(new Set(all.map((json) => json.ContactID)).size).toBe(230);
		// 230 changes at 100 a page: three pages, plus at most the re-reads that prove pages of records sharing a
		// second did not shift while they were read (issue 11: positional paging alone could skip a record).
		const calls = xero.stats().tenants[DEMO_TENANT_ID].byPath['GET /Contacts'];
		expect(calls).toBeGreaterThanOrEqual(3);
		expect(calls).toBeLessThanOrEqual(8);
		expect(await runner.poll()).toBeNull();
	});

	it('does not move the cursor when a poll fails, and delivers the change on the next poll', async () => {
		const runner = await customRunner({ resource: 'organisation', event: 'createdOrUpdated' });
		expect(await runner.poll()).toBeNull();
		const created = await createContact('Delivered After A Failure');
		const before = structuredClone(runner.staticData);
		xero.injectFault({ kind: 'rate-limit-day', path: '/Contacts', method: 'GET', count: 1 });
		await expect(runner.poll()).rejects.toThrow();
		expect(runner.staticData).toEqual(before);
		// The transport rightly stops calling a tenant whose day is used up; the next Xero day starts fresh.
		resetXeroLimiters();
		const retried = emitted(await runner.poll());
		expect(retried.map((json) => json.ContactID)).toEqual([created.ContactID]);
		expect(await runner.poll()).toBeNull();
	});

	it('fires "became PAID" once when an authorised invoice is paid', async () => {
		const runner = await customRunner({ resource: 'invoice', event: 'statusChanged', becameStatuses: ['PAID'] });
		expect(await runner.poll()).toBeNull();
		const list = await api.get<{ Invoices: IDataObject[] }>('/Invoices?Statuses=AUTHORISED');
		const invoice = list.json.Invoices.find((candidate) => Number(candidate.AmountDue) > 0) as IDataObject;
		expect(invoice).toBeDefined();
		// Seen as AUTHORISED first (an edit), then paid.
		const edited = await api.post('/Invoices', { Invoices: [{ InvoiceID: invoice.InvoiceID, Reference: 'PO 881' }] });
		expect(edited.status).toBe(200);
		expect(await runner.poll()).toBeNull();
		await sleep(5);
		const payment = await api.put('/Payments', {
			Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: invoice.AmountDue, Date: '2026-12-01' }],
		});
		expect(payment.status).toBe(200);
		const paid = emitted(await runner.poll());
		expect(paid).toHaveLength(1);
		expect(paid[0]).toMatchObject({
			InvoiceID: invoice.InvoiceID,
			Status: 'PAID',
			xeroEvent: { status: 'PAID', previousStatus: 'AUTHORISED', statusChanged: true },
		});
		expect(await runner.poll()).toBeNull();
	});

	it('fires "payment received" once per payment, and "payment deleted" when one is deleted in Xero', async () => {
		const received = await customRunner({ resource: 'payment', event: 'statusChanged', becameStatuses: ['AUTHORISED'] });
		const deleted = await customRunner({ resource: 'payment', event: 'statusChanged', becameStatuses: ['DELETED'] });
		expect(await received.poll()).toBeNull();
		expect(await deleted.poll()).toBeNull();
		const list = await api.get<{ Invoices: IDataObject[] }>('/Invoices?Statuses=AUTHORISED');
		const invoice = list.json.Invoices.find((candidate) => Number(candidate.AmountDue) > 10) as IDataObject;
		await sleep(5);
		const pay = async (amount: number) =>
			await api.put<{ Payments: IDataObject[] }>('/Payments', {
				Payments: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: '090' }, Amount: amount, Date: '2026-12-01' }],
			});
		const first = (await pay(5)).json.Payments[0];
		const second = (await pay(3)).json.Payments[0];
		const arrived = emitted(await received.poll());
		expect(arrived.map((json) => json.PaymentID).sort()).toEqual([first.PaymentID, second.PaymentID].sort());
		expect(arrived[0].xeroEvent).toMatchObject({ source: 'poll', resource: 'payment', status: 'AUTHORISED' });
		expect(emitted(await deleted.poll())).toEqual([]);
		expect(await received.poll()).toBeNull();

		await sleep(5);
		const removed = await api.post(`/Payments/${String(first.PaymentID)}`, { Status: 'DELETED' });
		expect(removed.status).toBe(200);
		// The deletion is a change of a payment already delivered as received: only the "deleted" trigger fires.
		expect(await received.poll()).toBeNull();
		const gone = emitted(await deleted.poll());
		expect(gone.map((json) => json.PaymentID)).toEqual([first.PaymentID]);
		expect(gone[0]).toMatchObject({ Status: 'DELETED', xeroEvent: { status: 'DELETED', previousStatus: 'AUTHORISED' } });
		expect(await deleted.poll()).toBeNull();
	});

	it('returns the latest matching record as a sample in a manual run, without touching the cursor', async () => {
		const runner = await customRunner({ resource: 'invoice', event: 'statusChanged', becameStatuses: ['PAID'] });
		const sample = emitted(await runner.poll('manual'));
		expect(sample).toHaveLength(1);
		expect(sample[0]).toMatchObject({ Status: 'PAID', xeroEvent: { source: 'sample', resource: 'invoice' } });
		expect(runner.staticData).toEqual({});
	});

	it('watches every connected organisation with its own cursor', async () => {
		const runner = await oAuth2Runner({ tenantScope: 'all', resource: 'item', event: 'createdOrUpdated' });
		expect(await runner.poll()).toBeNull();
		const token = await xero.clientCredentialsToken();
		const first = apiClient({ baseUrl: xero.url, accessToken: token.access_token });
		const created = await first.put<{ Items: IDataObject[] }>('/Items', {
			Items: [{ Code: 'TRIG-1', Name: 'Trigger item' }],
		});
		expect(created.status).toBe(200);
		const second = await secondOrganisationApi();
		expect((await second.put('/Items', { Items: [{ Code: 'TRIG-2', Name: 'Second item' }] })).status).toBe(200);
		const items = emitted(await runner.poll());
		expect(items.map((json) => [json.Code, (json.xeroEvent as IDataObject).tenantId]).sort()).toEqual([
			['TRIG-1', DEMO_TENANT_ID],
			['TRIG-2', SECOND_TENANT_ID],
		]);
		expect(Object.keys(runner.staticData['node:Xero Trigger'] as IDataObject)).toEqual(['scopes']);
		expect(await runner.poll()).toBeNull();
	});

	it('delivers the organisations that answered when another fails, and the failed one on the next poll', async () => {
		const runner = await oAuth2Runner({ tenantScope: 'all', resource: 'organisation', event: 'createdOrUpdated' });
		expect(await runner.poll()).toBeNull();
		const inSecond = await secondOrganisationApi();
		const first = await createContact('First Organisation Customer');
		const second = await inSecond.put<{ Contacts: IDataObject[] }>('/Contacts', {
			Contacts: [{ Name: 'Second Organisation Customer' }],
		});
		expect(second.status).toBe(200);
		xero.injectFault({ kind: 'rate-limit-day', method: 'GET', path: '/Contacts', tenantId: SECOND_TENANT_ID });
		const partial = emitted(await runner.poll());
		expect(partial.map((json) => json.ContactID)).toEqual([first.ContactID]);
		resetXeroLimiters();
		const caughtUp = emitted(await runner.poll());
		expect(caughtUp.map((json) => json.ContactID)).toEqual([second.json.Contacts[0].ContactID]);
		expect(await runner.poll()).toBeNull();
	});

	it('watches one chosen organisation of an OAuth2 credential', async () => {
		const runner = await oAuth2Runner({ tenantScope: 'one', tenant: { __rl: true, mode: 'id', value: SECOND_TENANT_ID }, resource: 'organisation', event: 'created' });
		expect(await runner.poll()).toBeNull();
		await createContact('Not In The Watched Organisation');
		const inSecond = await secondOrganisationApi();
		const created = await inSecond.put<{ Contacts: IDataObject[] }>('/Contacts', {
			Contacts: [{ Name: 'Watched Customer' }],
		});
		const items = emitted(await runner.poll());
		expect(items.map((json) => json.Name)).toEqual(['Watched Customer']);
		expect(items[0].xeroEvent).toMatchObject({ tenantId: SECOND_TENANT_ID, change: 'created' });
		// An update of a record already seen is not "created".
		await sleep(5);
		const id = String(created.json.Contacts[0].ContactID);
		expect(
			(await inSecond.post('/Contacts', { Contacts: [{ ContactID: id, Name: 'Watched Customer Ltd' }] })).status,
		).toBe(200);
		expect(await runner.poll()).toBeNull();
	});

	it('refuses a backfill date that is not a date, naming the option', async () => {
		const runner = await customRunner({
			resource: 'item',
			event: 'createdOrUpdated',
			options: { backfillFrom: 'last tuesday' },
		});
		await expect(runner.poll()).rejects.toThrow(/Backfill From/);
		expect(runner.staticData).toEqual({});
	});

	it('drops the cursor of a resource the node no longer watches', async () => {
		const runner = await customRunner({ resource: 'item', event: 'createdOrUpdated' });
		expect(await runner.poll()).toBeNull();
		const nodeData = () => runner.staticData['node:Xero Trigger'] as { scopes: IDataObject };
		expect(Object.keys(nodeData().scopes)).toEqual(['custom-connection|item']);
		const switched = await customRunner({ resource: 'invoice', event: 'createdOrUpdated' });
		switched.staticData = runner.staticData;
		expect(await switched.poll()).toBeNull();
		expect(Object.keys((switched.staticData['node:Xero Trigger'] as { scopes: IDataObject }).scopes)).toEqual([
			'custom-connection|invoice',
		]);
	});
});
