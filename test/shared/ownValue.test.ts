import { ownValue } from '../../nodes/shared/ownValue';
import { xeroStatusToSend } from '../../nodes/shared/mapping/invoiceStatus';
import { quoteStageOf } from '../../nodes/shared/mapping/quote';
import { countResults } from '../../nodes/shared/runSummary';

/** Tables looked up by a value from data find own keys only: "constructor" in a record is no status. */
describe('ownValue: tables keyed by values from records', () => {
	it('finds own keys and nothing for the names every object has', () => {
		const table = { Approved: 'AUTHORISED' };
		expect(ownValue(table, 'Approved')).toBe('AUTHORISED');
		for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(ownValue(table, key)).toBeUndefined();
	});

	it('a CRM invoice status or a Xero quote status named like an object method maps to nothing, with the usual message', () => {
		const decision = xeroStatusToSend('', 'constructor', 'CRM invoice 7x1');
		expect(JSON.stringify(decision)).not.toMatch(/function|native code/);
		expect(quoteStageOf('constructor')).toBe('');
		expect(quoteStageOf('toString')).toBe('');
	});

	it('the run summary counts an item whose syncResult is "constructor" under its own name', () => {
		const counts = countResults([{ json: { syncResult: 'constructor' } }]) as unknown as Record<string, unknown>;
		expect(counts.constructor).toBe(1);
	});
});
