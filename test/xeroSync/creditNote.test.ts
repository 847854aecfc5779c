import type { IDataObject } from 'n8n-workflow';
import { entry, expectOneOutputPerInput, invoiceJson, runSync, sandboxForEachTest, sendJson, stats, stored } from './support';

const send = sendJson('creditNote', { duplicateHandling: 'skip' });
const allocate = (creditNote: string, invoice: string, amount: number, extra: IDataObject = {}) => ({
	resource: 'creditNote',
	operation: 'allocate',
	creditNote,
	invoice,
	amount,
	date: '2026-11-10',
	...extra,
});

function creditJson(n: number, extra: IDataObject = {}): IDataObject {
	return {
		crmId: `7x${2000 + n}`,
		Type: 'ACCRECCREDIT',
		Contact: { Name: `Credit Customer ${n % 3}` },
		CreditNoteNumber: `CRM-CN-${String(n).padStart(4, '0')}`,
		Date: '2026-11-02',
		Status: 'AUTHORISED',
		LineAmountTypes: 'NoTax',
		LineItems: [
			{ Description: `Returned goods ${n}`, Quantity: 1, UnitAmount: 40 + n, AccountCode: '200' },
			{ Description: 'Restocking refund', Quantity: 2, UnitAmount: 5, AccountCode: '200' },
		],
		...extra,
	};
}

