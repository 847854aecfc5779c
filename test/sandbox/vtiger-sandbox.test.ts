import { createHash } from 'node:crypto';
import { DEMO_IDS, startVtigerSandbox, type VtigerSandbox, type VtigerSandboxOptions } from '../../sandbox/vtiger';
import { runningForBlock, standIn } from '../support/lifecycle';

interface Envelope {
	success: boolean;
	result?: any;
	error?: { message: string; code: string | number };
}

interface Raw {
	status: number;
	contentType: string | null;
	text: string;
}

async function raw(crm: VtigerSandbox, method: 'GET' | 'POST', params: Record<string, string>): Promise<Raw> {
	const res =
		method === 'GET'
			? await fetch(`${crm.webserviceUrl}?${new URLSearchParams(params)}`)
			: await fetch(crm.webserviceUrl, { method: 'POST', body: new URLSearchParams(params) });
	return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

async function ws(crm: VtigerSandbox, method: 'GET' | 'POST', params: Record<string, string>): Promise<Envelope> {
	const res = await raw(crm, method, params);
	expect(res.status).toBe(200);
	return JSON.parse(res.text) as Envelope;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

async function challenge(crm: VtigerSandbox): Promise<string> {
	return (await ws(crm, 'GET', { operation: 'getchallenge', username: 'admin' })).result.token;
}

async function loginWith(crm: VtigerSandbox, token: string): Promise<Envelope> {
	return ws(crm, 'POST', { operation: 'login', username: 'admin', accessKey: md5(token + crm.accessKey) });
}

async function login(crm: VtigerSandbox): Promise<string> {
	const body = await loginWith(crm, await challenge(crm));
	expect(body.success).toBe(true);
	return body.result.sessionName;
}

/** A sandbox and a session on it, for a describe block's hooks. */
async function startLoggedIn(options: VtigerSandboxOptions): Promise<{ crm: VtigerSandbox; session: string }> {
	const crm = await startVtigerSandbox(options);
	return { crm, session: await login(crm) };
}

/**
 * The logged-in sandbox of the describe block that calls this, started before its tests (before each one with
 * `each`) and closed after them; `loggedIn` hears the session of each sandbox started, for the block to keep.
 */
function loggedInForBlock(options: VtigerSandboxOptions, loggedIn: (session: string) => void, each = false): VtigerSandbox {
	const start = async () => {
		const started = await startLoggedIn(options);
		loggedIn(started.session);
		return started.crm;
	};
	return standIn(runningForBlock(start, (crm) => crm.close(), each));
}

const query = (crm: VtigerSandbox, sessionName: string, q: string) => ws(crm, 'GET', { operation: 'query', sessionName, query: q });
const create = (crm: VtigerSandbox, sessionName: string, elementType: string, element: object) =>
	ws(crm, 'POST', { operation: 'create', sessionName, elementType, element: JSON.stringify(element) });

describe('vtiger sandbox: sessions and tokens', () => {
	let crm: VtigerSandbox;
	beforeEach(async () => {
		crm = await startVtigerSandbox({ data: 'empty' });
		crm.clock.set(1_800_000_000);
	});
	afterEach(() => crm.close());

	it('keeps a token usable until it expires and lets a new challenge supersede it', async () => {
		const first = await challenge(crm);
		expect((await loginWith(crm, first)).success).toBe(true);
		expect((await loginWith(crm, first)).success).toBe(true);
		const second = await challenge(crm);
		expect((await loginWith(crm, first)).error).toEqual({ message: 'Invalid username or password', code: 'INVALID_USER_CREDENTIALS' });
		crm.clock.advance(301);
		expect((await loginWith(crm, second)).error).toEqual({ message: 'Specified token is invalid or expired', code: 'INVALID_AUTH_TOKEN' });
	});

	it('ends idle sessions after 1800 s and any session after 86400 s', async () => {
		const idle = await login(crm);
		crm.clock.advance(1800);
		expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: idle })).error?.code).toBe('SESSION_LEFT_IDLE');
		expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: idle })).error?.code).toBe('INVALID_SESSIONID');

		const busy = await login(crm);
		for (let elapsed = 0; elapsed < 86400 - 1700; elapsed += 1700) {
			crm.clock.advance(1700);
			expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: busy })).success).toBe(true);
		}
		crm.clock.advance(1700);
		expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: busy })).error?.code).toBe('SESSION_EXPIRED');
	});

	it('breaks sessions on demand so a client has to log in again', async () => {
		for (const [kind, code] of [
			['invalid', 'INVALID_SESSIONID'],
			['expired', 'SESSION_EXPIRED'],
			['idle', 'SESSION_LEFT_IDLE'],
		] as const) {
			const session = await login(crm);
			expect(crm.faults.breakSessions(kind)).toBeGreaterThan(0);
			expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: session })).error?.code).toBe(code);
			const again = await login(crm);
			expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: again })).success).toBe(true);
		}
	});

	it('logs out', async () => {
		const session = await login(crm);
		expect((await ws(crm, 'POST', { operation: 'logout', sessionName: session })).result).toEqual({ message: 'successfull' });
		expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: session })).error?.code).toBe('INVALID_SESSIONID');
	});
});

