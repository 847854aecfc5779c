import { startXeroSandbox, type XeroSandbox } from '../../sandbox/xero';
import { apiClient, type ApiClient } from '../../sandbox/xero/testing/apiClient';

async function start(options: Parameters<typeof startXeroSandbox>[0]): Promise<{ xero: XeroSandbox; api: ApiClient; other: ApiClient }> {
	const xero = await startXeroSandbox({ data: 'empty', validate: true, ...options });
	const tokens = await xero.authorize();
	return {
		xero,
		api: apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: xero.tenants[0].tenantId }),
		other: apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId: xero.tenants[1].tenantId }),
	};
}

describe('Xero sandbox limits', () => {
	let running: XeroSandbox | undefined;
	afterEach(async () => {
		await running?.close();
		running = undefined;
	});

	it('counts down the minute, day and app allowances in every response', async () => {
		const { xero, api } = await start({});
		running = xero;
		const first = await api.get('/Organisation');
		const second = await api.get('/Currencies');
		expect(first.headers.get('x-minlimit-remaining')).toBe('59');
		expect(first.headers.get('x-daylimit-remaining')).toBe('4999');
		expect(first.headers.get('x-appminlimit-remaining')).toBe('9999');
		expect(second.headers.get('x-minlimit-remaining')).toBe('58');
		expect(second.headers.get('x-daylimit-remaining')).toBe('4998');
	});

	it('answers the 61st call of a minute with 429 minute and a whole-second Retry-After, per tenant', async () => {
		const { xero, api, other } = await start({});
		running = xero;
		for (let call = 0; call < 60; call++) expect((await api.get('/Currencies')).status).toBe(200);
		const limited = await api.get('/Currencies');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-rate-limit-problem')).toBe('minute');
		const retryAfter = limited.headers.get('retry-after') ?? '';
		expect(retryAfter).toMatch(/^\d+$/);
		expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
		expect(Number(retryAfter)).toBeLessThanOrEqual(60);
		expect(limited.headers.get('x-minlimit-remaining')).toBe('0');
		// a rejected call does not use up allowance, and the other tenant has its own
		expect((await other.get('/Currencies')).headers.get('x-minlimit-remaining')).toBe('59');
		const stats = xero.stats();
		expect(stats.tenants[xero.tenants[0].tenantId]).toMatchObject({ calls: 61, rateLimited: 1, rateLimitedBy: { minute: 1 } });
		expect(stats.tenants[xero.tenants[0].tenantId].byPath['GET /Currencies']).toBe(61);
	});

	it('scales the window with clockScale: a fractional Retry-After that is honest', async () => {
		const { xero, api } = await start({ clockScale: 60 });
		running = xero;
		for (let call = 0; call < 60; call++) expect((await api.get('/Currencies')).status).toBe(200);
		const limited = await api.get('/Currencies');
		expect(limited.status).toBe(429);
		const wait = Number(limited.headers.get('retry-after'));
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(1);
		await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 20));
		expect((await api.get('/Currencies')).status).toBe(200);
	});

	it('allows 5 calls in flight per tenant and answers the sixth with 429 concurrent', async () => {
		const { xero, api, other } = await start({ latencyMs: 300 });
		running = xero;
		const answers = await Promise.all([...Array.from({ length: 8 }, () => api.get('/Currencies')), other.get('/Currencies')]);
		const statuses = answers.slice(0, 8).map((answer) => answer.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(5);
		const refused = answers.slice(0, 8).filter((answer) => answer.status === 429);
		expect(refused).toHaveLength(3);
		for (const answer of refused) {
			expect(answer.headers.get('x-rate-limit-problem')).toBe('concurrent');
			expect(answer.headers.get('retry-after')).toBeNull();
		}
		expect(answers[8].status).toBe(200);
		expect(xero.stats().inFlight[xero.tenants[0].tenantId].max).toBe(5);
	});

	it('stops a tenant at its daily limit with 429 day', async () => {
		const { xero, api, other } = await start({ dailyLimit: 10, clockScale: 600 });
		running = xero;
		for (let call = 0; call < 10; call++) {
			const answer = await api.get('/Currencies');
			expect(answer.status).toBe(200);
			expect(answer.headers.get('x-daylimit-remaining')).toBe(String(9 - call));
		}
		const limited = await api.get('/Currencies');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-rate-limit-problem')).toBe('day');
		// a sandbox day lasts 144 real seconds at this scale
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(100);
		expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(144);
		expect((await other.get('/Currencies')).status).toBe(200);
		xero.advanceClock(24 * 60 * 60_000);
		// a day later the access token has long expired too
		expect((await api.get('/Currencies')).status).toBe(401);
		const fresh = apiClient({ baseUrl: xero.url, accessToken: (await xero.authorize()).access_token, tenantId: xero.tenants[0].tenantId });
		expect((await fresh.get('/Currencies')).status).toBe(200);
	});

	it('limits an app to its per-minute allowance across tenants', async () => {
		const { xero, api, other } = await start({ appMinuteLimit: 3 });
		running = xero;
		expect((await api.get('/Currencies')).status).toBe(200);
		expect((await other.get('/Currencies')).status).toBe(200);
		const third = await api.get('/Currencies');
		expect(third.headers.get('x-appminlimit-remaining')).toBe('0');
		const limited = await other.get('/Currencies');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-rate-limit-problem')).toBe('appminute');
	});
});
