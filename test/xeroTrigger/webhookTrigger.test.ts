import { createHmac } from 'crypto';

import type { FakeRequest } from './triggerHarness';
import { TriggerRunner } from './triggerHarness';
import { xeroEvent } from './webhookEvent';

const KEY = 'sandbox-webhook-key-0123456789abcdefABCDEF+/=';
const TENANT = 'a3c1f0e2-4b5d-4e6f-8a7b-9c0d1e2f3a4b';

const sign = (raw: string, key = KEY) => createHmac('sha256', key).update(raw).digest('base64');

function delivery(events: object[], sequence = 1): string {
	return JSON.stringify({
		events,
		firstEventSequence: sequence,
		lastEventSequence: sequence,
		entropy: 'QWERTYUIOPASDFGHJKLZ',
	});
}

function post(raw: string, signature: string | undefined): FakeRequest {
	return {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(signature === undefined ? {} : { 'x-xero-signature': signature }),
		},
		rawBody: Buffer.from(raw, 'utf8'),
		body: JSON.parse(raw) as unknown,
	};
}

const contactEvent = (resourceId: string, eventType = 'UPDATE', at = '2026-11-21T12:00:01.902') => xeroEvent(TENANT, { resourceId, eventType, eventDateUtc: at });

function thinRunner(parameters = {}) {
	return new TriggerRunner(
		'xeroWebhookTrigger',
		{ categories: ['CONTACT', 'INVOICE'], eventTypes: ['CREATE', 'UPDATE'], fetchRecords: false, ...parameters },
		{ xeroWebhookApi: { webhookKey: KEY } },
	);
}

