import type { XeroWebhookEvent } from '../../nodes/XeroWebhookTrigger/helpers/events';

/** One event of a Xero webhook delivery as Xero posts it: a contact's UPDATE unless the overrides say otherwise. */
export function xeroEvent(tenantId: string, overrides: Partial<XeroWebhookEvent> = {}): XeroWebhookEvent {
	const resourceId = overrides.resourceId ?? '717f2bfc-c6d4-41fd-b238-3f2f0c0cf777';
	return {
		resourceUrl: `https://api.xero.com/api.xro/2.0/Contacts/${resourceId}`,
		resourceId,
		tenantId,
		tenantType: 'ORGANISATION',
		eventCategory: 'CONTACT',
		eventType: 'UPDATE',
		eventDateUtc: '2026-11-21T12:00:01.902',
		...overrides,
	};
}
