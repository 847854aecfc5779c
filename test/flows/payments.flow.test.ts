import type { IDataObject, INode } from 'n8n-workflow';

import { chain, manualTrigger, node } from '../harness';
import { runFlow, sandboxesForEachTest, xeroStored } from './support';

/**
 * Issue 17: payments received (a bank statement's lines, pinned on the trigger) are recorded on their invoices, and
 * each invoice is read back. Xero records a repeated payment again, so the flow run twice must pay once; a payment
 * deleted afterwards makes its invoice due again.
 */
const SYNC = 'n8n-nodes-xero-crm.xeroSync';
const credentials = { xeroCustomConnectionApi: { id: '2', name: 'Xero Custom Connection' } };
const xeroNode = (name: string, parameters: IDataObject, extra: Partial<INode> = {}): INode =>
	node(name, SYNC, { parameters: { authentication: 'customConnection', ...parameters } as INode['parameters'], credentials, ...extra });

const RECORD = 'Record payment in Xero';
const READ_BACK = 'Read invoice back';

describe('flow: bank lines → Xero payments → invoices read back', () => {
	const sandboxes = sandboxesForEachTest();

	const invoices = () => xeroStored(sandboxes.xero, 'invoices');
	const payments = () => xeroStored(sandboxes.xero, 'payments');

	const payingFlow = (lines: IDataObject[]) =>
		chain(
			[
				manualTrigger(),
				xeroNode(
					RECORD,
					{
						resource: 'payment',
						operation: 'send',
						inputMode: 'fields',
						invoice: '={{ $json.invoice }}',
						account: '090',
						date: '={{ $json.date }}',
						amount: '={{ $json.amount }}',
						reference: '={{ $json.reference }}',
					},
					{ onError: 'continueErrorOutput' },
				),
				xeroNode(READ_BACK, { resource: 'invoice', operation: 'get', getMode: 'one', recordId: '={{ $json.Invoice.InvoiceID }}' }),
			],
			lines,
		);

	it('pays each invoice once, even when the flow runs twice; the line over the amount due fails alone', async () => {
		const open = invoices().filter((invoice) => invoice.Type === 'ACCREC' && invoice.Status === 'AUTHORISED');
		expect(open.length).toBeGreaterThanOrEqual(2);
		const [full, part] = open;
		const lines = [
			{ invoice: full.InvoiceNumber, date: '2026-11-20', amount: full.AmountDue, reference: 'Bank 0001' },
			{ invoice: part.InvoiceID, date: '2026-11-20', amount: 10, reference: 'Bank 0002' },
			{ invoice: part.InvoiceNumber, date: '2026-11-21', amount: Number(part.AmountDue) + 1000, reference: 'Bank 0003' },
		];
		const before = payments().length;
		const first = await runFlow(sandboxes, payingFlow(lines));
		expect(first.main(RECORD).map((item) => item.json.syncResult)).toEqual(['Created', 'Created']);
		expect(first.errors(RECORD).map((item) => (item.json.error as IDataObject).code)).toEqual(['VALIDATION']);
		expect(String((first.errors(RECORD)[0].json.error as IDataObject).message)).toMatch(/exceeds the amount outstanding/);
		expect(first.main(READ_BACK).map((item) => [item.json.InvoiceNumber, item.json.Status])).toEqual([
			[full.InvoiceNumber, 'PAID'],
			[part.InvoiceNumber, 'AUTHORISED'],
		]);
		expect(payments().length).toBe(before + 2);

		const second = await runFlow(sandboxes, payingFlow(lines), first.staticData);
		expect(second.main(RECORD).map((item) => item.json.syncResult)).toEqual(['Skipped', 'Skipped']);
		expect(second.main(RECORD).map((item) => item.json.PaymentID)).toEqual(first.main(RECORD).map((item) => item.json.PaymentID));
		expect(payments().length).toBe(before + 2);
		const partNow = invoices().find((invoice) => invoice.InvoiceID === part.InvoiceID) as IDataObject;
		expect(partNow.AmountPaid).toBe(Number(part.AmountPaid ?? 0) + 10);
	});

	it('deletes the payments of an invoice found by number: the invoice is AUTHORISED and due again', async () => {
		const invoice = invoices().find((one) => one.Type === 'ACCREC' && one.Status === 'AUTHORISED') as IDataObject;
		await runFlow(sandboxes, payingFlow([{ invoice: invoice.InvoiceNumber, date: '2026-11-20', amount: invoice.AmountDue, reference: 'Bank 0009' }]));
		expect(invoices().find((one) => one.InvoiceID === invoice.InvoiceID)?.Status).toBe('PAID');

		const undo = chain(
			[
				manualTrigger(),
				xeroNode('Payments of the invoice', { resource: 'payment', operation: 'get', getMode: 'many', returnAll: true, filters: { invoice: '={{ $json.invoice }}', status: ['AUTHORISED'] } }),
				xeroNode('Delete payment', { resource: 'payment', operation: 'delete', paymentId: '={{ $json.PaymentID }}' }, { onError: 'continueErrorOutput' }),
				xeroNode(READ_BACK, { resource: 'invoice', operation: 'get', getMode: 'one', recordId: '={{ $json.Invoice.InvoiceID }}' }),
			],
			[{ invoice: invoice.InvoiceNumber }],
		);
		const run = await runFlow(sandboxes, undo);
		expect(run.main('Delete payment').map((item) => [item.json.Status, item.json.syncResult])).toEqual([['DELETED', 'Deleted']]);
		expect(run.main(READ_BACK)[0].json).toMatchObject({ InvoiceID: invoice.InvoiceID, Status: 'AUTHORISED', AmountDue: invoice.AmountDue });
	});
});
