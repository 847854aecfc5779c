import type { VtigerSandbox } from '../../sandbox/vtiger';
import { failureOf, moduleParam, runCrm, withSandbox } from './workflow';

let crm: VtigerSandbox;
beforeAll(async () => {
	crm = await withSandbox('demo');
});
afterAll(async () => await crm.close());
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
	const create = { operation: 'create', module: moduleParam('Invoice'), inputMode: 'xero', xeroResource: 'invoice' };
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