describe('vtiger sandbox: faults', () => {
	let crm: VtigerSandbox;
	beforeAll(async () => {
		crm = await startVtigerSandbox({ data: 'empty' });
	});
	afterAll(() => crm.close());

	it('answers the next N calls with an empty HTTP 500 and then recovers', async () => {
		const session = await login(crm);
		crm.faults.fail500(2);
		for (let i = 0; i < 2; i++) {
			const res = await raw(crm, 'GET', { operation: 'listtypes', sessionName: session });
			expect(res).toEqual({ status: 500, contentType: 'text/html; charset=UTF-8', text: '' });
		}
		expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: session })).success).toBe(true);
	});

	it('delays responses', async () => {
		crm.faults.latency(150);
		const started = Date.now();
		await challenge(crm);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		crm.faults.clear();
	});

	it('lets overlapping creates of one name on separate sessions all pass the duplicate check, like vtiger', async () => {
		crm.faults.slowSaves(200);
		const sessions = [await login(crm), await login(crm), await login(crm)];
		const name = 'Race Account separate sessions';
		const results = await Promise.all(sessions.map((session) => create(crm, session, 'Accounts', { accountname: name, assigned_user_id: '19x1' })));
		const created = results.filter((r) => r.success);
		expect(created.length).toBeGreaterThan(1);
		expect(crm.records('Accounts').filter((r) => r.accountname === name)).toHaveLength(created.length);
		// A create that starts after the others inserted is refused.
		const late = await create(crm, sessions[0], 'Accounts', { accountname: name, assigned_user_id: '19x1' });
		expect(late.error).toEqual({ message: 'Duplicate(s) detected!', code: 0 });
		crm.faults.clear();
	});

	it('runs the calls of one session one after the other, so overlapping creates there give one record', async () => {
		crm.faults.slowSaves(30);
		const session = await login(crm);
		const name = 'Race Account one session';
		const results = await Promise.all([0, 1, 2].map(() => create(crm, session, 'Accounts', { accountname: name, assigned_user_id: '19x1' })));
		expect(results.filter((r) => r.success)).toHaveLength(1);
		expect(results.filter((r) => !r.success).map((r) => r.error)).toEqual([
			{ message: 'Duplicate(s) detected!', code: 0 },
			{ message: 'Duplicate(s) detected!', code: 0 },
		]);
		expect(crm.records('Accounts').filter((r) => r.accountname === name)).toHaveLength(1);
		crm.faults.clear();
	});

	it('offers the same control over HTTP', async () => {
		const post = (path: string, body: object) =>
			fetch(`${crm.url}/__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
		const session = await login(crm);
		expect(await post('faults', { http500: 1 })).toEqual({ pending500: 1, latencyMs: 0, saveGapMs: 0 });
		expect((await raw(crm, 'GET', { operation: 'listtypes', sessionName: session })).status).toBe(500);
		await post('faults', { sessions: 'expired' });
		expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: session })).error?.code).toBe('SESSION_EXPIRED');
		const now = (await post('clock', { set: 1_900_000_000 })).now;
		expect(now).toBe(1_900_000_000);
		expect((await post('settings', { currencyDecimals: 0, syncPatched: false })).currencyDecimals).toBe(0);
		const state = (await fetch(`${crm.url}/__sandbox/state`).then((r) => r.json())) as any;
		expect(state).toMatchObject({ data: 'empty', now: 1_900_000_000, settings: { currencyDecimals: 0, syncPatched: false } });
		expect(state.calls.listtypes).toBeGreaterThan(0);
		const reset = (await post('reset', { data: 'demo' })) as any;
		expect(reset.modules.Accounts.live).toBe(4);
		expect(reset.calls).toEqual({});
	});
});

describe('vtiger sandbox: paging and sync for the CRM node', () => {
	let crm: VtigerSandbox;
	let session: string;
	const start = 1_800_000_000;

	beforeAll(async () => {
		crm = await startVtigerSandbox({ data: 'empty' });
		crm.clock.set(start);
		session = await login(crm);
		// 250 accounts, one per second, so the sync boundary is exact.
		for (let i = 1; i <= 250; i++) {
			crm.clock.set(start + i);
			const body = await create(crm, session, 'Accounts', { accountname: `Paging ${String(i).padStart(3, '0')}`, assigned_user_id: '19x1' });
			expect(body.success).toBe(true);
		}
	});
	afterAll(() => crm.close());

	it('never returns more than 100 rows, and LIMIT offset,100 pages through everything', async () => {
		expect((await query(crm, session, 'SELECT id FROM Accounts;')).result).toHaveLength(100);
		expect((await query(crm, session, 'SELECT id FROM Accounts LIMIT 0,500;')).result).toHaveLength(100);
		expect((await query(crm, session, 'SELECT count(*) FROM Accounts;')).result).toEqual([{ count: '250' }]);
		const seen: string[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = (await query(crm, session, `SELECT accountname FROM Accounts ORDER BY accountname LIMIT ${offset},100;`)).result as Array<{ id: string; accountname: string }>;
			seen.push(...page.map((r) => r.accountname));
			if (page.length < 100) break;
		}
		expect(seen).toHaveLength(250);
		expect(new Set(seen).size).toBe(250);
		expect(seen[0]).toBe('Paging 001');
		expect(seen[249]).toBe('Paging 250');
	});

	it('pages sync with more:true and continues from lastModifiedTime', async () => {
		const first = (await ws(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(start), elementType: 'Accounts' })).result;
		expect(first.updated).toHaveLength(100);
		expect(first.more).toBe(true);
		expect(first.lastModifiedTime).toBe(start + 100);
		const second = (await ws(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(first.lastModifiedTime), elementType: 'Accounts' })).result;
		expect(second.updated).toHaveLength(100);
		const third = (await ws(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(second.lastModifiedTime), elementType: 'Accounts' })).result;
		expect(third).toMatchObject({ more: false, deleted: [], lastModifiedTime: start + 250 });
		expect(third.updated).toHaveLength(50);
		expect(third.updated[0]).not.toHaveProperty('label');
		expect(Object.keys(third.updated[0]).pop()).toBe('id');
	});

	it('returns every record of the boundary second, even past 100, and lists deletions', async () => {
		crm.clock.set(start + 1000);
		for (let i = 0; i < 110; i++) await create(crm, session, 'Accounts', { accountname: `Same second ${i}`, assigned_user_id: '19x1' });
		crm.clock.set(start + 1001);
		const victim = (await query(crm, session, "SELECT id FROM Accounts WHERE accountname = 'Paging 001';")).result[0].id;
		expect((await ws(crm, 'POST', { operation: 'delete', sessionName: session, id: victim })).result).toEqual({ status: 'successful' });
		const page = (await ws(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(start + 999), elementType: 'Accounts' })).result;
		expect(page.updated).toHaveLength(110);
		expect(page).toMatchObject({ more: true, lastModifiedTime: start + 1000 });
		const next = (await ws(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(page.lastModifiedTime), elementType: 'Accounts' })).result;
		expect(next).toEqual({ updated: [], deleted: [victim], more: false, lastModifiedTime: start + 1001 });
	});

	it('dies with an empty HTTP 500 for an untyped sync, and for every sync in unpatched mode', async () => {
		expect((await raw(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(start) })).status).toBe(500);
		crm.setSyncPatched(false);
		const res = await raw(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(start), elementType: 'Accounts' });
		crm.setSyncPatched(true);
		expect(res).toEqual({ status: 500, contentType: 'text/html; charset=UTF-8', text: '' });
	});

	it('plays stock OperationManager.php on PHP 8: query, retrieve_inventory, sync and logout die, the rest works (38)', async () => {
		const account = (await create(crm, session, 'Accounts', { accountname: 'Stock OM probe', assigned_user_id: '19x1' })).result.id as string;
		crm.setOperationManagerPatched(false);
		try {
			const empty500 = { status: 500, contentType: 'text/html; charset=UTF-8', text: '' };
			expect(await raw(crm, 'GET', { operation: 'query', sessionName: session, query: 'SELECT id FROM Accounts LIMIT 2;' })).toEqual(empty500);
			expect(await raw(crm, 'GET', { operation: 'retrieve_inventory', sessionName: session, id: account })).toEqual(empty500);
			expect(await raw(crm, 'GET', { operation: 'sync', sessionName: session, modifiedTime: String(start), elementType: 'Accounts' })).toEqual(empty500);
			expect((await ws(crm, 'GET', { operation: 'retrieve', sessionName: session, id: account })).success).toBe(true);
			expect((await ws(crm, 'GET', { operation: 'describe', sessionName: session, elementType: 'Accounts' })).success).toBe(true);
			expect((await ws(crm, 'GET', { operation: 'listtypes', sessionName: session })).success).toBe(true);
			expect((await ws(crm, 'POST', { operation: 'revise', sessionName: session, element: JSON.stringify({ id: account, phone: '1' }) })).success).toBe(true);
			expect((await login(crm)).length).toBeGreaterThan(0);
			expect(await raw(crm, 'POST', { operation: 'logout', sessionName: await login(crm) })).toEqual(empty500);
		} finally {
			crm.setOperationManagerPatched(true);
		}
		expect((await query(crm, session, 'SELECT id FROM Accounts LIMIT 2;')).success).toBe(true);
	});
});

describe('vtiger sandbox: demo data', () => {
	let session: string;
	const crm = loggedInForBlock({ data: 'demo' }, (name) => (session = name));

	it('lists and describes the Xero link fields and modules', async () => {
		const types = (await ws(crm, 'GET', { operation: 'listtypes', sessionName: session })).result;
		expect(types.types).toEqual(expect.arrayContaining(['Accounts', 'Invoice', 'XeroAccounts', 'XeroLogs']));
		const fieldsOf = async (module: string) =>
			((await ws(crm, 'GET', { operation: 'describe', sessionName: session, elementType: module })).result.fields as Array<{ name: string }>).map((f) => f.name);
		expect(await fieldsOf('Accounts')).toEqual(expect.arrayContaining(['cf_xero_contact_id', 'cf_xero_tax_number', 'cf_xero_currency']));
		expect(await fieldsOf('Products')).toEqual(expect.arrayContaining(['cf_xero_item_id', 'cf_xero_sales_account', 'cf_xero_purchase_account']));
		expect(await fieldsOf('Services')).toEqual(expect.arrayContaining(['cf_xero_item_id', 'cf_xero_sales_account', 'cf_xero_purchase_account']));
		expect(await fieldsOf('Invoice')).toEqual(expect.arrayContaining(['cf_xero_invoice_id', 'cf_xero_invoice_number', 'cf_xero_status']));
		expect(await fieldsOf('XeroAccounts')).toEqual(
			expect.arrayContaining(['xero_account_name', 'xero_account_code', 'xero_account_type', 'xero_tax_type', 'xero_account_class', 'xero_account_status', 'description']),
		);
		expect(await fieldsOf('XeroLogs')).toEqual(expect.arrayContaining(['app_name', 'result', 'action', 'flow', 'crm_id', 'xero_id', 'error_message']));
	});

	it('holds organisations with contacts, items with account codes, invoices in USD and NZD and a quote', async () => {
		const account = (await ws(crm, 'GET', { operation: 'retrieve', sessionName: session, id: DEMO_IDS.accounts.bayside })).result;
		expect(account).toMatchObject({ accountname: 'Bayside Club', account_no: 'ACC2', cf_xero_contact_id: '' });
		const contacts = (await query(crm, session, `SELECT lastname FROM Contacts WHERE account_id = '${DEMO_IDS.accounts.bayside}';`)).result;
		expect(contacts).toEqual([{ lastname: 'Bayside', id: DEMO_IDS.contacts.bayside }]);
		const products = (await query(crm, session, 'SELECT productcode, cf_xero_sales_account, cf_xero_purchase_account FROM Products;')).result;
		expect(products.map((p: any) => p.productcode)).toEqual(['GB1-White', 'TSHIRT', 'BOOK']);
		expect(products.every((p: any) => p.cf_xero_sales_account === '200' && p.cf_xero_purchase_account === '310')).toBe(true);
		const nzd = (await ws(crm, 'GET', { operation: 'retrieve', sessionName: session, id: DEMO_IDS.invoices.baysideNzd })).result;
		expect(nzd).toMatchObject({ currency_id: DEMO_IDS.currencies.nzd, hdnGrandTotal: '1500.00000000', productid: DEMO_IDS.services.devDay });
		expect(nzd.LineItems[0]).toMatchObject({ parent_id: '7xArray', entity_type: 'Services', quantity: '3.000' });
		const currencies = (await query(crm, session, 'SELECT currency_code FROM Currency;')).result;
		expect(currencies).toEqual([
			{ currency_code: 'USD', id: '21x1' },
			{ currency_code: 'NZD', id: '21x2' },
		]);
		// The demo invoice sold 40 golf balls out of 100.
		const balls = (await ws(crm, 'GET', { operation: 'retrieve', sessionName: session, id: DEMO_IDS.products.golfBalls })).result;
		expect(balls.qtyinstock).toBe('60.000');
		const quote = (await ws(crm, 'GET', { operation: 'retrieve', sessionName: session, id: DEMO_IDS.quotes.cityAgency })).result;
		expect(quote.LineItems).toHaveLength(2);
		expect(quote.quote_no).toBe('QUO1');
	});

	it('stores Xero links and sync logs like any other field and module', async () => {
		const revised = await ws(crm, 'POST', {
			operation: 'revise',
			sessionName: session,
			element: JSON.stringify({ id: DEMO_IDS.invoices.ridgewayUsd, cf_xero_invoice_id: 'b1b2c3d4-0000-0000-0000-000000000001', cf_xero_status: 'AUTHORISED' }),
		});
		expect(revised.result).toMatchObject({ cf_xero_invoice_id: 'b1b2c3d4-0000-0000-0000-000000000001', cf_xero_status: 'AUTHORISED' });
		const found = (await query(crm, session, "SELECT subject FROM Invoice WHERE cf_xero_invoice_id = 'b1b2c3d4-0000-0000-0000-000000000001';")).result;
		expect(found).toEqual([{ subject: 'Golf day supplies', id: DEMO_IDS.invoices.ridgewayUsd }]);
		const log = await create(crm, session, 'XeroLogs', {
			app_name: 'Xero',
			result: 'Failed',
			action: 'Send Invoice',
			flow: 'CRM → Xero',
			crm_id: DEMO_IDS.invoices.marineDraft,
			xero_id: '',
			error_message: 'Account code 999 is not valid',
			assigned_user_id: '19x1',
		});
		expect(log.result).toMatchObject({ id: expect.stringMatching(/^43x\d+$/), flow: 'CRM → Xero', label: 'Send Invoice' });
		const duplicate = await create(crm, session, 'Accounts', { accountname: 'RIDGEWAY UNIVERSITY', assigned_user_id: '19x1' });
		expect(duplicate.error).toEqual({ message: 'Duplicate(s) detected!', code: 0 });
	});

	it('rounds currency inputs to the configured decimals', async () => {
		const zero = await startVtigerSandbox({ data: 'empty', currencyDecimals: 0 });
		try {
			const s = await login(zero);
			const body = await create(zero, s, 'Accounts', { accountname: 'Rounding', assigned_user_id: '19x1', annual_revenue: '10.5' });
			expect(body.result.annual_revenue).toBe('11.00000000');
			expect(body.result.id).toBe('11x2');
		} finally {
			await zero.close();
		}
	});
});

describe('vtiger sandbox: request parsing like PHP', () => {
	let session: string;
	const crm = loggedInForBlock({ data: 'empty' }, (name) => (session = name));

	it('reads multipart forms, ignores JSON bodies and lower-cases the operation', async () => {
		const form = new FormData();
		form.set('operation', 'create');
		form.set('sessionName', session);
		form.set('elementType', 'Accounts');
		form.set('element', JSON.stringify({ accountname: 'Multipart Ltd', assigned_user_id: '19x1' }));
		const multipart = (await (await fetch(crm.webserviceUrl, { method: 'POST', body: form })).json()) as Envelope;
		expect(multipart.result).toMatchObject({ accountname: 'Multipart Ltd', id: '11x2' });

		const json = await fetch(`${crm.webserviceUrl}?operation=create`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ sessionName: session, elementType: 'Accounts', element: '{}' }),
		});
		expect(await json.json()).toEqual({ success: false, error: { message: 'Authencation required', code: 'AUTHENTICATION_REQUIRED' } });

		expect((await ws(crm, 'GET', { operation: 'ListTypes', sessionName: session })).success).toBe(true);
		const unknown = await raw(crm, 'GET', { operation: 'nosuchop', sessionName: session });
		expect(unknown).toEqual({ status: 500, contentType: 'text/html; charset=UTF-8', text: '' });
	});
});

describe('vtiger sandbox: fields left out of a create (35)', () => {
	let session: string;
	const crm = loggedInForBlock({ data: 'empty' }, (name) => (session = name));

	it('stores a checkbox left out as "0" although describe gives default "1"; picklists stay ""', async () => {
		const describe = (await ws(crm, 'GET', { operation: 'describe', sessionName: session, elementType: 'Products' })).result;
		expect((describe.fields as Array<{ name: string; default: string }>).find((f) => f.name === 'discontinued')?.default).toBe('1');
		const product = (await create(crm, session, 'Products', { productname: 'Default Active Probe', assigned_user_id: '19x1', unit_price: '10' })).result;
		expect(product).toMatchObject({ discontinued: '0', usageunit: '', manufacturer: '' });
		const service = (await create(crm, session, 'Services', { servicename: 'Default Active Service', assigned_user_id: '19x1' })).result;
		expect(service.discontinued).toBe('0');
		expect((await create(crm, session, 'Products', { productname: 'Explicit', assigned_user_id: '19x1', discontinued: '1' })).result.discontinued).toBe('1');
	});
});

describe('vtiger sandbox: invoice payments and documents (33, 33b, 34)', () => {
	let session: string;
	const crm = loggedInForBlock({ data: 'empty' }, (name) => (session = name), true);

	async function invoice(): Promise<{ id: string; product: string }> {
		const account = (await create(crm, session, 'Accounts', { accountname: 'Payer', assigned_user_id: '19x1' })).result.id;
		const product = (await create(crm, session, 'Products', { productname: 'Widget', assigned_user_id: '19x1', unit_price: '100' })).result.id;
		const lines = [{ productid: product, quantity: '2', listprice: '100' }];
		const element = { subject: 'Pay', account_id: account, assigned_user_id: '19x1', bill_street: 'x', ship_street: 'x', invoicestatus: 'Sent', hdnTaxType: 'group', productid: product, LineItems: lines };
		return { id: (await create(crm, session, 'Invoice', element)).result.id, product };
	}
	const retrieve = async (id: string) => (await ws(crm, 'GET', { operation: 'retrieve', sessionName: session, id })).result;
	const update = (element: object) => raw(crm, 'POST', { operation: 'update', sessionName: session, element: JSON.stringify(element) });

	it('recomputes balance only on an update that re-sends LineItems, shows the old one in its answer, and never sets Paid', async () => {
		const { id } = await invoice();
		const full = await retrieve(id);
		const { LineItems_FinalDetails: _details, ...element } = full;
		expect((await update({ ...element, received: '50' })).status).toBe(500);
		const clean = { ...element, hdnDiscountAmount: '0', hdnDiscountPercent: '0' };
		for (const key of Object.keys(clean)) if (key.startsWith('shipping_&_handling')) delete (clean as Record<string, unknown>)[key];
		const { LineItems: _lines, ...withoutLines } = clean;
		expect(JSON.parse((await update({ ...withoutLines, received: '50' })).text).result.balance).toBe('200.00000000');
		expect((await retrieve(id)).balance).toBe('200.00000000');
		const answer = JSON.parse((await update({ ...clean, received: '200' })).text).result;
		expect(answer).toMatchObject({ balance: '200.00000000', hdnGrandTotal: 200, LineItems: [] });
		expect(await retrieve(id)).toMatchObject({ balance: '0.00000000', received: '200.00000000', invoicestatus: 'Sent', region_id: '0', 'shipping_&_handling': '0.00000000' });
	});

	it('stores an uploaded binary file byte for byte and hands it back by its attachment id', async () => {
		const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0xc3]);
		const form = new FormData();
		form.set('operation', 'create');
		form.set('sessionName', session);
		form.set('elementType', 'Documents');
		form.set('element', JSON.stringify({ notes_title: 'Invoice PDF', assigned_user_id: '19x1', filelocationtype: 'I', filename: 'inv 1.pdf' }));
		form.set('filename', new Blob([bytes], { type: 'application/pdf' }), 'inv 1.pdf');
		const created = (await (await fetch(crm.webserviceUrl, { method: 'POST', body: form })).json()) as Envelope;
		expect(created.result).toMatchObject({ filename: 'inv_1.pdf', filetype: 'application/pdf', filesize: String(bytes.length), folderid: '22x1' });
		const file = await ws(crm, 'GET', { operation: 'files_retrieve', sessionName: session, id: created.result.imageattachmentids });
		expect(Buffer.from(file.result[0].filecontents, 'base64')).toEqual(bytes);
		expect((await ws(crm, 'GET', { operation: 'files_retrieve', sessionName: session, id: created.result.id })).error?.code).toBe('RECORD_NOT_FOUND');
	});
});
