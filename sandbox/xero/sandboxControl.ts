import type { FaultSpec } from './control/faults';
import type { SandboxClient } from './identity/clients';
import type { SandboxCore } from './sandboxCore';
import { seedTenant, type SeedResult, type SeedSpec } from './store/seed';
import type { Json, WebhookSettings } from './types';
import { processCounters } from './validation/openapiCounters';
import type { IntentToReceiveResult, WebhookDelivery } from './webhooks/webhookSender';

/** The test-control surface, shared by the in-process object and the /__sandbox HTTP routes. */
export class SandboxControl {
	constructor(private readonly core: SandboxCore) {}

	/** arms a fault for the next `count` matching accounting calls */
	injectFault(spec: FaultSpec): void {
		this.core.faults.arm(spec);
	}

	clearFaults(): void {
		this.core.faults.clear();
	}

	faults(): { pending: Array<{ kind: string; remaining: number }>; fired: Record<string, number> } {
		return { pending: this.core.faults.pending(), fired: { ...this.core.faults.fired } };
	}

	/** one access token, or every token issued so far, expires now */
	expireAccessTokens(accessToken?: string): void {
		this.core.identity.expireAccessTokens(accessToken);
	}

	/** as if another process had already rotated this refresh token */
	invalidateRefreshToken(refreshToken: string): boolean {
		return this.core.identity.invalidateRefreshToken(refreshToken);
	}

	/** moves sandbox time on by this many sandbox milliseconds */
	advanceClock(sandboxMs: number): void {
		this.core.clock.advance(sandboxMs);
	}

	addClient(client: SandboxClient): void {
		this.core.identity.addClient(client);
	}

	/** bulk records for benchmarks, straight into a tenant (default: the first); no HTTP, no limits, no webhooks */
	seed(spec: SeedSpec & { tenantId?: string }): SeedResult {
		const tenant = this.core.tenants.get(spec.tenantId ?? [...this.core.tenants.keys()][0]);
		if (!tenant) throw new Error(`unknown tenant ${String(spec.tenantId)}`);
		return seedTenant(tenant, this.core.clock.now(), spec);
	}

	state(): Record<string, Json> {
		return this.core.state();
	}

	stats(): ReturnType<SandboxCore['stats']['snapshot']> & { inFlight: Record<string, { now: number; max: number }>; faults: ReturnType<SandboxControl['faults']> } {
		const inFlight: Record<string, { now: number; max: number }> = {};
		for (const id of this.core.tenants.keys()) inFlight[id] = this.core.limiter.inFlight(id);
		return { ...this.core.stats.snapshot(), inFlight, faults: this.faults() };
	}

	resetStats(): void {
		this.core.stats.reset();
	}

	/** fresh data, limits, faults, idempotency keys and statistics; clients and tokens stay valid */
	reset(data: 'demo' | 'empty' = this.core.options.data): void {
		this.core.loadData(data);
		this.core.limiter.reset();
		this.core.faults.clear();
		this.core.idempotency.clear();
		this.core.stats.reset();
		this.core.webhooks.deliveries.length = 0;
	}

	/** up to `count` of the next requests that break Xero's OpenAPI description are refused without failing the run (0 ends it) */
	expectRequestViolations(count = 1): void {
		if (!this.core.validator) throw new Error('expectRequestViolations needs validate: true');
		this.core.validator.expectRequestViolations(count);
	}

	validation(): ReturnType<typeof processCounters> {
		return JSON.parse(JSON.stringify(processCounters())) as ReturnType<typeof processCounters>;
	}

	configureWebhooks(settings: WebhookSettings): void {
		this.core.webhooks.configure(settings);
	}

	webhookSettings(): ReturnType<SandboxCore['webhooks']['current']> {
		return this.core.webhooks.current();
	}

	webhookDeliveries(): WebhookDelivery[] {
		return [...this.core.webhooks.deliveries];
	}

	flushWebhooks(): Promise<void> {
		return this.core.webhooks.flush();
	}

	intentToReceive(url?: string, key?: string): Promise<IntentToReceiveResult> {
		return this.core.webhooks.intentToReceive(url, key);
	}
}
