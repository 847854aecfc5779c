import { logEntryOf } from '../../../nodes/shared/syncLog';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { DEMO_TENANT_ID, startXeroSandbox } from '../../../sandbox/xero';
import type { XeroSandbox } from '../../../sandbox/xero';
import { router } from '../../../nodes/XeroSync/actions/router';
import { fakeContext } from './fakeContext';
import { SandboxCaller } from './sandboxCaller';

let mockCaller: SandboxCaller | undefined;
jest.mock(
	'../../../nodes/shared/xero/transport',
	() => ({ createXeroTransport: () => mockCaller, listConnections: async () => [] }),
	{ virtual: true },
);

const SCALE = 60;

function invoice(n: number, extra: IDataObject = {}): IDataObject {
	return {
		crmId: `7x${n}`,
		Type: 'ACCREC',
		Contact: { Name: `Customer ${n % 5}` },
		InvoiceNumber: `E-${String(n).padStart(4, '0')}`,
		Date: '2026-11-01',
		Status: 'DRAFT',
		LineItems: [{ Description: `Work ${n}`, Quantity: 1, UnitAmount: 10 + n, AccountCode: '200' }],
		...extra,
	};
}

async function run(parameters: IDataObject, json: IDataObject[], staticData?: IDataObject) {
	const items: INodeExecutionData[] = json.map((j) => ({ json: j }));
	const ctx = fakeContext({ authentication: 'customConnection', ...parameters }, items, { staticData });
	const [out] = await router.call(ctx);
	const ok = out.filter((i) => logEntryOf(i) === undefined);
	const failed = out.filter((i) => logEntryOf(i) !== undefined);
	expect(out.map((i) => (i.pairedItem as { item: number }).item).sort((a, b) => a - b)).toEqual(
		parameters.operation === 'send' ? [...Array(json.length).keys()] : out.map((i) => (i.pairedItem as { item: number }).item).sort((a, b) => a - b),
	);
	return { ok, failed, staticData: ctx.staticData };
}

const tenantStats = (xero: XeroSandbox) => xero.stats().tenants[DEMO_TENANT_ID];
const stored = (xero: XeroSandbox, collection: string) =>
	((xero.state()[DEMO_TENANT_ID] as IDataObject)[collection] as IDataObject[]) ?? [];

