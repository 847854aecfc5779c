import type { IDataObject } from 'n8n-workflow';
import { entry, invoiceJson, runSync, sandboxForEachTest, stored } from './support';

/**
 * Send matches a record only on what Xero keeps unique (the table in nodes/shared/xero/resources.ts): a bill by
 * (contact, number), a contact by name, never by ContactNumber alone. Anything weaker links or overwrites another
 * party's record.
 */
describe('Send matches only on the keys Xero keeps unique', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	const send = (resource: string, duplicateHandling: string, items: IDataObject[]) =>
		runSync(xero, { resource, operation: 'send', inputMode: 'json', duplicateHandling }, items);
	const bill = (supplier: string, crmId: string, description: string) =>
		invoiceJson(0, {
			crmId,
			Type: 'ACCPAY',
			InvoiceNumber: 'INV-001',
			Contact: { Name: supplier },
			LineItems: [{ Description: description, Quantity: 1, UnitAmount: 80, AccountCode: '310' }],
		});
	const bills = () => stored(xero, 'invoices').filter((invoice) => invoice.Type === 'ACCPAY');
	const contactName = (id: unknown) => stored(xero, 'contacts').find((contact) => contact.ContactID === id)?.Name;

	it.each(['skip', 'update', 'fail', 'addSuffix'])(
		"creates supplier B's bill INV-001 next to supplier A's under %s, and never touches A's",
		async (mode) => {
			const first = await send('invoice', 'skip', [bill('Supplier A', '7x1', 'Paper')]);
			const billA = first.main[0].json;
			expect(billA.syncResult).toBe('Created');

			const second = await send('invoice', mode, [bill('Supplier B', '7x2', 'Toner')]);
			expect(second.errors.map((item) => entry(item).message)).toEqual([]);
			expect(second.main[0].json).toMatchObject({ syncResult: 'Created', InvoiceNumber: 'INV-001' });
			expect(second.main[0].json.InvoiceID).not.toBe(billA.InvoiceID);

			expect(bills()).toHaveLength(2);
			const storedA = bills().find((invoice) => invoice.InvoiceID === billA.InvoiceID) as IDataObject;
			expect(contactName(storedA.ContactID)).toBe('Supplier A');
			expect((storedA.LineItems as IDataObject[])[0].Description).toBe('Paper');
		},
	);

	it("still finds a supplier's own bill again, by the same contact in another case", async () => {
		await send('invoice', 'skip', [bill('Supplier A', '7x1', 'Paper')]);
		const again = await send('invoice', 'update', [bill('SUPPLIER a', '7x1', 'Paper and ink')]);
		expect(again.main[0].json.syncResult).toBe('Updated');
		expect(bills()).toHaveLength(1);
	});

	it('does not take an organisation for another because they share a ContactNumber (Xero does not keep it unique)', async () => {
		const first = await send('organisation', 'skip', [{ Name: 'Harbour Traders', ContactNumber: 'REF-1' }]);
		expect(first.main[0].json.syncResult).toBe('Created');
		const second = await send('organisation', 'update', [{ Name: 'Inland Traders', ContactNumber: 'REF-1', crmId: '11x2' }]);
		expect(second.main[0].json).toMatchObject({ syncResult: 'Created', Name: 'Inland Traders' });
		expect(stored(xero, 'contacts').map((contact) => contact.Name).sort()).toEqual(['Harbour Traders', 'Inland Traders']);
	});

	it('matches an organisation by name among archived contacts too, case-insensitively', async () => {
		const first = await send('organisation', 'skip', [{ Name: 'Dormant Ltd', ContactStatus: 'ARCHIVED' }]);
		const again = await send('organisation', 'skip', [{ Name: 'DORMANT LTD', ContactNumber: '11x3', crmId: '11x3' }]);
		expect(again.errors.map((item) => entry(item).message)).toEqual([]);
		expect(again.main[0].json).toMatchObject({ syncResult: 'Skipped', ContactID: first.main[0].json.ContactID });
	});
});