describe('Xero Webhook Trigger: signature and answers', () => {
	it('answers the signed "intent to receive" with 200 and an empty body, and starts nothing', async () => {
		const runner = thinRunner();
		const raw = delivery([], 0);
		const { result, response } = await runner.webhook(post(raw, sign(raw)));
		expect(response.statusCode).toBe(200);
		expect(response.ended).toBe(true);
		expect(response.body ?? '').toBe('');
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it.each([
		['a wrong key', (raw: string) => sign(raw, 'another-key')],
		['no signature', () => undefined],
		['an empty signature', () => ''],
	])('answers 401 with an empty body to %s, without starting the workflow', async (_what, signature) => {
		const runner = thinRunner();
		const raw = delivery([contactEvent('717f2bfc-c6d4-41fd-b238-3f2f0c0cf777')]);
		const { result, response } = await runner.webhook(post(raw, signature(raw)));
		expect(response.statusCode).toBe(401);
		expect(response.body ?? '').toBe('');
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
		expect(runner.staticData).toEqual({});
	});

	it('refuses a body changed after signing', async () => {
		const runner = thinRunner();
		const raw = delivery([contactEvent('717f2bfc-c6d4-41fd-b238-3f2f0c0cf777')]);
		const changed = raw.replace('UPDATE', 'CREATE');
		const { result, response } = await runner.webhook(post(changed, sign(raw)));
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it("verifies the raw body, not n8n's parsed copy of it", async () => {
		const runner = thinRunner();
		const raw = delivery([contactEvent('717f2bfc-c6d4-41fd-b238-3f2f0c0cf777')]);
		const request = post(raw, sign(JSON.stringify(JSON.parse(raw), null, 1)));
		const { response } = await runner.webhook(request);
		expect(response.statusCode).toBe(401);
	});

	it('never puts the webhook key into what it emits', async () => {
		const runner = thinRunner();
		const raw = delivery([contactEvent('717f2bfc-c6d4-41fd-b238-3f2f0c0cf777')]);
		const { result } = await runner.webhook(post(raw, sign(raw)));
		expect(JSON.stringify(result)).not.toContain(KEY);
		expect(JSON.stringify(runner.staticData)).not.toContain(KEY);
	});
});

describe('Xero Webhook Trigger: events without fetching', () => {
	it('emits one thin item per wanted event, filtered by category and event type', async () => {
		const runner = thinRunner({ categories: ['CONTACT'], eventTypes: ['CREATE'] });
		const raw = delivery([
			contactEvent('11111111-c6d4-41fd-b238-3f2f0c0cf777', 'CREATE'),
			contactEvent('22222222-c6d4-41fd-b238-3f2f0c0cf777', 'UPDATE'),
			{ ...contactEvent('33333333-c6d4-41fd-b238-3f2f0c0cf777', 'CREATE'), eventCategory: 'INVOICE' },
		]);
		const { result, response } = await runner.webhook(post(raw, sign(raw)));
		expect(response.statusCode).toBe(200);
		const items = result.workflowData?.[0] ?? [];
		expect(items.map((item) => (item.json.xeroEvent as { resourceId: string }).resourceId)).toEqual([
			'11111111-c6d4-41fd-b238-3f2f0c0cf777',
		]);
		expect(items[0].json.xeroEvent).toMatchObject({
			source: 'webhook',
			resource: 'organisation',
			eventType: 'CREATE',
			eventCategory: 'CONTACT',
			tenantId: TENANT,
		});
	});

	it('emits a redelivered event once, and a later change of the same record again', async () => {
		const runner = thinRunner();
		const id = '44444444-c6d4-41fd-b238-3f2f0c0cf777';
		const first = delivery([contactEvent(id)], 1);
		const once = await runner.webhook(post(first, sign(first)));
		expect(once.result.workflowData?.[0]).toHaveLength(1);
		// Xero retries with a new envelope (sequence, entropy) around the same event.
		const retry = delivery([contactEvent(id)], 2);
		const twice = await runner.webhook(post(retry, sign(retry)));
		expect(twice.response.statusCode).toBe(200);
		expect(twice.result.workflowData).toBeUndefined();
		const later = delivery([contactEvent(id, 'UPDATE', '2026-11-21T12:05:00.000')], 3);
		const third = await runner.webhook(post(later, sign(later)));
		expect(third.result.workflowData?.[0]).toHaveLength(1);
	});

	it('emits an event once when the same delivery arrives twice at the same moment', async () => {
		const runner = thinRunner();
		const id = '77777777-c6d4-41fd-b238-3f2f0c0cf777';
		const raw = delivery([contactEvent(id)], 9);
		// Both requests read the static data as it was before either finished, as concurrent n8n requests do.
		const [one, two] = await Promise.all([runner.webhook(post(raw, sign(raw))), runner.webhook(post(raw, sign(raw)))]);
		expect([one.response.statusCode, two.response.statusCode]).toEqual([200, 200]);
		const emittedCount = [one, two].map((call) => call.result.workflowData?.[0]?.length ?? 0);
		expect(emittedCount.sort()).toEqual([0, 1]);
	});

	it('still knows a delivered event after a restart, from static data alone', async () => {
		const before = thinRunner();
		const id = '66666666-c6d4-41fd-b238-3f2f0c0cf777';
		const raw = delivery([contactEvent(id)], 7);
		expect((await before.webhook(post(raw, sign(raw)))).result.workflowData?.[0]).toHaveLength(1);
		// Another runner has no in-process memory of the first: only the stored static data carries over.
		const after = thinRunner();
		after.staticData = JSON.parse(JSON.stringify(before.staticData));
		const retry = delivery([contactEvent(id)], 8);
		expect((await after.webhook(post(retry, sign(retry)))).result.workflowData).toBeUndefined();
		const fresh = thinRunner();
		expect((await fresh.webhook(post(retry, sign(retry)))).result.workflowData?.[0]).toHaveLength(1);
	});

	it('ignores events of organisations not listed, when a list is given', async () => {
		const runner = thinRunner({ options: { tenantIds: 'b4d2e1f3-5c6e-4f70-9b8c-0d1e2f3a4b5c' } });
		const raw = delivery([contactEvent('55555555-c6d4-41fd-b238-3f2f0c0cf777')]);
		const { result, response } = await runner.webhook(post(raw, sign(raw)));
		expect(response.statusCode).toBe(200);
		expect(result.workflowData).toBeUndefined();
	});
});
