import type { SandboxClock } from '../clock';
import { newId } from '../ids';

export interface Connection {
	id: string;
	authEventId: string;
	tenantId: string;
	tenantType: 'ORGANISATION';
	tenantName: string;
	createdDateUtc: string;
	updatedDateUtc: string;
}

export interface TenantRef {
	id: string;
	name: string;
}

/** The organisations each grant (one app authorised by the user) is connected to, in xero-identity.yaml's shape. */
export class ConnectionStore {
	private readonly byGrant = new Map<string, Connection[]>();

	constructor(private readonly clock: SandboxClock, private readonly tenants: () => TenantRef[]) {}

	/** a consent: ticked organisations are connected, or their connection refreshed; earlier ones stay */
	connect(grantId: string, authEventId: string, tenantIds: string[]): void {
		const existing = this.byGrant.get(grantId) ?? [];
		// Xero sends these without an offset ("2019-12-07T18:46:19.5165400", also the yaml's example), but the yaml
		// types them date-time, which needs one; UTC with a Z satisfies both the contract and every parser.
		const stamp = new Date(this.clock.now()).toISOString();
		for (const tenant of this.tenants().filter((candidate) => tenantIds.includes(candidate.id))) {
			const found = existing.find((connection) => connection.tenantId === tenant.id);
			if (found) {
				found.updatedDateUtc = stamp;
				found.authEventId = authEventId;
			} else {
				existing.push({
					id: newId(),
					authEventId,
					tenantId: tenant.id,
					tenantType: 'ORGANISATION',
					tenantName: tenant.name,
					createdDateUtc: stamp,
					updatedDateUtc: stamp,
				});
			}
		}
		this.byGrant.set(grantId, existing);
	}

	has(grantId: string): boolean {
		return this.byGrant.has(grantId);
	}

	list(grantId: string): Connection[] {
		return this.byGrant.get(grantId) ?? [];
	}

	remove(grantId: string, connectionId: string): boolean {
		const list = this.list(grantId);
		const index = list.findIndex((connection) => connection.id === connectionId);
		if (index < 0) return false;
		list.splice(index, 1);
		return true;
	}

	/** revocation: the grant keeps no organisation */
	drop(grantId: string): void {
		this.byGrant.delete(grantId);
	}
}
