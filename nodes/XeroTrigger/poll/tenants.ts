import type { IPollFunctions } from 'n8n-workflow';

import { listConnections } from '../../shared/xero/transport';
import type { PollSettings } from './settings';

export interface PollTarget {
	/** undefined for a Custom Connection, which is bound to one organisation and sends no tenant header. */
	tenantId: string | undefined;
	tenantName: string | null;
	/** Key of this tenant + resource in the static data. */
	scopeKey: string;
}

export async function pollTargets(ctx: IPollFunctions, settings: PollSettings): Promise<PollTarget[]> {
	const resource = settings.spec.resource;
	if (settings.credentialType === 'xeroCustomConnectionApi') {
		return [{ tenantId: undefined, tenantName: null, scopeKey: `custom-connection|${resource}` }];
	}
	if (!settings.allTenants) {
		const tenantId = settings.tenantId as string;
		return [{ tenantId, tenantName: settings.tenantName, scopeKey: `${tenantId}|${resource}` }];
	}
	const connections = await listConnections(ctx, { credentialType: settings.credentialType });
	return connections
		.filter((connection) => connection.tenantType === undefined || connection.tenantType === 'ORGANISATION')
		.map((connection) => ({
			tenantId: String(connection.tenantId),
			tenantName: connection.tenantName === undefined ? null : String(connection.tenantName),
			scopeKey: `${String(connection.tenantId)}|${resource}`,
		}));
}
