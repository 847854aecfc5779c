import type { IDataObject } from 'n8n-workflow';

import { credentialKey, send, type XeroContext } from './createXeroTransport';
import { xeroEndpoints } from './endpoints';
import { limiterFor } from './limiter';
import { DEFAULT_RETRY } from './retryPolicy';
import { refreshStateFor } from './tokenRefresh';
import type { XeroCredentialType } from './types';

/** One organisation (tenant) a token is connected to, as GET /connections returns it. */
export interface XeroConnection extends IDataObject {
	id: string;
	tenantId: string;
	tenantName: string;
	tenantType: string;
	createdDateUtc?: string;
	updatedDateUtc?: string;
}

/**
 * The organisations the credential's token can reach (the tenant picker). /connections is an identity call, outside
 * any tenant's limits, so it has a limiter of its own; token renewal and retries are the transport's.
 */
export async function listConnections(
	ctx: XeroContext,
	options: XeroCredentialType | { credentialType: XeroCredentialType },
): Promise<XeroConnection[]> {
	const credentialType = typeof options === 'string' ? options : options.credentialType;
	const credentials = await ctx.getCredentials(credentialType);
	const url = xeroEndpoints(credentials.baseUrl).connections;
	const response = await send<unknown>(
		{
			ctx,
			credentialType,
			retry: DEFAULT_RETRY,
			limiter: limiterFor('identity:connections'),
			refresh: refreshStateFor(credentialKey(ctx, credentialType)),
		},
		{ method: 'GET', url, headers: { Accept: 'application/json' }, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true },
		{ method: 'GET', path: '/connections' },
		new URL(url).host,
	);
	return Array.isArray(response.body) ? (response.body as XeroConnection[]) : [];
}
