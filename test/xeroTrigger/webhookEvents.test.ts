import {
	deliveryKey,
	fetchGroups,
	matchesWebhookFilter,
	webhookEvents,
} from '../../nodes/XeroWebhookTrigger/helpers/events';
import type { XeroWebhookEvent } from '../../nodes/XeroWebhookTrigger/helpers/events';
import { dropRedeliveries } from '../../nodes/XeroWebhookTrigger/helpers/recentDeliveries';
import { xeroEvent } from './webhookEvent';

const TENANT_A = 'aaaaaaaa-9458-4c7d-93cc-f02b81b0594f';
const TENANT_B = 'bbbbbbbb-9458-4c7d-93cc-f02b81b0594f';

const event = (overrides: Partial<XeroWebhookEvent>) => xeroEvent(TENANT_A, overrides);

describe('webhook payload', () => {
	it('reads the events of a delivery and drops malformed ones', () => {
		const good = event({});
		const body = {
			events: [good, { ...good, resourceId: 42 }, null, 'x', { resourceId: 'only' }],
			firstEventSequence: 1,
			lastEventSequence: 1,
			entropy: 'S0m3r4Nd0mt3xt',
		};
		expect(webhookEvents(body)).toEqual([good]);
		expect(webhookEvents({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'x' })).toEqual([]);
		expect(webhookEvents('not json')).toEqual([]);
		expect(webhookEvents({ events: 'nope' })).toEqual([]);
	});

	it('filters by category, event type and tenant', () => {
		const filter = { categories: ['INVOICE'], eventTypes: ['UPDATE'], tenantIds: [] };
		expect(matchesWebhookFilter(filter, event({ eventCategory: 'INVOICE' }))).toBe(true);
		expect(matchesWebhookFilter(filter, event({ eventCategory: 'CONTACT' }))).toBe(false);
		expect(matchesWebhookFilter(filter, event({ eventCategory: 'INVOICE', eventType: 'CREATE' }))).toBe(false);
		const anyType = { categories: ['INVOICE'], eventTypes: [], tenantIds: [TENANT_B] };
		expect(matchesWebhookFilter(anyType, event({ eventCategory: 'INVOICE', eventType: 'CREATE' }))).toBe(false);
		expect(
			matchesWebhookFilter(anyType, event({ eventCategory: 'INVOICE', eventType: 'CREATE', tenantId: TENANT_B })),
		).toBe(true);
	});

	it('groups fetches per tenant and category, each record once', () => {
		const groups = fetchGroups([
			event({ resourceId: 'c1' }),
			event({ resourceId: 'c1', eventType: 'CREATE' }),
			event({ resourceId: 'c2' }),
			event({ resourceId: 'i1', eventCategory: 'INVOICE' }),
			event({ resourceId: 'c3', tenantId: TENANT_B }),
		]);
		expect(groups).toEqual([
			{ tenantId: TENANT_A, category: 'CONTACT', resourceIds: ['c1', 'c2'] },
			{ tenantId: TENANT_A, category: 'INVOICE', resourceIds: ['i1'] },
			{ tenantId: TENANT_B, category: 'CONTACT', resourceIds: ['c3'] },
		]);
	});
});

describe('redelivered events', () => {
	it('emits the same resource and event time once, across deliveries and within one', () => {
		const first = dropRedeliveries(undefined, [event({}), event({})], deliveryKey);
		expect(first.fresh).toHaveLength(1);
		expect(first.duplicates).toBe(1);
		const again = dropRedeliveries(JSON.parse(JSON.stringify(first.recent)), [event({})], deliveryKey);
		expect(again.fresh).toHaveLength(0);
		const later = dropRedeliveries(first.recent, [event({ eventDateUtc: '2026-11-21T12:00:05.000' })], deliveryKey);
		expect(later.fresh).toHaveLength(1);
	});

	it('keeps only the newest keys', () => {
		const events = [1, 2, 3, 4].map((n) => event({ resourceId: `r${n}` }));
		const result = dropRedeliveries(['old-1', 'old-2'], events, deliveryKey, 3);
		expect(result.recent).toEqual(events.slice(1).map(deliveryKey));
		expect(dropRedeliveries(result.recent, [events[0]], deliveryKey, 3).fresh).toHaveLength(1);
		expect(dropRedeliveries(['not', 7, null], [events[0]], deliveryKey).recent).toEqual([
			'not',
			deliveryKey(events[0]),
		]);
	});
});
