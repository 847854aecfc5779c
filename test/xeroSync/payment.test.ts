import type { IDataObject } from 'n8n-workflow';
import { entry, invoiceJson, runSync, sandboxForEachTest, sendAll, stats, stored } from './support';

/** Xero Sync → Payment: Send (exactly once), Get and Delete against the sandbox (validate: true). */
describe('Payments', () => {
	let invoices: IDataObject[];
	const approved = [1, 2, 3].map((n) => invoiceJson(n, { Status: 'AUTHORISED', InvoiceNumber: `PAY-INV-${n}` }));
	const xero = sandboxForEachTest({}, { ready: async (xero) => (invoices = await sendAll(xero, 'invoice', approved)) });

	const invoiceIn = (number: string) => stored(xero, 'invoices').find((invoice) => invoice.InvoiceNumber === number) as IDataObject;

	const sendPayments = (extra: IDataObject = {}) => ({
		resource: 'payment',
		operation: 'send',
		inputMode: 'fields',
		invoice: '={{ $json.invoice }}',
		account: '={{ $json.account ?? "090" }}',
		date: '={{ $json.date }}',
		amount: '={{ $json.amount }}',
		reference: '={{ $json.reference ?? "" }}',
		...extra,
	});

	it('records a batch in one lookup and one PUT; the one over the amount due fails alone with Xero’s reason', async () => {
		xero.resetStats();
		const due = Number(invoiceIn('PAY-INV-2').AmountDue);
		const run = await runSync(xero, sendPayments(), [
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 50, reference: 'DD 1' },
			{ invoice: 'PAY-INV-2', date: '2026-11-05', amount: due + 100, reference: 'DD 2' },
			{ invoice: String(invoices[2].InvoiceID), date: '2026-11-06', amount: 20 },
		]);
		expect(run.main.map((item) => item.json.syncResult)).toEqual(['Created', 'Created']);
		expect(run.main[0].json).toMatchObject({ Amount: 50, Reference: 'DD 1', Status: 'AUTHORISED', Invoice: { InvoiceNumber: 'PAY-INV-1' } });
		expect(String(run.main[0].json.Date)).toMatch(/^2026-11-05T/);
		expect(run.errors).toHaveLength(1);
		const failure = entry(run.errors[0]);
		expect(failure).toMatchObject({ code: 'VALIDATION', action: 'Send Payment', flow: 'CRM → Xero' });
		expect(failure.message).toBe(
			`Payment of ${due + 100} on invoice "PAY-INV-2": Xero rejected it: Payment amount exceeds the amount outstanding on this document`,
		);
		// The lookup before writing, the one PUT, and the engine's look at the refused record (is it there after all?).
		expect(stats(xero).byPath).toEqual({ 'GET /Payments': 2, 'PUT /Payments': 1 });
		expect(invoiceIn('PAY-INV-1').AmountPaid).toBe(50);
		expect(invoiceIn('PAY-INV-2').AmountPaid ?? 0).toBe(0);
	});

	it('two executions sending the same payments at once (an overlapping schedule) record each payment once', async () => {
		const input = [
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 10, reference: 'RACE 1' },
			{ invoice: 'PAY-INV-2', date: '2026-11-05', amount: 12, reference: 'RACE 2' },
		];
		const runs = await Promise.all([runSync(xero, sendPayments(), input), runSync(xero, sendPayments(), input), runSync(xero, sendPayments(), input)]);
		for (const run of runs) expect(run.errors).toEqual([]);
		const results = runs.flatMap((run) => run.main.map((item) => item.json.syncResult)).sort();
		expect(results).toEqual(['Created', 'Created', 'Skipped', 'Skipped', 'Skipped', 'Skipped']);
		const live = stored(xero, 'payments').filter((payment) => payment.Status === 'AUTHORISED' && String(payment.Reference).startsWith('RACE'));
		expect(live).toHaveLength(2);
		expect(invoiceIn('PAY-INV-1').AmountPaid).toBe(10);
		expect(invoiceIn('PAY-INV-2').AmountPaid).toBe(12);
	});

	it('a second run records nothing: each payment Xero already holds comes out Skipped, with no write', async () => {
		const input = [
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 50, reference: 'DD 1' },
			// No reference: an empty reference is part of the key too.
			{ invoice: String(invoices[1].InvoiceID), date: '2026-11-05T00:00:00', amount: '25.00' },
		];
		const first = await runSync(xero, sendPayments(), input);
		expect(first.main.map((item) => item.json.syncResult)).toEqual(['Created', 'Created']);
		xero.resetStats();
		const second = await runSync(xero, sendPayments(), input);
		expect(second.errors).toEqual([]);
		expect(second.main.map((item) => item.json.syncResult)).toEqual(['Skipped', 'Skipped']);
		expect(second.main.map((item) => item.json.PaymentID)).toEqual(first.main.map((item) => item.json.PaymentID));
		expect(stats(xero).writes).toBe(0);
		expect(stored(xero, 'payments').filter((p) => p.Status === 'AUTHORISED' && p.Reference !== 'DD 4471')).toHaveLength(2);
		// The same payment by the invoice's ID rather than its number is still the same payment.
		const byId = await runSync(xero, sendPayments(), [{ invoice: String(invoices[0].InvoiceID), date: '2026-11-05', amount: 50, reference: 'dd 1' }]);
		expect(byId.main[0].json).toMatchObject({ syncResult: 'Skipped', PaymentID: first.main[0].json.PaymentID });
		// A different amount, date or reference is another payment.
		const other = await runSync(xero, sendPayments(), [{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 50, reference: 'DD 1b' }]);
		expect(other.main[0].json.syncResult).toBe('Created');
	});

	it('Duplicate Handling "Fail" names the payment Xero already holds', async () => {
		const input = [{ invoice: 'PAY-INV-3', date: '2026-11-07', amount: 10, reference: 'R1' }];
		const first = await runSync(xero, sendPayments(), input);
		const again = await runSync(xero, sendPayments({ duplicateHandling: 'fail' }), input);
		expect(entry(again.errors[0])).toMatchObject({ code: 'DUPLICATE', xeroId: first.main[0].json.PaymentID });
		expect(entry(again.errors[0]).message).toBe(
			`Payment of 10 on invoice "PAY-INV-3": Payment with the same invoice, date, amount and reference already exists in Xero (PaymentID ${String(first.main[0].json.PaymentID)}). Set Duplicate Handling to "Skip" to link to it; to record it again, delete the one in Xero first.`,
		);
		// "Update Existing" from an imported workflow cannot edit a payment: it is skipped, never paid twice.
		const update = await runSync(xero, sendPayments({ duplicateHandling: 'update' }), input);
		expect(update.main[0].json.syncResult).toBe('Skipped');
		expect(stored(xero, 'payments').filter((p) => p.Reference === 'R1')).toHaveLength(1);
	});

	it('writes one of the input items that are the same payment; the others fail as duplicate input', async () => {
		xero.resetStats();
		const run = await runSync(xero, sendPayments(), [
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 10, reference: 'Same' },
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 10, reference: 'Other' },
			{ invoice: 'pay-inv-1', date: '2026-11-05', amount: '10.00', reference: ' same ' },
		]);
		expect(run.main.map((item) => [item.pairedItem, item.json.syncResult])).toEqual([
			[{ item: 0 }, 'Created'],
			[{ item: 1 }, 'Created'],
		]);
		expect(entry(run.errors[0])).toMatchObject({ code: 'DUPLICATE_INPUT' });
		expect(entry(run.errors[0]).message).toMatch(/input item 1 of this run sends the same payment/);
		expect(stats(xero).byPath['PUT /Payments']).toBe(1);
		expect(stored(xero, 'payments').filter((p) => p.Amount === 10)).toHaveLength(2);
	});

	it('checks every payment before any call: invoice, account, amount, date, currency rate, an ID', async () => {
		xero.resetStats();
		const run = await runSync(xero, sendPayments({ additionalFields: { currencyRate: '={{ $json.rate ?? "" }}' } }), [
			{ invoice: '', date: '2026-11-05', amount: 10 },
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 0 },
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: -5 },
			{ invoice: 'PAY-INV-1', date: '2026-02-30', amount: 5 },
			{ invoice: 'PAY-INV-1', date: 'next tuesday', amount: 5 },
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 5, rate: -1 },
			{ invoice: 'PAY-INV-1', account: '', date: '2026-11-05', amount: 5 },
		]);
		expect(run.main).toEqual([]);
		expect(run.errors.map((item) => entry(item).code)).toEqual([
			'MANDATORY_FIELDS',
			'BAD_AMOUNT',
			'BAD_AMOUNT',
			'BAD_DATE',
			'BAD_DATE',
			'BAD_CURRENCY_RATE',
			'MANDATORY_FIELDS',
		]);
		const messages = run.errors.map((item) => entry(item).message);
		expect(messages[0]).toBe('Payment: not sent because the invoice (Invoice: its InvoiceID or invoice number) is empty.');
		expect(messages[2]).toMatch(/^Payment of -5 on invoice "PAY-INV-1": not sent: the amount -5 is not a positive number/);
		expect(messages[3]).toMatch(/the date "2026-02-30" is not a date. Send the day the payment was made as YYYY-MM-DD/);
		expect(messages[6]).toMatch(/the account paid into \(Account: its AccountID or code, e\.g\. a bank account\) is empty/);
		expect(stats(xero).calls).toBe(0);
	});

	it('sends Xero JSON (a top-level InvoiceNumber and Code, or whole objects), and refuses one that carries its PaymentID', async () => {
		const invoice = invoices[0];
		const run = await runSync(xero, { resource: 'payment', operation: 'send', inputMode: 'json' }, [
			{ InvoiceNumber: 'PAY-INV-1', Code: '090', Date: '2026-11-08', Amount: '12.50', Reference: 'JSON 1', crmId: '7x1' },
			{ Invoice: invoice, Account: { Code: '091', Name: 'Savings' }, Date: '/Date(1762560000000+0000)/', Amount: 7.5, Reference: 'JSON 2' },
			{ PaymentID: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d', Invoice: { InvoiceNumber: 'PAY-INV-1' }, Account: { Code: '090' }, Date: '2026-11-08', Amount: 1 },
		]);
		expect(run.main.map((item) => item.json.syncResult)).toEqual(['Created', 'Created']);
		expect(run.main[0].json).toMatchObject({ crmId: '7x1', Amount: 12.5, Account: { Code: '090' } });
		expect(String(run.main[1].json.Date)).toMatch(/^2025-11-08T/);
		expect(entry(run.errors[0])).toMatchObject({ code: 'NOT_EDITABLE', xeroId: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d' });
		expect(entry(run.errors[0]).message).toMatch(/Xero does not edit payments\. To change it, delete it \(Payment → Delete\)/);
	});

	it('gets one payment by PaymentID, many by invoice, contact, date and status, and those changed since the last run', async () => {
		const sent = await runSync(xero, sendPayments(), [
			{ invoice: 'PAY-INV-1', date: '2026-11-05', amount: 10, reference: 'G1' },
			{ invoice: 'PAY-INV-1', date: '2026-11-09', amount: 11, reference: 'G2' },
			{ invoice: 'PAY-INV-2', date: '2026-11-09', amount: 12, reference: 'G3' },
		]);
		const ids = sent.main.map((item) => String(item.json.PaymentID));
		const get = (parameters: IDataObject) => runSync(xero, { resource: 'payment', operation: 'get', ...parameters }, [{}]);

		const one = await get({ getMode: 'one', recordId: ids[1] });
		expect(one.main[0].json).toMatchObject({ PaymentID: ids[1], Amount: 11, Reference: 'G2', Invoice: { InvoiceNumber: 'PAY-INV-1' } });
		const missing = await get({ getMode: 'one', recordId: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d' });
		expect(entry(missing.errors[0]).code).toBe('NOT_FOUND');

		const many = (filters: IDataObject, extra: IDataObject = {}) => get({ getMode: 'many', returnAll: true, filters, ...extra });
		const amounts = (run: { main: Array<{ json: IDataObject }> }) => run.main.map((item) => item.json.Amount).sort();
		expect(amounts(await many({ invoice: 'PAY-INV-1' }))).toEqual([10, 11]);
		expect(amounts(await many({ invoice: String(invoices[1].InvoiceID) }))).toEqual([12]);
		const contactId = String((invoiceIn('PAY-INV-2').ContactID ?? (invoices[1].Contact as IDataObject).ContactID) as string);
		expect(amounts(await many({ contactId }))).toEqual([12]);
		expect(amounts(await many({ invoice: 'PAY-INV-1', dateFrom: '2026-11-06', dateTo: '2026-11-30' }))).toEqual([11]);
		const limited = await get({ getMode: 'many', returnAll: false, limit: 2, filters: {} });
		expect(limited.main).toHaveLength(2);
		const badContact = await many({ contactId: 'ABC Furniture' });
		expect(entry(badContact.errors[0])).toMatchObject({ code: 'BAD_FILTER' });
		expect(entry(badContact.errors[0]).message).toMatch(/The "Contact ID" filter needs a Xero ID/);

		let staticData: IDataObject | undefined;
		const changed = async () => {
			const parameters = { resource: 'payment', operation: 'get', getMode: 'changedSince', filters: { invoice: 'PAY-INV-1' }, options: { overlapSeconds: 1 } };
			const run = await runSync(xero, parameters, [{}], { staticData });
			staticData = run.staticData as IDataObject;
			return run;
		};
		expect(amounts(await changed())).toEqual([10, 11]);
		expect((await changed()).main).toEqual([]);
		await runSync(xero, { resource: 'payment', operation: 'delete', paymentId: ids[0] }, [{}]);
		const afterDelete = await changed();
		expect(afterDelete.main.map((item) => [item.json.PaymentID, item.json.Status])).toEqual([[ids[0], 'DELETED']]);
		expect(amounts(await many({ invoice: 'PAY-INV-1', status: ['DELETED'] }))).toEqual([10]);
		expect(amounts(await many({ invoice: 'PAY-INV-1', status: ['AUTHORISED'] }))).toEqual([11]);
	});

	it('deletes payments: the paid invoice is AUTHORISED again; a re-run is Unchanged; bad and unknown IDs fail alone', async () => {
		const total = Number(invoiceIn('PAY-INV-3').Total);
		const paid = await runSync(xero, sendPayments(), [{ invoice: 'PAY-INV-3', date: '2026-11-10', amount: total, reference: 'Full' }]);
		expect(invoiceIn('PAY-INV-3')).toMatchObject({ Status: 'PAID', AmountDue: 0 });
		const paymentId = String(paid.main[0].json.PaymentID);

		const del = { resource: 'payment', operation: 'delete', paymentId: '={{ $json.id }}' };
		const run = await runSync(xero, del, [{ id: paymentId, crmId: '7x9' }, { id: 'not-a-guid' }, { id: '0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d' }]);
		expect(run.main).toHaveLength(1);
		expect(run.main[0].json).toMatchObject({ PaymentID: paymentId, Status: 'DELETED', syncResult: 'Deleted', crmId: '7x9' });
		expect(invoiceIn('PAY-INV-3')).toMatchObject({ Status: 'AUTHORISED', AmountDue: total, AmountPaid: 0 });
		expect(run.errors.map((item) => [item.pairedItem, entry(item).code, entry(item).action])).toEqual([
			[{ item: 1 }, 'BAD_ID', 'Delete Payment'],
			[{ item: 2 }, 'NOT_FOUND', 'Delete Payment'],
		]);
		expect(entry(run.errors[0]).message).toMatch(/^Payment: not deleted: the Payment ID "not-a-guid" is not a Xero ID/);
		expect(entry(run.errors[1]).message).toBe(
			'Payment 0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d: no payment with PaymentID 0d2c4e7a-1111-4a2b-9c3d-5e6f7a8b9c0d in Xero. Check the ID, or the Xero Organisation chosen.',
		);

		const again = await runSync(xero, del, [{ id: paymentId }]);
		expect(again.main[0].json).toMatchObject({ PaymentID: paymentId, Status: 'DELETED', syncResult: 'Unchanged' });

		// The same payment sent again after its deletion is recorded anew: a deleted payment is no payment.
		const resent = await runSync(xero, sendPayments(), [{ invoice: 'PAY-INV-3', date: '2026-11-10', amount: total, reference: 'Full' }]);
		expect(resent.main[0].json.syncResult).toBe('Created');
		expect(invoiceIn('PAY-INV-3').Status).toBe('PAID');
	});
});
