import type { IncomingHttpHeaders } from 'node:http';
import type { Tenant } from '../store/tenant';
import type { Json } from '../types';

export interface SandboxResponse {
	status: number;
	/** serialised as application/json */
	json?: unknown;
	/** sent as text/plain */
	text?: string;
	/** sent as is, with its own Content-Type (an invoice PDF) */
	binary?: { contentType: string; bytes: Buffer };
	headers?: Record<string, string>;
}

export interface AccountingCall {
	method: string;
	/** path below /api.xro/2.0, e.g. /Contacts/8f0c… */
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: unknown;
	tenant: Tenant;
	/** the app's name, which Xero echoes as ProviderName */
	providerName: string;
	now: number;
	/** see XeroSandboxOptions.highVolumeThreshold */
	highVolumeThreshold: number;
}

export interface CommittedChange {
	collection: string;
	id: string;
	created: boolean;
	silent: boolean;
	record: Json;
}

export interface RouteResult extends SandboxResponse {
	/** writes this call committed, for webhooks and reset-after-commit */
	changes?: CommittedChange[];
}
