/** One thin event of a Xero webhook delivery (xero-webhooks.yaml, WebhookEvent.events[]). */
export interface XeroWebhookEvent {
	resourceUrl: string;
	resourceId: string;
	tenantId: string;
	tenantType: string;
	eventCategory: string;
	eventType: string;
	eventDateUtc: string;
}

const REQUIRED: Array<keyof XeroWebhookEvent> = [
	'resourceUrl',
	'resourceId',
	'tenantId',
	'tenantType',
	'eventCategory',
	'eventType',
	'eventDateUtc',
];

/** The well-formed events of a delivery; anything else in the payload is ignored rather than trusted. */
export function webhookEvents(body: unknown): XeroWebhookEvent[] {
	if (body === null || typeof body !== 'object') return [];
	const events = (body as { events?: unknown }).events;
	if (!Array.isArray(events)) return [];
	return events.filter((event): event is XeroWebhookEvent => {
		if (event === null || typeof event !== 'object') return false;
		return REQUIRED.every((key) => typeof (event as Record<string, unknown>)[key] === 'string');
	});
}

export interface WebhookFilter {
	categories: string[];
	eventTypes: string[];
	/** Empty: every tenant that sends events. */
	tenantIds: string[];
}

export function matchesWebhookFilter(filter: WebhookFilter, event: XeroWebhookEvent): boolean {
	return (
		filter.categories.includes(event.eventCategory) &&
		(filter.eventTypes.length === 0 || filter.eventTypes.includes(event.eventType)) &&
		(filter.tenantIds.length === 0 || filter.tenantIds.includes(event.tenantId))
	);
}

/** A redelivery of the same change has the same resource and event time. */
export function deliveryKey(event: XeroWebhookEvent): string {
	return [event.tenantId, event.eventCategory, event.resourceId, event.eventType, event.eventDateUtc].join('|');
}

export interface FetchGroup {
	tenantId: string;
	category: string;
	resourceIds: string[];
}

/** One fetch per tenant + category, each record asked for once. */
export function fetchGroups(events: XeroWebhookEvent[]): FetchGroup[] {
	const groups = new Map<string, FetchGroup>();
	for (const event of events) {
		const key = `${event.tenantId}|${event.eventCategory}`;
		let group = groups.get(key);
		if (!group) {
			group = { tenantId: event.tenantId, category: event.eventCategory, resourceIds: [] };
			groups.set(key, group);
		}
		if (!group.resourceIds.includes(event.resourceId)) group.resourceIds.push(event.resourceId);
	}
	return [...groups.values()];
}
