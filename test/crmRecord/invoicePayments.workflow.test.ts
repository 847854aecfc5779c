import { crmForBlock, failureOf, fromXero, runCrm, xeroBookInvoice } from './workflow';

/**
 * CRM Record, Xero input, Invoice: what a Xero invoice says was paid lands in received/balance although vtiger
 * recomputes balance after a create (transcript 33) and not after a revise.
 */
const crm = crmForBlock();
afterEach(() => crm.faults.clear());

const upsert = fromXero('upsert', 'Invoice', { xeroResource: 'invoice' });
const contact = { ContactID: 'c2000000-0000-4000-8000-000000000001', Name: 'Harbour Rowing Club' };

function invoice(n: number, paid: number) {
	// 100 + 15 % tax in Xero; the CRM line has no tax, so vtiger's own grand total is 100.
	return xeroBookInvoice(2, 'PAY', n, contact, {
		Status: paid >= 115 ? 'PAID' : 'AUTHORISED',
		Total: 115,
		AmountPaid: paid,
		AmountCredited: 0,
		AmountDue: 115 - paid,
		LineItems: [{ ItemCode: 'BOOK', Description: 'Book', Quantity: 1, UnitAmount: 100 }],
	});
}

const calls = () => ({ ...(crm.state().calls as Record<string, number>) });
const stored = (n: number) => crm.records('Invoice').find((row) => row.cf_xero_invoice_id === invoice(n, 0).InvoiceID) as Record<string, unknown>;

describe('Xero invoice payments into CRM invoices', () => {
	test('a create keeps Xero\'s balance (revised once after vtiger recomputed it); the same invoice again writes nothing', async () => {
		const before = calls();
		const { main, errors } = await runCrm(crm, upsert, [invoice(1, 40)]);
		expect(errors).toEqual([]);
		expect(main[0].json.syncResult).toBe('Created');
		const after = calls();
		expect([after.create - (before.create ?? 0), after.revise - (before.revise ?? 0)]).toEqual([2, 1]); // organisation + invoice; the balance
		expect(stored(1)).toMatchObject({ hdnGrandTotal: '100.00000000', received: '40.00000000', balance: '75.00000000', invoicestatus: 'Approved' });

		const again = await runCrm(crm, upsert, [invoice(1, 40)]);
		expect(again.main[0].json.syncResult).toBe('Unchanged');
		expect(calls().revise).toBe(after.revise);
	});

	test('paid in full: received, balance 0 and Paid, all written by the revise (vtiger would not recompute the balance)', async () => {
		await runCrm(crm, upsert, [invoice(2, 15)]);
		expect(stored(2)).toMatchObject({ received: '15.00000000', balance: '100.00000000' });
		const { main } = await runCrm(crm, upsert, [invoice(2, 115)]);
		expect(main[0].json.syncResult).toBe('Updated');
		expect(stored(2)).toMatchObject({ received: '115.00000000', balance: '0.00000000', invoicestatus: 'Paid' });
	});

	test('a create whose balance vtiger computed right needs no second write', async () => {
		const before = calls();
		const exact = { ...invoice(3, 20), Total: 100, AmountDue: 80 };
		await runCrm(crm, upsert, [exact]);
		expect(calls().revise ?? 0).toBe(before.revise ?? 0);
		expect(stored(3)).toMatchObject({ received: '20.00000000', balance: '80.00000000' });
	});

	test('when writing the balance again fails, the item fails saying the invoice was created and the next run fixes it', async () => {
		crm.faults.beforeNext('revise', () => crm.faults.fail500(10));
		const { main, errors } = await runCrm(crm, upsert, [invoice(4, 50)]);
		expect(main).toEqual([]);
		const failure = failureOf(errors[0]);
		expect(failure.entry.code).toBe('RECOMPUTED_FIELDS');
		expect(failure.message).toMatch(/Invoice record .+ was created as 7x\d+, but writing its balance again after vtiger recomputed it failed; the next run writes it/);
		expect(stored(4)).toMatchObject({ received: '50.00000000', balance: '50.00000000' }); // vtiger's: 100 − 50
		crm.faults.clear();
		const next = await runCrm(crm, upsert, [invoice(4, 50)]);
		expect(next.errors).toEqual([]);
		expect(next.main[0].json.syncResult).toBe('Updated');
		expect(stored(4)).toMatchObject({ received: '50.00000000', balance: '65.00000000' });
	});
});
