import type { XeroSandbox } from '../../sandbox/xero';
import { startXeroSandbox } from '../../sandbox/xero';
import { resetXeroLimiters } from '../../nodes/shared/xero/transport';
import { expectOneOutputPerInput, runSync, stored } from './support';

/**
 * Two executions (two queue workers, or a schedule firing while the last run is still busy) send the same new
 * organisation. A CRM-mapped organisation carries a Contact Number, so Send looks it up first: both find nothing and
 * both create; Xero refuses the second name as a duplicate. That refusal must get the chosen duplicate handling
 * (here: Skip, linking the record the other execution made), not end on the error branch.
 */
let xero: XeroSandbox;
beforeAll(async () => {
	// Latency keeps the two executions in step: both lookups are answered before either create arrives.
	xero = await startXeroSandbox({ port: 0, data: 'demo', validate: true, latencyMs: 60 });
});
afterAll(async () => await xero.close());
beforeEach(() => resetXeroLimiters());

test('a create that loses the race to another execution is skipped and linked, not failed', async () => {
	const send = (crmId: string) =>
		runSync(xero, { resource: 'organisation', operation: 'send', inputMode: 'json', duplicateHandling: 'skip' }, [
			{ crmId, Name: 'Racing Organisation Ltd', ContactNumber: crmId },
		]);
	const [first, second] = await Promise.all([send('11x901'), send('11x902')]);

	expectOneOutputPerInput(first.main, first.errors, 1);
	expectOneOutputPerInput(second.main, second.errors, 1);
	expect([...first.errors, ...second.errors]).toEqual([]);
	const contacts = stored(xero, 'contacts').filter((contact) => contact.Name === 'Racing Organisation Ltd');
	expect(contacts).toHaveLength(1);
	expect(first.main[0].json.ContactID).toBe(contacts[0].ContactID);
	expect(second.main[0].json.ContactID).toBe(contacts[0].ContactID);
});
