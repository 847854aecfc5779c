import { randomInt } from 'node:crypto';
import type { WebhookSettings } from '../types';
import { xeroSignature } from './signature';

export interface WebhookEvent {
	resourceUrl: string;
	resourceId: string;
	eventDateUtc: string;
	eventType: 'CREATE' | 'UPDATE';
	eventCategory: 'CONTACT' | 'INVOICE';
	tenantId: string;
	tenantType: 'ORGANISATION';
}

export interface WebhookDelivery {
	url: string;
	status?: number;
	error?: string;
	/** false when the settings asked for a forged signature */
	signedCorrectly: boolean;
	/** 0 for the first delivery of a batch, 1.. for the duplicates */
	duplicate: number;
	eventCount: number;
	body: string;
	at: number;
}

export interface IntentToReceiveResult {
	url: string;
	correctlySignedStatus?: number;
	incorrectlySignedStatus?: number;
	/** Xero's check: 200 to the correctly signed and 401 to the incorrectly signed delivery */
	passed: boolean;
	errors: string[];
}

// Xero gives the receiver 5 seconds to answer before it counts a delivery as failed.
const RECEIVER_TIMEOUT_MS = 5000;

/** Xero's entropy: 20 random capital letters */
function entropy(): string {
	return Array.from({ length: 20 }, () => String.fromCharCode(65 + randomInt(26))).join('');
}

/** Xero's eventDateUtc has no offset: "2017-06-21T01:15:39.902" (the yaml calls it date-time; README) */
export function eventDate(millis: number): string {
	return new Date(millis).toISOString().replace('Z', '');
}

/**
 * Collects contact and invoice changes for a short window and posts them as one signed, thin batch, the way Xero
 * does. Deliveries are recorded so tests can see what was sent and how the receiver answered.
 */
export class WebhookSender {
	private settings: WebhookSettings = {};
	private pending: WebhookEvent[] = [];
	private timer: NodeJS.Timeout | undefined;
	private sequence = 0;
	private readonly inFlight = new Set<Promise<void>>();
	readonly deliveries: WebhookDelivery[] = [];

	constructor(
		settings: WebhookSettings | undefined,
		private readonly now: () => number,
		/** checks each batch against xero-webhooks.yaml when the sandbox validates */
		private readonly validate?: (payload: unknown) => void,
	) {
		this.configure(settings ?? {});
	}

	configure(settings: WebhookSettings): void {
		this.settings = { ...this.settings, ...settings };
	}

	current(): Omit<WebhookSettings, 'key'> & { keySet: boolean } {
		const { key, ...rest } = this.settings;
		return { ...rest, keySet: Boolean(key) };
	}

	enabled(): boolean {
		return Boolean(this.settings.url && this.settings.key);
	}

	enqueue(events: WebhookEvent[]): void {
		if (!this.enabled() || events.length === 0) return;
		this.pending.push(...events);
		if (!this.timer) {
			this.timer = setTimeout(() => {
				this.timer = undefined;
				this.send();
			}, this.settings.batchWindowMs ?? 50);
		}
	}

	private send(): void {
		const events = this.pending;
		this.pending = [];
		if (events.length === 0 || !this.settings.url || !this.settings.key) return;
		const first = this.sequence + 1;
		this.sequence += events.length;
		const payload = { events, firstEventSequence: first, lastEventSequence: this.sequence, entropy: entropy() };
		this.validate?.(payload);
		const body = JSON.stringify(payload);
		const url = this.settings.url;
		const signedCorrectly = !this.settings.badSignature;
		const key = signedCorrectly ? this.settings.key : `${this.settings.key}-forged`;
		const copies = 1 + Math.max(0, Math.floor(this.settings.duplicates ?? 0));
		const run = (async () => {
			for (let duplicate = 0; duplicate < copies; duplicate++) {
				const delivery: WebhookDelivery = { url, signedCorrectly, duplicate, eventCount: events.length, body, at: this.now() };
				const result = await post(url, body, xeroSignature(body, key));
				Object.assign(delivery, result);
				this.deliveries.push(delivery);
			}
		})();
		this.inFlight.add(run);
		void run.finally(() => this.inFlight.delete(run));
	}

	/** sends what is waiting now and resolves when every delivery has been answered */
	async flush(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = undefined;
		}
		this.send();
		await Promise.all([...this.inFlight]);
	}

	async intentToReceive(url = this.settings.url, key = this.settings.key): Promise<IntentToReceiveResult> {
		const result: IntentToReceiveResult = { url: url ?? '', passed: false, errors: [] };
		if (!url || !key) {
			result.errors.push('a webhook URL and key are needed');
			return result;
		}
		const payload = () => JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: entropy() });
		const good = payload();
		const bad = payload();
		const correct = await post(url, good, xeroSignature(good, key));
		const incorrect = await post(url, bad, xeroSignature(bad, `${key}-wrong`));
		result.correctlySignedStatus = correct.status;
		result.incorrectlySignedStatus = incorrect.status;
		if (correct.error) result.errors.push(`correctly signed: ${correct.error}`);
		if (incorrect.error) result.errors.push(`incorrectly signed: ${incorrect.error}`);
		result.passed = correct.status === 200 && incorrect.status === 401;
		return result;
	}

	/** drops what has not been sent and waits for deliveries already on the wire */
	async close(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.pending = [];
		await Promise.all([...this.inFlight]);
	}
}

async function post(url: string, body: string, signature: string): Promise<{ status?: number; error?: string }> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-xero-signature': signature },
			body,
			signal: AbortSignal.timeout(RECEIVER_TIMEOUT_MS),
		});
		await response.arrayBuffer();
		return { status: response.status };
	} catch (error) {
		return { error: error instanceof Error ? error.message : String(error) };
	}
}
