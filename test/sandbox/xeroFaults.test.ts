import { startXeroSandbox } from '../../sandbox/xero';
import { apiClient } from '../../sandbox/xero/testing/apiClient';
import { signedInSandbox } from './support';

type Rec = Record<string, unknown>;

describe('Xero sandbox faults and idempotency', () => {
	const sandbox = signedInSandbox({ data: 'demo', validate: true }, { each: true });

	const contactNames = () => (sandbox.xero.state()[sandbox.tenantId].contacts as Rec[]).map((contact) => contact.Name);

	it('forces 429s of each kind for the next N calls, with the real headers', async () => {
		sandbox.xero.injectFault({ kind: 'rate-limit-minute', count: 2 });
		sandbox.xero.injectFault({ kind: 'rate-limit-day' });
		sandbox.xero.injectFault({ kind: 'rate-limit-concurrent' });
		const answers = [];
		for (let call = 0; call < 5; call++) answers.push(await sandbox.api.get('/Currencies'));
		expect(answers.map((answer) => answer.status)).toEqual([429, 429, 429, 429, 200]);
		expect(answers.map((answer) => answer.headers.get('x-rate-limit-problem'))).toEqual(['minute', 'minute', 'day', 'concurrent', null]);
		expect(answers.map((answer) => answer.headers.get('retry-after'))).toEqual(['60', '60', '86400', null, null]);
		expect(answers[0].headers.get('x-minlimit-remaining')).not.toBeNull();
		expect(sandbox.xero.stats().totals.rateLimitedBy).toEqual({ minute: 2, day: 1, concurrent: 1 });
	});

	it('answers 503 "The Organisation is offline" and 500, only on matching calls', async () => {
		sandbox.xero.injectFault({ kind: 'offline', path: '/Invoices' });
		sandbox.xero.injectFault({ kind: 'server-error', method: 'PUT' });
		expect((await sandbox.api.get('/Contacts')).status).toBe(200);
		const offline = await sandbox.api.get('/Invoices');
		expect(offline.status).toBe(503);
		expect(offline.text).toBe('The Organisation is offline');
		expect(offline.headers.get('content-type')).toMatch(/^text\/plain/);
		const failed = await sandbox.api.put('/Contacts', { Contacts: [{ Name: 'Never stored' }] });
		expect(failed.status).toBe(500);
		expect(contactNames()).not.toContain('Never stored');
		expect((await sandbox.api.get('/Invoices')).status).toBe(200);
	});

	it('resets the connection after a write commits; a retry with the same Idempotency-Key replays, no duplicate', async () => {
		sandbox.xero.injectFault({ kind: 'reset-after-commit' });
		const body = { Contacts: [{ Name: 'Committed Then Reset' }] };
		const headers = { 'Idempotency-Key': 'batch-7f3a-1' };
		await expect(sandbox.api.put('/Contacts', body, headers)).rejects.toThrow();
		expect(contactNames().filter((name) => name === 'Committed Then Reset')).toHaveLength(1);
		const retry = await sandbox.api.put<{ Contacts: Rec[] }>('/Contacts', body, headers);
		expect(retry.status).toBe(200);
		expect(retry.json.Contacts[0].Name).toBe('Committed Then Reset');
		const stored = (sandbox.xero.state()[sandbox.tenantId].contacts as Rec[]).find((contact) => contact.Name === 'Committed Then Reset');
		expect(retry.json.Contacts[0].ContactID).toBe(stored?.ContactID);
		expect(contactNames().filter((name) => name === 'Committed Then Reset')).toHaveLength(1);
		expect(sandbox.xero.stats().tenants[sandbox.tenantId].idempotentReplays).toBe(1);
		expect(sandbox.xero.faults().fired['reset-after-commit']).toBe(1);
	});

	it('replays the first response for a repeated Idempotency-Key, errors included, per tenant', async () => {
		const first = await sandbox.api.put<Rec>('/Contacts', { Contacts: [{ Name: 'ABC Furniture' }] }, { 'Idempotency-Key': 'k-1' });
		expect(first.status).toBe(400);
		const second = await sandbox.api.put<Rec>('/Contacts', { Contacts: [{ Name: 'Something Else' }] }, { 'Idempotency-Key': 'k-1' });
		expect(second.status).toBe(400);
		expect(second.json).toEqual(first.json);
		expect(contactNames()).not.toContain('Something Else');

		const made = await sandbox.api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: 'Once Only' }] }, { 'Idempotency-Key': 'k-2' });
		const again = await sandbox.api.put<{ Contacts: Rec[] }>('/Contacts', { Contacts: [{ Name: 'Once Only' }] }, { 'Idempotency-Key': 'k-2' });
		expect(again.json).toEqual(made.json);
		const otherTenant = apiClient({ baseUrl: sandbox.xero.url, accessToken: (await sandbox.xero.authorize()).access_token, tenantId: sandbox.xero.tenants[1].tenantId });
		expect((await otherTenant.put('/Contacts', { Contacts: [{ Name: 'Once Only' }] }, { 'Idempotency-Key': 'k-2' })).status).toBe(200);
		expect((sandbox.xero.state()[sandbox.xero.tenants[1].tenantId].contacts as Rec[]).map((contact) => contact.Name)).toContain('Once Only');
	});

	it('makes a repeat that arrives while the first call still runs wait for it', async () => {
		const slow = await startXeroSandbox({ data: 'empty', validate: true, latencyMs: 200 });
		try {
			const client = apiClient({ baseUrl: slow.url, accessToken: (await slow.authorize()).access_token, tenantId: slow.tenants[0].tenantId });
			const body = { Contacts: [{ Name: 'Raced' }] };
			const [a, b] = await Promise.all([client.put<Rec>('/Contacts', body, { 'Idempotency-Key': 'race' }), client.put<Rec>('/Contacts', body, { 'Idempotency-Key': 'race' })]);
			expect(a.json).toEqual(b.json);
			expect((slow.state()[slow.tenants[0].tenantId].contacts as Rec[]).filter((contact) => contact.Name === 'Raced')).toHaveLength(1);
		} finally {
			await slow.close();
		}
	});

	it('expires an access token early; a refresh gets a working one', async () => {
		const tokens = await sandbox.xero.authorize();
		const client = apiClient({ baseUrl: sandbox.xero.url, accessToken: tokens.access_token, tenantId: sandbox.tenantId });
		expect((await client.get('/Organisation')).status).toBe(200);
		sandbox.xero.expireAccessTokens(tokens.access_token);
		const expired = await client.get<Rec>('/Organisation');
		expect(expired.status).toBe(401);
		expect(String(expired.json.Detail)).toMatch(/^TokenExpired/);
		expect((await sandbox.api.get('/Organisation')).status).toBe(200);
		const response = await fetch(`${sandbox.xero.url}/connect/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('sandbox-web-client:sandbox-web-secret').toString('base64')}` },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) }).toString(),
		});
		const refreshed = (await response.json()) as Rec;
		expect((await apiClient({ baseUrl: sandbox.xero.url, accessToken: String(refreshed.access_token), tenantId: sandbox.tenantId }).get('/Organisation')).status).toBe(200);
	});

	it('can make a refresh token look rotated elsewhere', async () => {
		const tokens = await sandbox.xero.authorize();
		expect(sandbox.xero.invalidateRefreshToken(String(tokens.refresh_token))).toBe(true);
		const response = await fetch(`${sandbox.xero.url}/connect/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token), client_id: 'sandbox-web-client', client_secret: 'sandbox-web-secret' }).toString(),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({ error: 'invalid_grant' });
	});

	it('seeds records for benchmarks through the same rules, in process and over HTTP', async () => {
		expect(sandbox.xero.seed({ contacts: 3, items: 2, invoices: 7, prefix: 'Bench' })).toEqual({ contacts: 3, items: 2, invoices: 7 });
		const page = await sandbox.api.get<{ Invoices: Rec[]; pagination: Rec }>(`/Invoices?page=1&pageSize=5&where=${encodeURIComponent('Reference.StartsWith("Bench")')}`);
		expect(page.json.pagination).toMatchObject({ itemCount: 7, pageCount: 2 });
		expect(page.json.Invoices[0]).toMatchObject({ Status: 'AUTHORISED', InvoiceNumber: 'BENCH-INV-000001' });
		const again = await fetch(`${sandbox.xero.url}/__sandbox/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contacts: 1, prefix: 'Bench' }) });
		// the names are taken: the contact rules apply to seeded records too
		expect(again.status).toBe(400);
		expect(String(((await again.json()) as Rec).error)).toContain('The Contact Name already exists');
		const other = await fetch(`${sandbox.xero.url}/__sandbox/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: sandbox.xero.tenants[1].tenantId, contacts: 2, prefix: 'Far' }) });
		expect(await other.json()).toEqual({ contacts: 2, items: 0, invoices: 0 });
	});

	it('offers the same control over HTTP under /__sandbox', async () => {
		const control = (method: string, path: string, body?: unknown) =>
			fetch(`${sandbox.xero.url}/__sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		expect((await control('POST', '/faults', { kind: 'offline', count: 1 })).status).toBe(200);
		expect((await sandbox.api.get('/Items')).status).toBe(503);
		expect((await control('POST', '/faults', { kind: 'nonsense' })).status).toBe(400);
		await control('POST', '/faults', { kind: 'rate-limit-minute', count: 3 });
		expect(((await (await control('GET', '/faults')).json()) as Rec).pending).toEqual([{ kind: 'rate-limit-minute', remaining: 3 }]);
		await control('DELETE', '/faults');
		expect((await sandbox.api.get('/Items')).status).toBe(200);

		const stats = (await (await control('GET', '/stats')).json()) as { tenants: Record<string, Rec>; totals: Rec };
		expect(stats.tenants[sandbox.tenantId].calls).toBe(2);
		expect((stats.tenants[sandbox.tenantId].byPath as Rec)['GET /Items']).toBe(2);

		const state = (await (await control('GET', `/state?tenantId=${sandbox.tenantId}`)).json()) as Rec;
		expect((state.counts as Rec).contacts).toBe(7);

		await sandbox.api.put('/Contacts', { Contacts: [{ Name: 'Gone After Reset' }] });
		await control('POST', '/reset', { data: 'empty' });
		const emptied = (await (await control('GET', `/state?tenantId=${sandbox.tenantId}`)).json()) as Rec;
		expect((emptied.counts as Rec).contacts).toBe(0);
		expect(((await (await control('GET', '/stats')).json()) as { totals: Rec }).totals.calls).toBe(0);

		await control('POST', '/tokens/expire', {});
		expect((await sandbox.api.get('/Items')).status).toBe(401);
		const validation = (await (await control('GET', '/validation')).json()) as { specs: Record<string, Rec> };
		expect(Number(validation.specs['xero_accounting.yaml'].responses)).toBeGreaterThan(0);
	});
});
