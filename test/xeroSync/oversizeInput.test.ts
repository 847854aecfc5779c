import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../nodes/shared/xero/resources';
import { lookupWhere } from '../../nodes/XeroSync/send/match';
import { entry, expectOneOutputPerInput, invoiceJson, runSync, sandboxForBlock, stats, stored } from './support';

/** Input that is legal but large or odd: only the offending record may fail, never its batch. */
describe('Oversize lookups, out-of-range dates and batch-level rejections', () => {
	const xero = sandboxForBlock();
	beforeEach(() => xero.resetStats());

	const send = (resource: string, items: IDataObject[]) =>
		runSync(xero, { resource, operation: 'send', inputMode: 'json', duplicateHandling: 'skip' }, items);

	it('splits a lookup whose URL would be too long, and fails only a record whose own lookup is too long', async () => {
		// 4-byte characters: each is 12 characters once percent-encoded, so 50 such names make a ~30 KB where.
		const longName = (n: number) => `${'😀'.repeat(50)} ${n}`;
		const items: IDataObject[] = Array.from({ length: 50 }, (_v, n) => ({
			crmId: `11x${5000 + n}`,
			Name: longName(n),
			ContactNumber: `LONG-${n}`,
		}));
		items.push({ crmId: '11x6000', Name: 'Way too long to look up', ContactNumber: '😀'.repeat(1000) });
		const run = await send('organisation', items);
		expectOneOutputPerInput(run.main, run.errors, items.length);
		expect(run.errors).toHaveLength(1);
		const failed = entry(run.errors[0]);
		expect(failed).toMatchObject({ code: 'LOOKUP_TOO_LONG', crmId: '11x6000' });
		expect(String(failed.message)).toMatch(/too long to look up in Xero.*Shorten the ContactNumber/);
		expect(run.main.map((item) => item.json.syncResult)).toEqual(Array(50).fill('Created'));
		const byPath = stats(xero).byPath as Record<string, number>;
		// Split, but not one call per record: 50 × ~650 characters of where in Xero's 2,048-character query strings.
		expect(byPath['GET /Contacts']).toBeGreaterThan(1);
		expect(byPath['GET /Contacts']).toBeLessThanOrEqual(25);

		// A second run finds every one of them through the split lookups instead of creating them again.
		xero.resetStats();
		const again = await send('organisation', items.slice(0, 50));
		expect(again.errors).toEqual([]);
		expect(again.main.map((item) => item.json.syncResult)).toEqual(Array(50).fill('Skipped'));
		expect(stats(xero).writes).toBe(0);
	});

	// Issue 11, defects 7 and 9: one oversize record failed its whole batch with a 413 naming no record, and its
	// 10 MB value was echoed whole into the message.
	it('an oversize record fails alone, named with its size, and its value is not echoed whole', async () => {
		const huge = 'x'.repeat(10_000_000);
		const items: IDataObject[] = [
			{ crmId: '11x7001', Name: 'Small Before' },
			{ crmId: '11x7002', Name: 'Huge Website', Website: `https://huge.example/${huge}` },
			{ crmId: '11x7003', Name: huge },
			{ crmId: '11x7004', Name: 'Small After' },
		];
		const run = await send('organisation', items);
		expect(run.main.map((item) => item.json.Name)).toEqual(['Small Before', 'Small After']);
		expect(run.errors.map((item) => entry(item).crmId)).toEqual(['11x7002', '11x7003']);
		for (const failed of run.errors) {
			const message = String(entry(failed).message);
			expect(message).toMatch(/is 10 MB as JSON and Xero accepts at most 3\.5 MB in one request/);
			expect(message.length).toBeLessThan(600);
			expect(JSON.stringify(entry(failed)).length).toBeLessThan(2000);
		}
		expect(String(entry(run.errors[0]).message)).toMatch(/largest fields: Website 10 MB/);
		expect(String(entry(run.errors[1]).message)).toMatch(/^Organisation "x{20,}… \(10,000,000 characters\)/);
	});

	it('a healthy batch costs a few lookups sized for Xero and one write', async () => {
		const items = Array.from({ length: 50 }, (_v, n) => ({ Name: `Short Co ${n}`, ContactNumber: `SHORT-${n}` }));
		const run = await send('organisation', items);
		expect(run.errors).toEqual([]);
		// 100 comparisons do not fit one 2,048-character query string (issue 11: lookups sized for Xero).
		expect(stats(xero).calls).toBeLessThanOrEqual(4);
	});

	it('quotes, backslashes and lone surrogates in a looked-up number keep the where literal intact', async () => {
		const numbers = ['BILL "7" \\ end\\', 'BILL-8\\', 'BILL-9\uD800', '\uDC00BILL-10"'];
		const items = numbers.map((InvoiceNumber, n) => invoiceJson(n, { Type: 'ACCPAY', InvoiceNumber, crmId: `7x${8000 + n}` }));
		const run = await send('invoice', items);
		expect(run.errors.map((item) => entry(item).message)).toEqual([]);
		expect(run.main.map((item) => item.json.syncResult)).toEqual(['Created', 'Created', 'Created', 'Created']);
		// The quoted and escaped numbers are found again (a broken literal would find nothing or fail the lookup).
		const again = await send('invoice', items.slice(0, 2));
		expect(again.errors).toEqual([]);
		expect(again.main.map((item) => item.json.syncResult)).toEqual(['Skipped', 'Skipped']);
	});

	it('an emoji at the query-string encoder\'s 1024-character boundary does not break the lookup', async () => {
		const items: IDataObject[] = Array.from({ length: 5 }, (_v, n) => ({ Name: `${'b'.repeat(200)} ${n}`, ContactNumber: `EDGE-${n}` }));
		// Pad the last name so that its closing emoji's high surrogate is the 1024th character of the lookup's where (cut there, the pair would swallow the closing quote).
		const keys = () => items.map((i) => ({ numbers: [String(i.ContactNumber)], names: [String(i.Name)] }));
		items[4].Name = '😀';
		const at = (lookupWhere(XERO_RESOURCES.organisation, keys()) as string).indexOf('😀');
		items[4].Name = `${'c'.repeat(1023 - at)}😀`;
		expect((lookupWhere(XERO_RESOURCES.organisation, keys()) as string).indexOf('😀')).toBe(1023);
		const run = await send('organisation', items);
		expect(run.errors.map((item) => entry(item).message)).toEqual([]);
		expect(run.main.map((item) => item.json.syncResult)).toEqual(Array(5).fill('Created'));
		const again = await send('organisation', items);
		expect(again.main.map((item) => item.json.syncResult)).toEqual(Array(5).fill('Skipped'));
	});

	it('an invoice date outside the years Xero accepts fails that invoice only, naming the field and value', async () => {
		const items = [
			invoiceJson(101, { Date: '+275760-09-12T23:59:59.949Z' }),
			invoiceJson(102),
			invoiceJson(103, { DueDate: '-033850-01-03T00:00:00.000Z' }),
			invoiceJson(104, { Date: '1899-12-31' }),
		];
		const run = await send('invoice', items);
		expectOneOutputPerInput(run.main, run.errors, items.length);
		expect(run.main).toHaveLength(1);
		expect(run.main[0].json.InvoiceNumber).toBe('CRM-INV-00102');
		const messages = run.errors.map((item) => {
			expect(entry(item).code).toBe('BAD_DATE');
			return String(entry(item).message);
		});
		expect(messages[0]).toMatch(/Date "\+275760-09-12T23:59:59\.949Z" is not a date Xero accepts .*1900–9999/);
		expect(messages[1]).toMatch(/DueDate "-033850-01-03T00:00:00\.000Z"/);
		expect(messages[2]).toMatch(/Date "1899-12-31"/);
		expect(stats(xero).byPath).toEqual({ 'GET /Invoices': 1, 'PUT /Invoices': 1 });
	});

	it('a batch Xero refuses as a whole (400, no elements) is split so only the bad record fails', async () => {
		// The sandbox (validate: true) refuses a request that breaks Xero's schema, such as a 256+ character name.
		const items: IDataObject[] = Array.from({ length: 8 }, (_v, n) => ({ crmId: `11x${7000 + n}`, Name: `Split Co ${n}` }));
		items[5] = { crmId: '11x7005', Name: 'N'.repeat(300) };
		// The halves that still hold it: 8, 4, 2 and 1 records.
		xero.expectRequestViolations(4);
		const run = await send('organisation', items);
		expectOneOutputPerInput(run.main, run.errors, items.length);
		expect(run.errors).toHaveLength(1);
		expect(entry(run.errors[0]).crmId).toBe('11x7005');
		expect(run.main.map((item) => item.json.Name)).toEqual(items.filter((_i, n) => n !== 5).map((i) => i.Name));
		expect(stored(xero, 'contacts').filter((c) => String(c.Name).startsWith('Split Co '))).toHaveLength(7);
		// Halving: 8 → 4 → 2 → 1, plus the halves that went through.
		expect(stats(xero).byPath['PUT /Contacts']).toBeLessThanOrEqual(7);
	});

	it('a value of the wrong type is shown as JSON in the record label, never as [object Object]', async () => {
		const run = await send('organisation', [{ crmId: '11x7100', Name: { first: 'Acme', last: 'Ltd' } }]);
		expect(run.errors).toHaveLength(1);
		const message = String(entry(run.errors[0]).message);
		expect(message).not.toContain('[object Object]');
		expect(message).toContain('Organisation "{"first":"Acme","last":"Ltd"} (an object, not text)"');
		expect(entry(run.errors[0]).code).toBe('MANDATORY_FIELDS');
		expect(message).toMatch(/Name\) must be text/);
		expect(stats(xero).calls).toBe(0);
	});
});
