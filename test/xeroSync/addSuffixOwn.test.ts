import type { IDataObject } from 'n8n-workflow';
import { entry, invoiceJson, runSync, sandboxForEachTest, stored } from './support';

/**
 * After a run whose answer was lost (stopped, crashed, a worker killed), the CRM never learnt the Xero ID, so the
 * record is sent again. Under Add Suffix a Xero record that carries this CRM record's id — in its Contact Number,
 * its Reference, or the suffix itself — is that record's own earlier copy: it is updated, and no `NAME-<crmId>`
 * copy is made next to it.
 */
describe('Add Suffix recognises its own earlier record', () => {
	const xero = sandboxForEachTest({ data: 'empty' });

	const send = (resource: string, items: IDataObject[]) =>
		runSync(xero, { resource, operation: 'send', inputMode: 'json', duplicateHandling: 'addSuffix' }, items);
	const named = (prefix: string) => stored(xero, 'contacts').filter((contact) => String(contact.Name).startsWith(prefix));

	it('an organisation whose Contact Number is the CRM id is updated, not copied with a suffix', async () => {
		const organisation = { crmId: '11x5', Name: 'Lost Run Ltd', ContactNumber: '11x5', Website: 'https://one.example' };
		const lost = await send('organisation', [organisation]);
		expect(lost.main[0].json.syncResult).toBe('Created');

		const again = await send('organisation', [{ ...organisation, Website: 'https://two.example' }]);
		expect(again.errors.map((item) => entry(item).message)).toEqual([]);
		expect(again.main[0].json).toMatchObject({ syncResult: 'Updated', ContactID: lost.main[0].json.ContactID, Name: 'Lost Run Ltd' });
		expect(named('Lost Run Ltd').map((contact) => [contact.Name, contact.Website])).toEqual([['Lost Run Ltd', 'https://two.example']]);
	});

	it('keeps the suffix of its own suffixed copy while another record holds the plain name', async () => {
		await send('organisation', [{ Name: 'Shared Name Ltd' }].map((o) => ({ ...o, crmId: '11x1' })));
		const organisation = { crmId: '11x6', Name: 'Shared Name Ltd', ContactNumber: '11x6' };
		const first = await send('organisation', [organisation]);
		// Only the name Xero keeps unique gets the suffix; the Contact Number keeps the CRM id as it is.
		expect(first.main[0].json).toMatchObject({ syncResult: 'Created', Name: 'Shared Name Ltd (11x6)', ContactNumber: '11x6' });
		const again = await send('organisation', [organisation]);
		// Found as its own copy; it already holds what is sent, so nothing is written.
		expect(again.main[0].json).toMatchObject({ syncResult: 'Unchanged', ContactID: first.main[0].json.ContactID, Name: 'Shared Name Ltd (11x6)' });
		expect(named('Shared Name Ltd')).toHaveLength(2);
	});

	it('a sales invoice whose Reference carries the CRM id is updated, not copied under a suffixed number', async () => {
		const invoice = invoiceJson(1, { crmId: '7x31', Reference: '7x31', Contact: { Name: 'Customer A' } });
		const lost = await send('invoice', [invoice]);
		expect(lost.main[0].json.syncResult).toBe('Created');

		const again = await send('invoice', [{ ...invoice, DueDate: '2026-12-15' }]);
		expect(again.errors.map((item) => entry(item).message)).toEqual([]);
		expect(again.main[0].json).toMatchObject({ syncResult: 'Updated', InvoiceID: lost.main[0].json.InvoiceID, InvoiceNumber: 'CRM-INV-00001' });
		expect(stored(xero, 'invoices')).toHaveLength(1);
	});

	it("still suffixes another CRM record's invoice that holds the same number", async () => {
		await send('invoice', [invoiceJson(1, { crmId: '7x31', Reference: '7x31' })]);
		const other = await send('invoice', [invoiceJson(1, { crmId: '7x32', Reference: '7x32' })]);
		expect(other.main[0].json).toMatchObject({ syncResult: 'Created', InvoiceNumber: 'CRM-INV-00001-7x32' });
		expect(stored(xero, 'invoices')).toHaveLength(2);
	});
});
