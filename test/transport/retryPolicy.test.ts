import { setXeroClockScale } from '../../nodes/shared/xero/transport';
import { backoffDelay, decideRetry, DEFAULT_RETRY, retryAfterMs } from '../../nodes/shared/xero/transport/retryPolicy';

const none = { errors: 0, rateLimits: 0 };
const http = (status: number, headers: Record<string, string> = {}) => ({ kind: 'http' as const, status, headers });

afterEach(() => setXeroClockScale(1));

describe('retry policy', () => {
	it('backs off exponentially with jitter between half and all of the step, capped', () => {
		expect(backoffDelay(1, DEFAULT_RETRY, () => 0)).toBe(500);
		expect(backoffDelay(1, DEFAULT_RETRY, () => 1)).toBe(1_000);
		expect(backoffDelay(3, DEFAULT_RETRY, () => 0)).toBe(2_000);
		expect(backoffDelay(3, DEFAULT_RETRY, () => 1)).toBe(4_000);
		expect(backoffDelay(20, DEFAULT_RETRY, () => 1)).toBe(30_000);
	});

	it('shrinks its waits with the clock scale', () => {
		setXeroClockScale(60);
		expect(backoffDelay(1, DEFAULT_RETRY, () => 1)).toBeCloseTo(1_000 / 60);
	});

	it('reads fractional Retry-After seconds', () => {
		expect(retryAfterMs({ 'retry-after': '0.5' })).toBe(500);
		expect(retryAfterMs({ 'retry-after': '57' })).toBe(57_000);
		expect(retryAfterMs({})).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
	});

	it('waits out a minute 429 for Retry-After (plus a little jitter) and pauses the whole tenant', () => {
		const decision = decideRetry(http(429, { 'x-rate-limit-problem': 'minute', 'retry-after': '2.5' }), none, DEFAULT_RETRY, () => 0);
		expect(decision).toEqual({ retry: true, delayMs: 2_500, pauseTenantMs: 2_500 });
		const jittered = decideRetry(http(429, { 'x-rate-limit-problem': 'minute', 'retry-after': '1' }), none, DEFAULT_RETRY, () => 1);
		expect(jittered).toEqual({ retry: true, delayMs: 1_250, pauseTenantMs: 1_000 });
	});

	it('backs off on a concurrent-limit 429 without pausing the tenant', () => {
		const decision = decideRetry(http(429, { 'x-rate-limit-problem': 'concurrent' }), none, DEFAULT_RETRY, () => 1);
		expect(decision).toEqual({ retry: true, delayMs: 1_000 });
	});

	it('never retries the daily limit', () => {
		expect(decideRetry(http(429, { 'x-rate-limit-problem': 'day', 'retry-after': '3600' }), none)).toEqual({ retry: false });
	});

	it('retries 503, 500 and other 5xx, honouring a Retry-After longer than the backoff', () => {
		expect(decideRetry(http(503), none, DEFAULT_RETRY, () => 1)).toEqual({ retry: true, delayMs: 1_000 });
		expect(decideRetry(http(500), { errors: 1, rateLimits: 0 }, DEFAULT_RETRY, () => 1)).toEqual({ retry: true, delayMs: 2_000 });
		expect(decideRetry(http(502, { 'retry-after': '5' }), none, DEFAULT_RETRY, () => 1)).toEqual({ retry: true, delayMs: 5_000 });
	});

	it('does not retry answers that will not change: 400, 401, 403, 404', () => {
		for (const status of [400, 401, 403, 404, 413]) expect(decideRetry(http(status), none)).toEqual({ retry: false });
	});

	it('retries resets and timeouts but not an unreachable host', () => {
		for (const code of ['ECONNRESET', 'SOCKET_HANG_UP', 'ETIMEDOUT', 'EPIPE']) {
			expect(decideRetry({ kind: 'network', code }, none)).toMatchObject({ retry: true });
		}
		for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'ERR_CANCELED']) {
			expect(decideRetry({ kind: 'network', code }, none)).toEqual({ retry: false });
		}
	});

	it('bounds errors and rate limits with separate budgets', () => {
		const settings = { ...DEFAULT_RETRY, maxRetries: 2, maxRateLimitRetries: 3 };
		expect(decideRetry(http(503), { errors: 2, rateLimits: 0 }, settings)).toEqual({ retry: false });
		expect(decideRetry(http(503), { errors: 1, rateLimits: 3 }, settings)).toMatchObject({ retry: true });
		const minute = http(429, { 'x-rate-limit-problem': 'minute', 'retry-after': '1' });
		expect(decideRetry(minute, { errors: 2, rateLimits: 2 }, settings)).toMatchObject({ retry: true });
		expect(decideRetry(minute, { errors: 0, rateLimits: 3 }, settings)).toEqual({ retry: false });
	});
});