describe('Xero Sync: credit notes', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	it('sends multi-line credit notes in one batch; a second run creates nothing and writes nothing', async () => {
		const items = Array.from({ length: 6 }, (_, i) => creditJson(i));
		const first = await runSync(xero, send(), items);
		expect(first.errors).toEqual([]);
		expect(first.main.map((item) => item.json.syncResult)).toEqual(Array(6).fill('Created'));
		expect(first.main[0].json).toMatchObject({ crmId: '7x2000', CreditNoteNumber: 'CRM-CN-0000', Type: 'ACCRECCREDIT', Total: 50, RemainingCredit: 50 });
		expect((first.main[0].json.LineItems as unknown[]).length).toBe(2);
		expect(stats(xero).byPath['PUT /CreditNotes']).toBe(1);
		expect(stored(xero, 'creditNotes')).toHaveLength(6);

		xero.resetStats();
		const again = await runSync(xero, send(), items);
		expect(again.main.map((item) => item.json.syncResult)).toEqual(Array(6).fill('Skipped'));
		expect(stats(xero).writes).toBe(0);
		const updated = await runSync(xero, send({ duplicateHandling: 'update' }), items);
		expect(updated.main.map((item) => item.json.syncResult)).toEqual(Array(6).fill('Unchanged'));
		expect(stats(xero).writes).toBe(0);
		expect(stored(xero, 'creditNotes')).toHaveLength(6);
	});

	it('fails one record of a batch on the error output and creates the rest; PAID is refused before sending', async () => {
		const items = Array.from({ length: 4 }, (_, i) => creditJson(i));
		items[1] = creditJson(1, { LineItems: [{ Description: 'Negative', Quantity: 1, UnitAmount: -10, AccountCode: '200' }] });
		items[3] = creditJson(3, { Status: 'PAID' });
		const run = await runSync(xero, send(), items);
		expectOneOutputPerInput(run.main, run.errors, 4);
		expect(run.main).toHaveLength(2);
		const [negative, paid] = [...run.errors].sort((a, b) => Number((a.pairedItem as { item: number }).item) - Number((b.pairedItem as { item: number }).item));
		expect(entry(negative)).toMatchObject({ action: 'Send Credit Note', flow: 'CRM → Xero', crmId: '7x2001', code: 'VALIDATION' });
		expect(String(entry(negative).message)).toMatch(/CRM-CN-0001.*total/i);
		expect(entry(paid)).toMatchObject({ code: 'CREDIT_NOTE_STATUS' });
		expect(String(entry(paid).message)).toMatch(/PAID cannot be sent.*Allocate/);
		expect(stored(xero, 'creditNotes')).toHaveLength(2);
	});

	it('matches a sales credit note by its number and updates it; duplicate input in one run is sent once', async () => {
		await runSync(xero, send({ duplicateHandling: 'update' }), [creditJson(1, { Status: 'DRAFT' })]);
		const run = await runSync(xero, send({ duplicateHandling: 'update' }), [creditJson(1, { Status: 'DRAFT', Reference: 'changed' }), creditJson(1, { Status: 'DRAFT', Reference: 'changed' })]);
		expectOneOutputPerInput(run.main, run.errors, 2);
		expect(run.main[0].json).toMatchObject({ syncResult: 'Updated', Reference: 'changed' });
		expect(stored(xero, 'creditNotes')).toHaveLength(1);
	});

	it('sends a credit note defined in the node fields', async () => {
		const run = await runSync(
			xero,
			{
				resource: 'creditNote',
				operation: 'send',
				inputMode: 'fields',
				creditNoteType: 'ACCRECCREDIT',
				contact: 'Fields Customer',
				lineItemsUi: { lineItem: [{ description: 'Credit one', quantity: 1, unitAmount: 12, accountCode: '200' }, { description: 'Credit two', quantity: 3, unitAmount: 2, accountCode: '200' }] },
				additionalFields: { creditNoteNumber: 'CN-FIELDS', status: 'AUTHORISED', lineAmountTypes: 'NoTax', reference: 'from fields' },
			},
			[{}],
		);
		expect(run.errors).toEqual([]);
		expect(run.main[0].json).toMatchObject({ CreditNoteNumber: 'CN-FIELDS', Total: 18, Status: 'AUTHORISED', Reference: 'from fields', Contact: { Name: 'Fields Customer' } });
	});

	it('sends a CRM invoice with negative totals as a credit note; a positive one fails saying why', async () => {
		const resolved = { records: { '11x2': { id: '11x2', accountname: 'CRM Credit Customer' }, '14x1': { id: '14x1', productname: 'Widget', cf_xero_sales_account: '200' } } };
		const line = { productid: '14x1', quantity: '-3.000', listprice: '20.00', discount_percent: '0', discount_amount: '0', comment: 'returned widgets' };
		const crmInvoice = (n: number, extra: IDataObject) => ({ id: `7x${500 + n}`, invoice_no: `INV${n}`, subject: `Return ${n}`, account_id: '11x2', invoicedate: '2026-11-03', invoicestatus: 'Credit Invoice', LineItems: [line], $resolved: resolved, ...extra });
		const params = { resource: 'creditNote', operation: 'send', inputMode: 'crmRecord', crmModule: 'Invoice', duplicateHandling: 'update' };
		const items = [crmInvoice(1, { hdnGrandTotal: '-60.00' }), crmInvoice(2, { invoicestatus: 'Created', hdnGrandTotal: '60.00', LineItems: [{ ...line, quantity: '3.000' }] })];
		const run = await runSync(xero, params, items);
		expectOneOutputPerInput(run.main, run.errors, 2);
		expect(run.main[0].json).toMatchObject({ syncResult: 'Created', crmId: '7x501', Type: 'ACCRECCREDIT', CreditNoteNumber: 'INV1', Status: 'DRAFT', SubTotal: 60 });
		expect(String(entry(run.errors[0]).message)).toMatch(/INV2 is not a credit/);
		const again = await runSync(xero, params, items.slice(0, 1));
		expect(again.main[0].json.syncResult).toBe('Unchanged');
	});

	it('gets one by number, many by status, and only what changed since the last run', async () => {
		await runSync(xero, send(), [creditJson(0), creditJson(1, { Status: 'DRAFT' }), creditJson(2)]);
		const one = await runSync(xero, { resource: 'creditNote', operation: 'get', getMode: 'one', recordId: 'CRM-CN-0001' }, [{}]);
		expect(one.main[0].json).toMatchObject({ CreditNoteNumber: 'CRM-CN-0001', Status: 'DRAFT' });
		const drafts = await runSync(xero, { resource: 'creditNote', operation: 'get', getMode: 'many', returnAll: true, filters: { status: ['DRAFT'] } }, [{}]);
		expect(drafts.main.map((item) => item.json.CreditNoteNumber)).toEqual(['CRM-CN-0001']);
		const missing = await runSync(xero, { resource: 'creditNote', operation: 'get', getMode: 'one', recordId: 'CN-NONE' }, [{}]);
		expect(entry(missing.errors[0])).toMatchObject({ code: 'NOT_FOUND' });

		const changed = { resource: 'creditNote', operation: 'get', getMode: 'changedSince', options: { pageSize: 100 } };
		const first = await runSync(xero, changed, [{}]);
		expect(first.main).toHaveLength(3);
		const quiet = await runSync(xero, changed, [{}], { staticData: first.staticData });
		expect(quiet.main).toHaveLength(0);
		xero.advanceClock(60_000);
		await runSync(xero, send({ duplicateHandling: 'update' }), [creditJson(1, { Status: 'DRAFT', Reference: 'edited' })]);
		const next = await runSync(xero, changed, [{}], { staticData: quiet.staticData });
		expect(next.main.map((item) => item.json.CreditNoteNumber)).toEqual(['CRM-CN-0001']);
	});

	it('two executions allocating the same credit note at once (an overlapping schedule) allocate it once', async () => {
		const invoice = await runSync(xero, { resource: 'invoice', operation: 'send', inputMode: 'json' }, [
			invoiceJson(1, { Contact: { Name: 'Credit Customer 1' }, Status: 'AUTHORISED', LineAmountTypes: 'NoTax' }),
		]);
		const invoiceNumber = String(invoice.main[0].json.InvoiceNumber);
		await runSync(xero, send(), [creditJson(1)]);
		const runs = await Promise.all([1, 2, 3].map(async () => await runSync(xero, allocate('CRM-CN-0001', invoiceNumber, 20), [{}])));
		for (const run of runs) expect(run.errors).toEqual([]);
		expect(runs.map((run) => run.main[0].json.syncResult).sort()).toEqual(['Created', 'Skipped', 'Skipped']);
		const credited = stored(xero, 'invoices').find((record) => record.InvoiceNumber === invoiceNumber) as IDataObject;
		expect(credited.AmountCredited).toBe(20);
	});

	it('allocates a credit note to an invoice exactly once: a re-run allocates nothing', async () => {
		const invoice = await runSync(xero, { resource: 'invoice', operation: 'send', inputMode: 'json' }, [
			invoiceJson(1, { Contact: { Name: 'Credit Customer 1' }, Status: 'AUTHORISED', LineAmountTypes: 'NoTax' }),
		]);
		expect(invoice.errors).toEqual([]);
		const invoiceNumber = String(invoice.main[0].json.InvoiceNumber);
		const due = Number(invoice.main[0].json.AmountDue);
		await runSync(xero, send(), [creditJson(1)]);

		xero.resetStats();
		const first = await runSync(xero, allocate('CRM-CN-0001', invoiceNumber, 30), [{ crmId: '7x2001' }]);
		expect(first.errors).toEqual([]);
		expect(first.main[0].json).toMatchObject({ syncResult: 'Created', Amount: 30, AlreadyAllocated: 0, CreditNoteNumber: 'CRM-CN-0001', InvoiceNumber: invoiceNumber });
		expect(stats(xero).byPath['PUT /CreditNotes/{id}/Allocations']).toBe(1);
		const stored1 = stored(xero, 'invoices').find((record) => record.InvoiceNumber === invoiceNumber) as IDataObject;
		expect(stored1).toMatchObject({ AmountCredited: 30, AmountDue: due - 30 });

		xero.resetStats();
		const again = await runSync(xero, allocate('CRM-CN-0001', invoiceNumber, 30), [{ crmId: '7x2001' }]);
		expect(again.errors).toEqual([]);
		expect(again.main[0].json).toMatchObject({ syncResult: 'Skipped', Amount: 0, AlreadyAllocated: 30 });
		expect(String(again.main[0].json.syncNote)).toMatch(/already allocated/);
		expect(stats(xero).writes).toBe(0);

		// asking for more allocates only the difference; asking beyond the credit left fails naming both records
		const more = await runSync(xero, allocate('CRM-CN-0001', invoiceNumber, 41), [{}]);
		expect(more.main[0].json).toMatchObject({ syncResult: 'Created', Amount: 11, AlreadyAllocated: 30 });
		const tooMuch = await runSync(xero, allocate('CRM-CN-0001', invoiceNumber, 60), [{}]);
		expect(entry(tooMuch.errors[0])).toMatchObject({ action: 'Allocate Credit Note', flow: 'CRM → Xero', code: 'OVER_CREDIT' });
		expect(String(entry(tooMuch.errors[0]).message)).toMatch(/CRM-CN-0001.*credit left.*invoice/);
		const stored2 = stored(xero, 'invoices').find((record) => record.InvoiceNumber === invoiceNumber) as IDataObject;
		expect(stored2).toMatchObject({ AmountCredited: 41 });
	});

	it('fails an allocation with the reason: unknown records, a draft credit note, another contact, a bad amount', async () => {
		const invoice = await runSync(xero, { resource: 'invoice', operation: 'send', inputMode: 'json' }, [
			invoiceJson(2, { Contact: { Name: 'Someone Else' }, Status: 'AUTHORISED' }),
		]);
		const invoiceNumber = String(invoice.main[0].json.InvoiceNumber);
		await runSync(xero, send(), [creditJson(1), creditJson(2, { Status: 'DRAFT' })]);
		const run = await runSync(
			xero,
			{ resource: 'creditNote', operation: 'allocate', creditNote: '={{ $json.cn }}', invoice: '={{ $json.inv }}', amount: '={{ $json.amount }}' },
			[
				{ cn: 'CN-NONE', inv: invoiceNumber, amount: 5 },
				{ cn: 'CRM-CN-0002', inv: invoiceNumber, amount: 5 },
				{ cn: 'CRM-CN-0001', inv: invoiceNumber, amount: 5 },
				{ cn: 'CRM-CN-0001', inv: 'INV-NONE', amount: 5 },
				{ cn: 'CRM-CN-0001', inv: invoiceNumber, amount: 0 },
			],
		);
		expectOneOutputPerInput(run.main, run.errors, 5);
		const codes = [...run.errors].sort((a, b) => Number((a.pairedItem as { item: number }).item) - Number((b.pairedItem as { item: number }).item)).map((item) => entry(item).code);
		expect(codes).toEqual(['NOT_FOUND', 'NOT_AUTHORISED', 'OTHER_CONTACT', 'NOT_FOUND', 'BAD_INPUT']);
		expect(stats(xero).byPath['PUT /CreditNotes/{id}/Allocations'] ?? 0).toBe(0);
	});
});
