import type { IDataObject } from 'n8n-workflow';
import type { XeroSandbox } from '../../sandbox/xero';
import { runSync, startSandbox, stored } from './support';

/**
 * Found by the model-based checker (test/model, MODEL_ON=shortOverlap). If-Modified-Since is an HTTP date, whole
 * seconds, so Xero answers with every record changed in the cursor's second, also those before the cursor's
 * millisecond. Records delivered in that second must stay remembered, whatever the Overlap (here 0), or each of
 * them is delivered again on every later run.
 */
const changed = { resource: 'organisation', operation: 'get', getMode: 'changedSince', options: { overlapSeconds: 0 } };

let xero: XeroSandbox;
beforeAll(async () => {
	xero = await startSandbox({ data: 'empty', clockScale: 1 });
});
afterAll(() => xero.close());

const updatedMs = (contact: IDataObject) => Number(/\d+/.exec(String(contact.UpdatedDateUTC))?.[0]);

/** Two contacts written by two calls, in one wall-clock second but not the same millisecond. */
async function twoChangesInOneSecond(): Promise<void> {
	for (let attempt = 0; attempt < 10; attempt++) {
		for (const name of ['Earlier', 'Later']) {
			const sent = await runSync(xero, { resource: 'organisation', operation: 'send', inputMode: 'json' }, [{ Name: `${name} ${attempt}` }]);
			expect(sent.errors).toEqual([]);
		}
		const [earlier, later] = stored(xero, 'contacts').slice(-2).map(updatedMs);
		if (Math.floor(earlier / 1000) === Math.floor(later / 1000) && earlier < later) return;
		await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
	}
	throw new Error('could not write two contacts inside one second');
}

test('"Changed Since Last Run" with Overlap 0 does not deliver a change earlier in the cursor\'s second again', async () => {
	await twoChangesInOneSecond();
	const first = await runSync(xero, changed, [{}]);
	expect(first.errors).toEqual([]);
	const everyContact = stored(xero, 'contacts').map((c) => c.ContactID).sort();
	expect(first.main.map((i) => i.json.ContactID).sort()).toEqual(everyContact);

	const second = await runSync(xero, changed, [{}], { staticData: first.staticData });
	expect(second.main.map((i) => i.json.Name)).toEqual([]);
	const third = await runSync(xero, changed, [{}], { staticData: second.staticData });
	expect(third.main.map((i) => i.json.Name)).toEqual([]);
});
