import type { IDataObject } from 'n8n-workflow';

export type XeroCredentialType = 'xeroSyncOAuth2Api' | 'xeroCustomConnectionApi';

export interface XeroRequest {
	method: 'GET' | 'PUT' | 'POST' | 'DELETE';
	/** Path under the Accounting API root, e.g. "/Invoices" or "/Accounts/{id}". */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** e.g. If-Modified-Since. Authorization and xero-tenant-id are added by the transport. */
	headers?: Record<string, string>;
	/** Writes carry one; the transport reuses it on every retry so a retried write never duplicates. */
	idempotencyKey?: string;
}

export interface XeroResponse<T = IDataObject> {
	status: number;
	headers: Record<string, string>;
	body: T;
}
