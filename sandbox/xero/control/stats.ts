export interface TenantStats {
	calls: number;
	rateLimited: number;
	rateLimitedBy: Record<string, number>;
	byStatus: Record<string, number>;
	byPath: Record<string, number>;
	/** calls with a write method (PUT/POST/DELETE), refused ones too */
	writes: number;
	/** records a write actually changed (created or updated), Xero's side bookkeeping left out */
	recordsWritten: number;
	/** each accepted call's modelled latency in sandbox ms (XeroSandboxOptions.latency), in order: the benchmark's floor */
	latenciesMs: number[];
	idempotentReplays: number;
	maxInFlight: number;
}

function empty(): TenantStats {
	return {
		calls: 0,
		rateLimited: 0,
		rateLimitedBy: {},
		byStatus: {},
		byPath: {},
		writes: 0,
		recordsWritten: 0,
		latenciesMs: [],
		idempotentReplays: 0,
		maxInFlight: 0,
	};
}

/** what the benchmark and the fault suite count: calls per tenant, 429s, and calls per path */
export class CallStats {
	private tenants = new Map<string, TenantStats>();
	identityCalls: Record<string, number> = {};

	tenant(id: string): TenantStats {
		let stats = this.tenants.get(id);
		if (!stats) {
			stats = empty();
			this.tenants.set(id, stats);
		}
		return stats;
	}

	/** per-path keys use the route template, e.g. "GET /Invoices/{id}", so counts stay readable */
	record(tenantId: string, method: string, route: string, status: number, problem?: string): void {
		const stats = this.tenant(tenantId);
		stats.calls++;
		stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
		const key = `${method} ${route}`;
		stats.byPath[key] = (stats.byPath[key] ?? 0) + 1;
		if (method !== 'GET') stats.writes++;
		if (status === 429) {
			stats.rateLimited++;
			const reason = problem ?? 'unknown';
			stats.rateLimitedBy[reason] = (stats.rateLimitedBy[reason] ?? 0) + 1;
		}
	}

	recordIdentity(route: string): void {
		this.identityCalls[route] = (this.identityCalls[route] ?? 0) + 1;
	}

	snapshot(): { tenants: Record<string, TenantStats>; identity: Record<string, number>; totals: TenantStats } {
		const totals = empty();
		const tenants: Record<string, TenantStats> = {};
		for (const [id, stats] of this.tenants) {
			tenants[id] = JSON.parse(JSON.stringify(stats)) as TenantStats;
			totals.calls += stats.calls;
			totals.rateLimited += stats.rateLimited;
			totals.writes += stats.writes;
			totals.recordsWritten += stats.recordsWritten;
			totals.latenciesMs.push(...stats.latenciesMs);
			totals.idempotentReplays += stats.idempotentReplays;
			totals.maxInFlight = Math.max(totals.maxInFlight, stats.maxInFlight);
			for (const [key, value] of Object.entries(stats.byStatus)) totals.byStatus[key] = (totals.byStatus[key] ?? 0) + value;
			for (const [key, value] of Object.entries(stats.byPath)) totals.byPath[key] = (totals.byPath[key] ?? 0) + value;
			for (const [key, value] of Object.entries(stats.rateLimitedBy)) {
				totals.rateLimitedBy[key] = (totals.rateLimitedBy[key] ?? 0) + value;
			}
		}
		return { tenants, identity: { ...this.identityCalls }, totals };
	}

	reset(): void {
		this.tenants.clear();
		this.identityCalls = {};
	}
}
