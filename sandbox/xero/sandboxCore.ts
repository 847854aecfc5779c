import { SandboxClock } from './clock';
import { FaultInjector } from './control/faults';
import { IdempotencyStore } from './control/idempotency';
import { CallStats } from './control/stats';
import { newId } from './ids';
import type { CommittedChange } from './http/types';
import { IdentityService } from './identity/identityService';
import { RateLimiter } from './limits/rateLimiter';
import { buildTenants } from './store/demoData';
import type { Tenant } from './store/tenant';
import type { Json, LatencyModel, XeroSandboxOptions } from './types';
import { OpenApiValidator } from './validation/openapiValidator';
import { eventDate, WebhookSender, type WebhookEvent } from './webhooks/webhookSender';

const NO_LATENCY: LatencyModel = { baseMs: 0, perRecordMs: 0 };

export interface ResolvedOptions {
	clockScale: number;
	data: 'demo' | 'empty';
	validate: boolean;
	latencyMs: number;
	latency: LatencyModel;
	dailyLimit: number;
	minuteLimit: number;
	concurrentLimit: number;
	appMinuteLimit: number;
	highVolumeThreshold: number;
}

export function resolveOptions(options: XeroSandboxOptions): ResolvedOptions {
	return {
		clockScale: options.clockScale ?? 1,
		data: options.data ?? 'demo',
		validate: options.validate ?? false,
		latencyMs: options.latencyMs ?? 0,
		latency: options.latency ?? NO_LATENCY,
		dailyLimit: options.dailyLimit ?? 5000,
		minuteLimit: options.minuteLimit ?? 60,
		concurrentLimit: options.concurrentLimit ?? 5,
		appMinuteLimit: options.appMinuteLimit ?? 10_000,
		highVolumeThreshold: options.highVolumeThreshold ?? 100_000,
	};
}

// Without validation the yaml is not loaded at all; these are the yaml's scopes for the operations served.
const SETTINGS = ['accounting.settings', 'accounting.settings.read'];
const FALLBACK_SCOPES: Record<string, string[]> = {
	Contacts: ['accounting.contacts', 'accounting.contacts.read'],
	Invoices: ['accounting.transactions', 'accounting.transactions.read'],
	Payments: ['accounting.transactions', 'accounting.transactions.read'],
	Quotes: ['accounting.transactions', 'accounting.transactions.read'],
	PurchaseOrders: ['accounting.transactions', 'accounting.transactions.read'],
};

/** everything one sandbox instance holds; the HTTP layer and the control API both work on it */
export class SandboxCore {
	readonly clock: SandboxClock;
	readonly identity: IdentityService;
	readonly tenants = new Map<string, Tenant>();
	readonly limiter: RateLimiter;
	readonly faults = new FaultInjector();
	readonly stats = new CallStats();
	readonly idempotency = new IdempotencyStore();
	readonly webhooks: WebhookSender;
	readonly validator: OpenApiValidator | undefined;
	baseUrl = '';
	private currencies: Set<string> | undefined;

	constructor(readonly options: ResolvedOptions, raw: XeroSandboxOptions) {
		this.clock = new SandboxClock(options.clockScale);
		this.identity = new IdentityService(this.clock, () => [...this.tenants.values()].map((tenant) => ({ id: tenant.id, name: tenant.name })));
		this.limiter = new RateLimiter(this.clock, {
			minute: options.minuteLimit,
			day: options.dailyLimit,
			concurrent: options.concurrentLimit,
			appMinute: options.appMinuteLimit,
		});
		this.validator = options.validate ? new OpenApiValidator() : undefined;
		const validator = this.validator;
		this.webhooks = new WebhookSender(raw.webhooks, () => this.clock.now(), validator && ((payload) => validator.validateWebhookPayload(payload)));
		this.loadData(options.data);
	}

	async init(): Promise<void> {
		await this.validator?.load();
	}

	loadData(data: 'demo' | 'empty'): void {
		this.tenants.clear();
		for (const tenant of buildTenants(data, this.clock.now())) this.tenants.set(tenant.id, tenant);
	}

	scopesFor(resource: string, method: string): string[] {
		const scopes = FALLBACK_SCOPES[resource] ?? SETTINGS;
		return method === 'GET' ? scopes : scopes.slice(0, 1);
	}

	/** the ISO 4217 codes the yaml allows, for PUT /Currencies */
	currencyCodes(): Set<string> {
		if (!this.currencies) {
			const schema = this.validator?.spec('xero_accounting.yaml').api.definition.components?.schemas?.CurrencyCode as { enum?: string[] } | undefined;
			this.currencies = new Set(schema?.enum ?? ['NZD', 'AUD', 'USD', 'GBP', 'EUR', 'CAD', 'JPY', 'SGD']);
		}
		return this.currencies;
	}

	correlationId(): string {
		return newId();
	}

	/** webhooks for contact and invoice changes, the two categories Xero sends */
	afterCommit(tenant: Tenant, changes: CommittedChange[]): void {
		const events: WebhookEvent[] = [];
		const stamp = eventDate(this.clock.now());
		for (const change of changes) {
			if (change.silent) continue;
			const category = change.collection === 'contacts' ? 'CONTACT' : change.collection === 'invoices' ? 'INVOICE' : undefined;
			if (!category) continue;
			const resource = category === 'CONTACT' ? 'Contacts' : 'Invoices';
			events.push({
				resourceUrl: `${this.baseUrl}/api.xro/2.0/${resource}/${change.id}`,
				resourceId: change.id,
				eventDateUtc: stamp,
				eventType: change.created ? 'CREATE' : 'UPDATE',
				eventCategory: category,
				tenantId: tenant.id,
				tenantType: 'ORGANISATION',
			});
		}
		this.webhooks.enqueue(events);
	}

	state(): Record<string, Json> {
		const out: Record<string, Json> = {};
		for (const tenant of this.tenants.values()) {
			out[tenant.id] = {
				name: tenant.name,
				baseCurrency: tenant.profile.baseCurrency,
				currencies: [...tenant.profile.currencies],
				counts: Object.fromEntries(Object.entries(tenant.records).map(([key, map]) => [key, map.size])),
				contacts: [...tenant.records.contacts.values()],
				invoices: [...tenant.records.invoices.values()],
				items: [...tenant.records.items.values()],
				accounts: [...tenant.records.accounts.values()],
				payments: [...tenant.records.payments.values()],
				quotes: [...tenant.records.quotes.values()],
				purchaseOrders: [...tenant.records.purchaseOrders.values()],
				creditNotes: [...tenant.records.creditNotes.values()],
			};
		}
		return out;
	}
}

