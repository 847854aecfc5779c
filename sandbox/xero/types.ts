export type Json = Record<string, unknown>;

export type DemoData = 'demo' | 'empty';

export interface WebhookSettings {
	/** where signed event batches are POSTed; no URL, no deliveries */
	url?: string;
	/** the webhook signing key shown in Xero's developer portal */
	key?: string;
	/** sign with a wrong key, as a forged delivery would be */
	badSignature?: boolean;
	/** deliver every batch this many extra times (Xero may deliver an event more than once) */
	duplicates?: number;
	/** how long (real ms) changes are collected into one batch */
	batchWindowMs?: number;
}

export interface XeroSandboxOptions {
	/** 0 picks a free port */
	port?: number;
	/** 127.0.0.1 unless told otherwise */
	host?: string;
	/** sandbox minutes per real minute, see clock.ts */
	clockScale?: number;
	data?: DemoData;
	/** validate every request and response against Xero's OpenAPI files */
	validate?: boolean;
	/** per tenant calls a day (Xero: 5,000; 1,000 on the Starter tier) */
	dailyLimit?: number;
	/** per tenant calls a minute (Xero: 60) */
	minuteLimit?: number;
	/** per tenant calls in flight (Xero: 5) */
	concurrentLimit?: number;
	/** per app calls a minute across tenants (Xero: 10,000) */
	appMinuteLimit?: number;
	/** artificial real milliseconds added to every accounting call, so concurrency is observable */
	latencyMs?: number;
	/** sandbox time every accounting call takes, growing with the records in its answer (see LatencyModel) */
	latency?: LatencyModel;
	/**
	 * Records in a collection above which Xero refuses long OR-chained filters (400 HighVolumeException). Xero's
	 * threshold is 100,000 (README "High-volume organisations"); tests lower it instead of seeding 100,000 records.
	 */
	highVolumeThreshold?: number;
	webhooks?: WebhookSettings;
	/** receives one line per request when set (never tokens or secrets) */
	log?: (line: string) => void;
}

/**
 * How long an accounting call takes, in sandbox milliseconds (divided by clockScale like every duration): `baseMs`
 * for the round trip, plus `perRecordMs` for each record in the answer (a page of 1,000 invoices, a batch of 50
 * echoed back). A 429 takes the round trip only. Xero publishes no latency figures; the models the benchmark uses
 * are assumptions, stated in README "Latency".
 */
export interface LatencyModel {
	baseMs: number;
	perRecordMs: number;
}
