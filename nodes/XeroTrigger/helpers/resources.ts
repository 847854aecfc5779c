import type { IDataObject } from 'n8n-workflow';

export type TriggerResource = 'organisation' | 'invoice' | 'item';

export interface ResourceSpec {
	resource: TriggerResource;
	/** Accounting API path of the collection. */
	path: string;
	/** Key of the array in the response body. */
	collection: string;
	idField: string;
	/** Field compared between polls to detect a status change; absent where the trigger offers none. */
	statusField?: string;
	/** GET /Items has no page parameter in the OpenAPI description: it answers with every item at once. */
	paged: boolean;
	/** eventCategory of Xero webhooks for this resource. */
	webhookCategory?: string;
}

export const RESOURCE_SPECS: Record<TriggerResource, ResourceSpec> = {
	organisation: {
		resource: 'organisation',
		path: '/Contacts',
		collection: 'Contacts',
		idField: 'ContactID',
		paged: true,
		webhookCategory: 'CONTACT',
	},
	invoice: {
		resource: 'invoice',
		path: '/Invoices',
		collection: 'Invoices',
		idField: 'InvoiceID',
		statusField: 'Status',
		paged: true,
		webhookCategory: 'INVOICE',
	},
	item: { resource: 'item', path: '/Items', collection: 'Items', idField: 'ItemID', paged: false },
};

export const INVOICE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED'] as const;

export function recordId(spec: ResourceSpec, record: IDataObject): string {
	const id = record[spec.idField];
	return typeof id === 'string' ? id : '';
}

export function recordStatus(spec: ResourceSpec, record: IDataObject): string {
	if (spec.statusField === undefined) return '';
	const status = record[spec.statusField];
	return typeof status === 'string' ? status : '';
}
