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
	/**
	 * Ask for a file instead of JSON (`application/pdf`: Xero serves a document's PDF on its own path): sent as the
	 * Accept header, and a successful answer's body is the bytes, a Buffer.
	 */
	binaryAccept?: string;
	/**
	 * A record's number as one more path segment (`/PurchaseOrders/{PurchaseOrderNumber}`), for collections read by
	 * number on their path: encoded by the transport, so it can never change which endpoint is called.
	 */
	numberSegment?: string;
}

export interface XeroResponse<T = IDataObject> {
	status: number;
	headers: Record<string, string>;
	body: T;
}
