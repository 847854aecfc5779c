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