describe('Xero Sync engines against the sandbox (interim transport)', () => {
	let xero: XeroSandbox;
	beforeEach(async () => {
		xero = await startXeroSandbox({ port: 0, data: 'demo', validate: true, clockScale: SCALE });
		mockCaller = new SandboxCaller(xero, SCALE);
		await xero.clientCredentialsToken();
		xero.resetStats();
	});
	afterEach(() => xero.close());

	it('sends 120 invoices in 3 writes; a re-send under Skip costs one write and one lookup per batch', async () => {
		const items = Array.from({ length: 120 }, (_, i) => invoice(i));
		const first = await run({ resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling: 'skip' }, items);
		expect(first.failed.map((f) => logEntryOf(f)?.message)).toEqual([]);
		expect(first.ok).toHaveLength(120);
		expect(tenantStats(xero).byPath).toEqual({ 'PUT /Invoices': 3 });
		xero.resetStats();
		const again = await run({ resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling: 'skip' }, items);
		expect(again.ok.map((i) => i.json.syncResult)).toEqual(Array(120).fill('Skipped'));
		expect(tenantStats(xero).byPath).toEqual({ 'PUT /Invoices': 3, 'GET /Invoices': 3 });
	});

	it('reports a rejected element of a batch and keeps the rest', async () => {
		const items = [invoice(1), invoice(2, { LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: -5, AccountCode: '200' }] }), invoice(3)];
		const result = await run({ resource: 'invoice', operation: 'send', inputMode: 'json' }, items);
		expect(result.ok).toHaveLength(2);
		expect(logEntryOf(result.failed[0])).toMatchObject({ code: 'VALIDATION', crmId: '7x2', action: 'Send Invoice' });
		expect(String(logEntryOf(result.failed[0])?.message)).toMatch(/Xero rejected it/);
	});

	it('applies Update, Fail and Add Suffix to organisations matched by name and by number', async () => {
		const update = await run({ resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'update' }, [
			{ crmId: '11x1', Name: 'ABC Furniture', Website: 'https://abc.example' },
			{ crmId: '11x2', Name: 'Bayside Club (renamed)', ContactNumber: 'CUST-002' },
		]);
		expect(update.failed.map((f) => logEntryOf(f)?.message)).toEqual([]);
		expect(update.ok.map((i) => [i.json.syncResult, i.json.Name])).toEqual([
			['Updated', 'ABC Furniture'],
			['Updated', 'Bayside Club (renamed)'],
		]);
		const fail = await run({ resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'fail' }, [
			{ crmId: '11x3', Name: 'City Limousines' },
		]);
		expect(logEntryOf(fail.failed[0])).toMatchObject({ code: 'DUPLICATE' });
		const suffix = await run({ resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'addSuffix' }, [
			{ crmId: '11x3', Name: 'City Limousines' },
		]);
		expect(suffix.ok[0].json).toMatchObject({ syncResult: 'Created', Name: 'City Limousines (11x3)' });
		expect(stored(xero, 'contacts').filter((c) => String(c.Name).startsWith('City Limousines'))).toHaveLength(2);
	});

	it('creates and updates accounts one by one, and checks item accounts once', async () => {
		const accounts = await run(
			{ resource: 'account', operation: 'send', inputMode: 'json', duplicateHandling: 'update' },
			[
				{ Code: '205', Name: 'Workshop Sales', Type: 'REVENUE' },
				{ Code: '200', Name: 'Sales', Type: 'REVENUE', Description: 'updated' },
			],
		);
		expect(accounts.failed.map((f) => logEntryOf(f)?.message)).toEqual([]);
		expect(accounts.ok.map((i) => i.json.syncResult)).toEqual(['Created', 'Updated']);
		xero.resetStats();
		const items = await run({ resource: 'item', operation: 'send', inputMode: 'json' }, [
			{ Code: 'NEW-1', Name: 'New', SalesDetails: { AccountCode: '205', UnitPrice: 3 } },
			{ Code: 'NEW-2', Name: 'Bad', SalesDetails: { AccountCode: '499' } },
		]);
		expect(items.ok.map((i) => i.json.Code)).toEqual(['NEW-1']);
		expect(logEntryOf(items.failed[0])?.code).toBe('ITEM_ACCOUNT');
		expect(tenantStats(xero).byPath).toEqual({ 'GET /Accounts': 1, 'PUT /Items': 1 });
	});

	it('pages reads without an empty-page call and follows changes across runs without repeats', async () => {
		await run({ resource: 'invoice', operation: 'send', inputMode: 'json' }, Array.from({ length: 200 }, (_, i) => invoice(i)));
		const total = stored(xero, 'invoices').length;
		xero.resetStats();
		const all = await run({ resource: 'invoice', operation: 'get', getMode: 'many', returnAll: true, options: { pageSize: 100 } }, [{}]);
		expect(all.ok).toHaveLength(total);
		expect(tenantStats(xero).calls).toBe(Math.ceil(total / 100));

		const changed = { resource: 'invoice', operation: 'get', getMode: 'changedSince', options: { pageSize: 100 } };
		const first = await run(changed, [{}]);
		expect(first.ok).toHaveLength(total);
		const quiet = await run(changed, [{}], first.staticData);
		expect(quiet.ok).toHaveLength(0);
		xero.advanceClock(120_000);
		await run({ resource: 'invoice', operation: 'send', inputMode: 'json', duplicateHandling: 'update' }, [invoice(5, { Reference: 'edited' })]);
		const next = await run(changed, [{}], quiet.staticData);
		expect(next.ok.map((i) => i.json.InvoiceNumber)).toEqual(['E-0005']);
	});

	it('sends every unsent record to the error output once the daily limit is used up, and stops calling', async () => {
		await xero.close();
		xero = await startXeroSandbox({ port: 0, data: 'empty', validate: true, clockScale: SCALE, dailyLimit: 3 });
		mockCaller = new SandboxCaller(xero, SCALE);
		const items = Array.from({ length: 1000 }, (_, i) => invoice(i));
		const result = await run({ resource: 'invoice', operation: 'send', inputMode: 'json' }, items);
		expect(result.ok.length + result.failed.length).toBe(1000);
		expect(result.ok.length).toBe(stored(xero, 'invoices').length);
		expect(result.ok.length).toBeLessThanOrEqual(150);
		expect(new Set(result.failed.map((f) => logEntryOf(f)?.code))).toEqual(new Set(['DAILY_LIMIT']));
		// 20 batches: once the limit answered, no new batch starts; only the 3 allowed calls and those in flight reach Xero
		expect(tenantStats(xero).calls).toBeLessThanOrEqual(3 + 5);
		expect(String(logEntryOf(result.failed[0])?.message)).toMatch(/daily API limit.*not sent.*nothing was dropped/);
	});

	it('maps a CRM record with the shared mapping, and throws under Stop Workflow naming the record', async () => {
		const mapped = await run(
			{ resource: 'item', operation: 'send', inputMode: 'crmRecord', crmModule: 'Products', overridesUi: { override: [{ path: 'Description', value: 'Overridden' }] } },
			[{ id: '14x501', productname: 'Teapot', productcode: 'TEA-1', unit_price: '24.50000000' }],
		);
		expect(mapped.failed.map((f) => logEntryOf(f)?.message)).toEqual([]);
		expect(mapped.ok[0].json).toMatchObject({ crmId: '14x501', Code: 'TEA-1', Name: 'Teapot', Description: 'Overridden' });

		const ctx = fakeContext(
			{ authentication: 'customConnection', resource: 'item', operation: 'send', inputMode: 'json' },
			[{ json: { id: '14x9' } }],
			{ continueOnFail: false },
		);
		await expect(router.call(ctx)).rejects.toThrow(/1 of 1 records failed: 14x9: Item \(CRM 14x9\): not sent because the item code/);
	});
});
