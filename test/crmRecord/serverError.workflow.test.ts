import { DEMO_IDS } from '../../sandbox/vtiger';
import { crmForBlock, failureOf, fromXero, moduleParam, runCrm } from './workflow';

const crm = crmForBlock();
afterEach(() => crm.faults.clear());

const autoMap = { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };

/**
 * The sandbox counts a call before its latency and decides on a forced 500 after it, so arming fail500(1) as soon
 * as the first create is counted makes exactly that create die.
 */
function failFirstCreate(): () => void {
	const before = crm.state().calls.create ?? 0;
	crm.faults.latency(100);
	const timer = setInterval(() => {
		if ((crm.state().calls.create ?? 0) <= before) return;
		clearInterval(timer);
		crm.faults.fail500(1);
	}, 1);
	return () => clearInterval(timer);
}

test('an empty HTTP 500 to a create fails that record with advice: it may be written, run again, Upsert is safe', async () => {
	const create = { operation: 'create', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMap };
	const stop = failFirstCreate();
	const { main, errors } = await runCrm(crm, create, [{ accountname: 'Fatal Ltd' }, { accountname: 'Fine Ltd' }]);
	stop();
	expect(main.map((item) => item.json.accountname)).toEqual(['Fine Ltd']);
	expect(errors).toHaveLength(1);
	const failure = failureOf(errors[0]);
	expect(failure.itemIndex).toBe(0);
	expect(failure.message).toMatch(/HTTP 500 and an empty response to "create"/);
	expect(failure.message).toMatch(
		/The record may or may not have been written: run the workflow again \(Upsert and Update are safe to repeat; for Create, check the CRM for the record first or use Upsert\)/,
	);
});

test('a lookup query that fails during a Create says the query failed, not the login', async () => {
	const create = fromXero('create', 'Invoice', { xeroResource: 'invoice' });
	const invoice = {
		Type: 'ACCREC',
		InvoiceID: 'f0000000-0000-4000-8000-000000000001',
		Contact: { ContactID: 'c0000000-0000-4000-8000-000000000001', Name: 'Bayside Club' },
		CurrencyCode: 'USD',
		Status: 'DRAFT',
		LineItems: [{ ItemCode: 'BOOK', Description: 'Book', Quantity: 1, UnitAmount: 10 }],
	};
	crm.faults.beforeNext('query', () => crm.faults.fail500(1));
	const { main, errors } = await runCrm(crm, create, [invoice]);
	expect(main).toHaveLength(0);
	const failure = failureOf(errors[0]);
	expect(failure.message).toMatch(/^CRM query call that the whole batch needed: The CRM failed with HTTP 500 and an empty response to "query"/);
	expect(failure.message).not.toMatch(/login/);
});

describe('stock vtiger 7.5.0 on PHP 8 (no OperationManager patch, transcript 38)', () => {
	afterEach(() => {
		crm.setOperationManagerPatched(true);
		crm.setSyncPatched(true);
	});

	test('Get Many fails with the OperationManager.php patch named, with its lines', async () => {
		crm.setOperationManagerPatched(false);
		const { main, errors } = await runCrm(crm, { operation: 'getMany', module: moduleParam('Accounts'), queryMode: 'filters', returnAll: true, getManyOptions: { xeroReferences: false } });
		expect(main).toHaveLength(0);
		const message = failureOf(errors[0]).message;
		expect(message).toMatch(/HTTP 500 and an empty response to "query"/);
		expect(message).toContain('Stock vtiger 7.5.0 on PHP 8 does this for every "query"');
		expect(message).toContain('include/Webservices/OperationManager.php, runOperation(): change both "call_user_func_array($this->handlerMethod,$params)"');
		expect(message).toContain('"call_user_func_array($this->handlerMethod, array_values($params))" (needed on PHP 8)');
		expect(message).not.toContain('GetUpdates');
	});

	test('Get Changes names both patches: OperationManager.php and the vtws_sync signature in GetUpdates.php', async () => {
		crm.setSyncPatched(false);
		const { errors } = await runCrm(crm, { operation: 'getChanges', module: moduleParam('Accounts'), getChangesOptions: { saveCursor: false } });
		const message = failureOf(errors[0]).message;
		expect(message).toMatch(/HTTP 500 and an empty response to "sync"/);
		expect(message).toContain('array_values($params)');
		expect(message).toContain('"function vtws_sync($mtime,$elementType,$syncType=null,$user=null)" (needed on PHP 7.1 and later)');
	});

	test('Get, which stock 7.5.0 serves on PHP 8, still works', async () => {
		crm.setOperationManagerPatched(false);
		const { main, errors } = await runCrm(crm, { operation: 'get', module: moduleParam('Accounts'), recordId: DEMO_IDS.accounts.ridgeway, getOptions: { xeroReferences: false } });
		expect(errors).toHaveLength(0);
		expect(main[0].json.id).toBe(DEMO_IDS.accounts.ridgeway);
	});
});
