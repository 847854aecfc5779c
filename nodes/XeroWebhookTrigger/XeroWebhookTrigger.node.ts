import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialTypeOf, xeroCredentials } from '../shared/xero/authentication.description';
import { eventItem } from '../shared/xero/eventItem';
import { XERO_RESOURCES } from '../shared/xero/resources';
import { claimDeliveries } from './claimDeliveries';
import { webhookTriggerProperties } from './description';
import { xeroWebhookKeyTest } from './methods/credentialTest';
import { webhookLifecycle } from './methods/lifecycle';
import { fetchGroupRecords } from './fetchRecords';
import type { FetchedGroup } from './fetchRecords';
import type { WebhookFilter, XeroWebhookEvent } from './helpers/events';
import { deliveryKey, fetchGroups, matchesWebhookFilter, webhookEvents } from './helpers/events';
import { isValidXeroSignature } from './helpers/signature';

const SPEC_BY_CATEGORY = Object.fromEntries(
	Object.values(XERO_RESOURCES)
		.filter((spec) => spec.changes?.webhookCategory !== undefined)
		.map((spec) => [spec.changes?.webhookCategory as string, spec]),
);

export class XeroWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		// Named with the package's "Xero Sync", apart from n8n's own Xero nodes. The type name stays.
		displayName: 'Xero Sync Webhook Trigger',
		name: 'xeroWebhookTrigger',
		icon: { light: 'file:xero.svg', dark: 'file:xero.dark.svg' },
		group: ['trigger'],
		version: 1,
		// In words: "Invoice, Contact events" rather than Xero's INVOICE, CONTACT.
		subtitle:
			'={{ ($parameter["categories"] || []).map(c => c.charAt(0) + c.slice(1).toLowerCase()).join(", ") + " events" }}',
		description: 'Starts the workflow the moment Xero sends a signed webhook for a contact or invoice change',
		defaults: { name: 'Xero Sync Webhook Trigger' },
		eventTriggerDescription: 'Waiting for Xero to send a webhook to the test URL',
		activationMessage:
			"Xero can now deliver to the production URL. In Xero's developer portal, send 'Intent to receive' to confirm.",
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'xeroWebhookApi', required: true, testedBy: 'xeroWebhookKeyTest' },
			...xeroCredentials({ fetchRecords: [true] }),
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The node answers Xero itself (200 or 401, empty body) before it fetches anything.
				responseMode: 'onReceived',
				path: 'xero',
			},
		],
		properties: webhookTriggerProperties,
	};

	methods = { credentialTest: { xeroWebhookKeyTest } };

	webhookMethods = webhookLifecycle;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		if (request.rawBody === undefined && typeof request.readRawBody === 'function') await request.readRawBody();
		const { webhookKey } = await this.getCredentials<{ webhookKey: string }>('xeroWebhookApi');
		if (!isValidXeroSignature(request.rawBody, request.headers['x-xero-signature'], webhookKey)) {
			response.status(401).end();
			return { noWebhookResponse: true };
		}
		// Xero waits at most five seconds and retries otherwise: answer before any fetch.
		response.status(200).end();

		const events = webhookEvents(parseSignedBody(request.rawBody));
		const filter = readFilter(this);
		const wanted = events.filter((event) => matchesWebhookFilter(filter, event));
		const { fresh } = claimDeliveries(this, wanted, deliveryKey);
		if (fresh.length === 0) return { noWebhookResponse: true };

		const fetched = this.getNodeParameter('fetchRecords', true) as boolean;
		const items = fetched
			? withInvoiceStatus(await fetchedItems(this, fresh), filter.invoiceStatuses)
			: fresh.map((event) => thinItem(event));
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [items] };
	}
}

/** The body exactly as signed; n8n's parsed body could differ from it for a non-JSON content type. */
function parseSignedBody(rawBody: Buffer | undefined): unknown {
	try {
		return JSON.parse((rawBody ?? Buffer.alloc(0)).toString('utf8'));
	} catch {
		return undefined;
	}
}

function readFilter(ctx: IWebhookFunctions): WebhookFilter & { invoiceStatuses: string[] } {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const tenantIds = typeof options.tenantIds === 'string' ? options.tenantIds : '';
	return {
		invoiceStatuses: Array.isArray(options.invoiceStatuses) ? (options.invoiceStatuses as string[]) : [],
		categories: ctx.getNodeParameter('categories', []) as string[],
		eventTypes: ctx.getNodeParameter('eventTypes', []) as string[],
		tenantIds: tenantIds
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== ''),
	};
}

async function fetchedItems(ctx: IWebhookFunctions, events: XeroWebhookEvent[]): Promise<INodeExecutionData[]> {
	const credentialType = credentialTypeOf(ctx.getNodeParameter('authentication', 'oAuth2') as string);
	const results = new Map<string, FetchedGroup>();
	await Promise.all(
		fetchGroups(events).map(async (group) => {
			const spec = SPEC_BY_CATEGORY[group.category];
			results.set(`${group.tenantId}|${group.category}`, await fetchGroupRecords(ctx, credentialType, spec, group));
		}),
	);
	return events.map((event) => {
		const result = results.get(`${event.tenantId}|${event.eventCategory}`);
		const record = result?.records.get(event.resourceId.toLowerCase());
		if (record !== undefined) return thinItem(event, record);
		return thinItem(event, undefined, {
			fetched: false,
			message:
				result?.error !== undefined
					? `Could not fetch the ${event.eventCategory.toLowerCase()} from Xero: ${result.error}`
					: `Xero did not return ${event.eventCategory.toLowerCase()} ${event.resourceId}; it may have been deleted or the credential may not reach this organisation`,
		});
	});
}

/** Drops fetched records of status-watched collections (invoices) whose status is not wanted; thin items stay, since their status is unknown. */
function withInvoiceStatus(items: INodeExecutionData[], statuses: string[]): INodeExecutionData[] {
	if (statuses.length === 0) return items;
	return items.filter((item) => {
		const event = item.json.xeroEvent as IDataObject;
		if (SPEC_BY_CATEGORY[String(event.eventCategory)]?.changes?.watchesStatus !== true || event.fetched === false) return true;
		return statuses.includes(String(item.json.Status ?? ''));
	});
}

function thinItem(event: XeroWebhookEvent, record?: IDataObject, extra: IDataObject = {}): INodeExecutionData {
	return eventItem(record, {
		source: 'webhook',
		resource: SPEC_BY_CATEGORY[event.eventCategory]?.resource ?? event.eventCategory.toLowerCase(),
		tenantId: event.tenantId,
		eventCategory: event.eventCategory,
		eventType: event.eventType,
		eventDateUtc: event.eventDateUtc,
		resourceId: event.resourceId,
		resourceUrl: event.resourceUrl,
		...extra,
	});
}
