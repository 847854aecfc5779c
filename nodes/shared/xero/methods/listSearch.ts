import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { credentialTypeOf } from '../authentication.description';
import { listConnections } from '../transport';

/**
 * "Xero Organisation" list of every Xero node: the tenants the token is connected to (GET /connections), filtered
 * by name. Xero returns them all in one response, so there is no pagination token.
 */
export async function searchTenants(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const credentialType = credentialTypeOf(this.getNodeParameter('authentication', 'oAuth2') as string);
	const connections = await listConnections(this, { credentialType });
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = connections
		.filter((c) => c.tenantType === undefined || c.tenantType === 'ORGANISATION')
		.filter((c) => wanted === '' || String(c.tenantName ?? '').toLowerCase().includes(wanted))
		.map((c) => ({ name: String(c.tenantName ?? c.tenantId), value: String(c.tenantId) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
