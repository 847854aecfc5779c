import { scaled } from './clock';

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptFailure =
	| { kind: 'http'; status: number; headers: Record<string, string> }
	| { kind: 'network'; code: string };

export type RetryDecision =
	| { retry: false }
	/** `pauseTenantMs`: every call to the tenant waits this long, not only this one (Xero's Retry-After). */
	| { retry: true; delayMs: number; pauseTenantMs?: number };

export interface RetrySettings {
	/** Retries for 5xx and network failures. */
	maxRetries: number;
	/** Retries for 429 minute/concurrent/app limits, which Xero tells us how to wait out. */
	maxRateLimitRetries: number;
	/** Backoff base and cap in Xero milliseconds (scaled with the clock). */
	baseDelayMs: number;
	maxDelayMs: number;
	/** The tenant's clock scale (its limiter's); the process's when absent. */
	clockScale?: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxRetries: 5,
	maxRateLimitRetries: 10,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
};

/** Failures that may succeed when sent again; a reset after a write is safe because of the Idempotency-Key. */
const RETRYABLE_NETWORK = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'SOCKET_HANG_UP',
]);

/** Exponential backoff with jitter (half fixed, half random), so parallel retries do not return in lockstep. */
export function backoffDelay(retry: number, settings: RetrySettings, random: () => number = Math.random): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
	return scaled(ceiling / 2 + random() * (ceiling / 2), settings.clockScale);
}

/** Retry-After is in real seconds: the sandbox already scales it, Xero's is real; it may be fractional. */
export function retryAfterMs(headers: Record<string, string>): number | undefined {
	const value = Number.parseFloat(headers['retry-after'] ?? '');
	return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
}

/**
 * Whether to send the call again and after how long. `retriesSoFar` counts the retries already made for this kind
 * of failure: rate limits and errors have separate budgets, so a 429 storm does not use up the 503 retries.
 */
export function decideRetry(
	failure: AttemptFailure,
	retriesSoFar: { errors: number; rateLimits: number },
	settings: RetrySettings = DEFAULT_RETRY,
	random: () => number = Math.random,
): RetryDecision {
	if (failure.kind === 'network') {
		if (!RETRYABLE_NETWORK.has(failure.code) || retriesSoFar.errors >= settings.maxRetries) return { retry: false };
		return { retry: true, delayMs: backoffDelay(retriesSoFar.errors + 1, settings, random) };
	}
	const { status, headers } = failure;
	if (status === 429) {
		const problem = headers['x-rate-limit-problem'];
		if (problem === 'day' || retriesSoFar.rateLimits >= settings.maxRateLimitRetries) return { retry: false };
		const after = retryAfterMs(headers);
		if (after !== undefined) {
			// A little jitter on top so the calls that waited together do not arrive together.
			const delayMs = after + random() * scaled(250, settings.clockScale);
			return { retry: true, delayMs, pauseTenantMs: problem === 'concurrent' ? undefined : after };
		}
		return { retry: true, delayMs: backoffDelay(retriesSoFar.rateLimits + 1, settings, random) };
	}
	if (status >= 500 && status <= 599) {
		if (retriesSoFar.errors >= settings.maxRetries) return { retry: false };
		const after = retryAfterMs(headers);
		const backoff = backoffDelay(retriesSoFar.errors + 1, settings, random);
		return { retry: true, delayMs: after !== undefined ? Math.max(after, backoff) : backoff };
	}
	return { retry: false };
}

/** Which counter a retry of this failure uses. */
export function isRateLimit(failure: AttemptFailure): boolean {
	return failure.kind === 'http' && failure.status === 429;
}
