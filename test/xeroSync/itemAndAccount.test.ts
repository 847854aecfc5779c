import { expectOneOutputPerInput, runSync, sandboxForEachTest, stats, stored, entry } from './support';

describe('Items', () => {
	const xero = sandboxForEachTest();

	const sendItem = (additionalFields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
		resource: 'item',
		operation: 'send',
		inputMode: 'fields',
		code: '={{ $json.productcode }}',
		additionalFields: { name: '={{ $json.productname }}', ...additionalFields },
		...extra,
	});

	it('sends an item whose account codes exist and are active, reading the chart of accounts once', async () => {
		xero.resetStats();
		const run = await runSync(xero, sendItem({ salesAccountCode: '200', salesUnitPrice: 12.5, purchaseAccountCode: '310' }), [
			{ id: '14x1', productcode: 'MUG', productname: 'Coffee mug' },
			{ id: '14x2', productcode: 'CAP', productname: 'Cap' },
		]);
		expect(run.errors).toEqual([]);
		expect(run.main[0].json).toMatchObject({ crmId: '14x1', Code: 'MUG', syncResult: 'Created', SalesDetails: { UnitPrice: 12.5, AccountCode: '200' } });
		expect(stats(xero).byPath).toEqual({ 'GET /Accounts': 1, 'GET /Items': 1, 'PUT /Items': 1 });
	});

	it('rejects missing and archived account codes before any write', async () => {
		xero.resetStats();
		const run = await runSync(xero, sendItem({ salesAccountCode: '={{ $json.account }}' }), [
			{ id: '14x3', productcode: 'X1', productname: 'X1', account: '999' },
			{ id: '14x4', productcode: 'X2', productname: 'X2', account: '499' },
		]);
		expectOneOutputPerInput(run.main, run.errors, 2);
		expect(run.errors.map((i) => entry(i).code)).toEqual(['ITEM_ACCOUNT', 'ITEM_ACCOUNT']);
		expect(String(entry(run.errors[0]).message)).toMatch(/sales account code "999" does not exist/);
		expect(String(entry(run.errors[1]).message)).toMatch(/"499" \(Old Expenses\) is ARCHIVED/);
		expect(stats(xero).writes).toBe(0);
	});

	it('updates an existing code under Update Existing, and gets items by code', async () => {
		const run = await runSync(xero, sendItem({ salesUnitPrice: 21 }, { duplicateHandling: 'update' }), [
			{ id: '14x9', productcode: 'BOOK', productname: 'Fiction Books' },
		]);
		expect(run.main[0].json).toMatchObject({ syncResult: 'Updated', Code: 'BOOK', SalesDetails: expect.objectContaining({ UnitPrice: 21 }) });
		const one = await runSync(xero, { resource: 'item', operation: 'get', getMode: 'one', recordId: 'book' }, [{}]);
		expect(one.main[0].json).toMatchObject({ Code: 'BOOK', Name: 'Fiction Books' });
		const many = await runSync(xero, { resource: 'item', operation: 'get', getMode: 'many', returnAll: false, limit: 2 }, [{}]);
		expect(many.main).toHaveLength(2);
	});
});

describe('Accounts', () => {
	const xero = sandboxForEachTest();

	const sendAccount = (duplicateHandling: string) => ({
		resource: 'account',
		operation: 'send',
		inputMode: 'fields',
		accountCode: '={{ $json.code }}',
		name: '={{ $json.name }}',
		accountType: 'REVENUE',
		duplicateHandling,
		additionalFields: { description: '={{ $json.description }}' },
	});

	it('creates and updates through the single-account endpoints', async () => {
		xero.resetStats();
		const created = await runSync(xero, sendAccount('skip'), [
			{ code: '205', name: 'Workshop Sales', description: 'first' },
			{ code: '206', name: 'Online Sales', description: 'first' },
		]);
		expect(created.errors).toEqual([]);
		expect(created.main.map((i) => i.json.syncResult)).toEqual(['Created', 'Created']);
		expect(stats(xero).byPath).toEqual({ 'GET /Accounts': 1, 'PUT /Accounts': 2 });

		const skipped = await runSync(xero, sendAccount('skip'), [{ code: '205', name: 'Workshop Sales', description: 'second' }]);
		expect(skipped.errors.map((i) => entry(i).message)).toEqual([]);
		expect(skipped.main[0].json).toMatchObject({ syncResult: 'Skipped', Description: 'first' });

		const updated = await runSync(xero, sendAccount('update'), [{ code: '205', name: 'Workshop Sales', description: 'second' }]);
		expect(updated.main[0].json).toMatchObject({ syncResult: 'Updated', Code: '205', Description: 'second' });
		expect(stored(xero, 'accounts').filter((a) => a.Code === '205')).toHaveLength(1);
	});

	it('gets accounts by code and by status', async () => {
		const one = await runSync(xero, { resource: 'account', operation: 'get', getMode: 'one', recordId: '200' }, [{}]);
		expect(one.main[0].json).toMatchObject({ Code: '200', Name: 'Sales', Type: 'REVENUE' });
		const archived = await runSync(
			xero,
			{ resource: 'account', operation: 'get', getMode: 'many', returnAll: true, filters: { status: ['ARCHIVED'] } },
			[{}],
		);
		expect(archived.main.map((i) => i.json.Code)).toEqual(['499']);
	});
});
