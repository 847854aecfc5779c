import type { IDataObject } from 'n8n-workflow';
import { crmRecords, crmWrites, loadExample, runFlow, sandboxesForEachTest, xeroStored } from './support';
import { runSync } from '../xeroSync/support';

/**
 * examples/suppliers-xero-to-crm-vendors.json (issue 17 item 4): Xero contacts that are suppliers → CRM Vendors,
 * linked by cf_xero_contact_id; a second run writes nothing. And the other way: a CRM vendor sent with Xero Sync
 * (CRM Record input, module Vendors) becomes a Xero contact, and a re-send changes nothing.
 */
describe('flow: Xero suppliers → CRM Vendors', () => {
	const sandboxes = sandboxesForEachTest();

	const writes = () => crmWrites(sandboxes.crm);

	it('copies every supplier (and only suppliers) into Vendors once, linked; a second run writes nothing', async () => {
		const suppliers = xeroStored(sandboxes.xero, 'contacts').filter((contact) => contact.IsSupplier === true && contact.ContactStatus !== 'ARCHIVED');
		expect(suppliers.length).toBeGreaterThan(0);
		const workflow = loadExample('suppliers-xero-to-crm-vendors.json');
		const first = await runFlow(sandboxes, workflow);
		expect(first.logged()).toEqual([]);
		expect(first.main('Get suppliers from Xero').map((item) => item.json.ContactID).sort()).toEqual(suppliers.map((c) => c.ContactID).sort());
		const vendors = crmRecords(sandboxes.crm, 'Vendors');
		for (const supplier of suppliers) {
			const linked = vendors.filter((vendor) => vendor.cf_xero_contact_id === supplier.ContactID);
			expect(linked).toHaveLength(1);
			expect(linked[0]).toMatchObject({ vendorname: supplier.Name, email: supplier.EmailAddress ?? '' });
		}
		expect(vendors).toHaveLength(suppliers.length);

		const before = writes();
		sandboxes.crm.clock.advance(60);
		const second = await runFlow(sandboxes, workflow, first.staticData);
		expect(second.logged()).toEqual([]);
		expect(crmRecords(sandboxes.crm, 'Vendors')).toHaveLength(suppliers.length);
		expect(writes() - before).toBe(0);
	});

	it('sends a CRM vendor to Xero as a contact carrying its CRM id; a re-send is Unchanged', async () => {
		const vendor: IDataObject = {
			id: '2x901',
			vendor_no: 'VEN9',
			vendorname: 'Harbour Timber Supplies',
			email: 'orders@harbourtimber.example',
			phone: '555 0177',
			street: '12 Mill Road',
			city: 'Nelson',
			country: 'New Zealand',
		};
		const send = { resource: 'organisation', operation: 'send', inputMode: 'crmRecord', crmModule: 'Vendors', duplicateHandling: 'update' };
		const first = await runSync(sandboxes.xero, send, [vendor]);
		expect(first.errors).toEqual([]);
		expect(first.main[0].json).toMatchObject({ crmId: '2x901', Name: 'Harbour Timber Supplies', ContactNumber: '2x901', AccountNumber: 'VEN9', syncResult: 'Created' });
		const contact = xeroStored(sandboxes.xero, 'contacts').find((c) => c.Name === 'Harbour Timber Supplies') as IDataObject;
		expect(contact.EmailAddress).toBe('orders@harbourtimber.example');
		expect((contact.Addresses as IDataObject[]).find((a) => a.AddressType === 'POBOX')).toMatchObject({ AddressLine1: '12 Mill Road', City: 'Nelson' });
		const again = await runSync(sandboxes.xero, send, [{ ...vendor, cf_xero_contact_id: contact.ContactID }]);
		expect(again.main[0].json.syncResult).toBe('Unchanged');
	});
});
