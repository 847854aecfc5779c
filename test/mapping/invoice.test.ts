import { crmToXero, lookupKey, xeroToCrm } from '../../nodes/shared/mapping';
import { records, retrievedInvoice } from './support/transcriptInvoice';

describe('CRM invoice → Xero invoice', () => {
	it('first lists the references it needs, then maps the real vtiger invoice', () => {
		const first = crmToXero('Invoice', retrievedInvoice);
		expect(first.needs.crmIds.sort()).toEqual(['11x2', '14x127', '14x128', '21x1', '26x129']);
		const result = crmToXero('Invoice', retrievedInvoice, { resolved: { records }, defaultSalesAccountCode: '400' });
		expect(result.errors).toEqual([]);
		expect(result.needs).toEqual({ crmIds: [], lookups: [] });
		expect(result.crmId).toBe('7x130');
		expect(result.record).toEqual({
			Type: 'ACCREC',
			InvoiceNumber: 'INV1',
			Reference: 'Transcript Invoice 1',
			// An unlinked organisation is matched (or created) in Xero by name.
			Contact: { Name: 'Transcript Account' },
			Date: '2024-01-15',
			DueDate: '2024-02-15',
			CurrencyCode: 'USD',
			Status: 'DRAFT',
			LineItems: [
				{ ItemCode: 'TW-1', Description: 'two widgets', Quantity: 2, UnitAmount: 100.5, AccountCode: '200' },
				// Products not linked to a Xero item are sent as account-coded lines: Xero rejects item codes it lacks.
				{ Description: 'Transcript Gadget', Quantity: 3, UnitAmount: 9.99, DiscountRate: 10, AccountCode: '400' },
				{ Description: 'Transcript Support Hour', Quantity: 1.5, UnitAmount: 75, AccountCode: '260' },
			],
		});
	});

	it('sends item codes always, never, or (default) for linked products only; an unlinked product needs a sales account', () => {
		const codes = (lineItemCodes?: 'always' | 'never') =>
			(crmToXero('Invoice', retrievedInvoice, { resolved: { records }, defaultSalesAccountCode: '400', lineItemCodes }).record.LineItems as Array<Record<string, unknown>>).map(
				(line) => line.ItemCode,
			);
		expect(codes()).toEqual(['TW-1', undefined, undefined]);
		expect(codes('always')).toEqual(['TW-1', 'PRO2', 'SER1']);
		expect(codes('never')).toEqual([undefined, undefined, undefined]);
		const noAccount = crmToXero('Invoice', retrievedInvoice, { resolved: { records } });
		expect(noAccount.errors).toEqual([
			'CRM invoice INV1, line 2: product 14x128 has no Xero sales account (cf_xero_sales_account) and is not linked to a Xero item; link it to a Xero account first.',
		]);
	});

	it('keeps Xero number on a linked invoice and sends a currency rate only when it is not 1', () => {
		const linked = { ...retrievedInvoice, cf_xero_invoice_id: 'inv-uuid', cf_xero_invoice_number: 'INV-0042', conversion_rate: '1.650' };
		const withContact = { ...records, '11x2': { ...records['11x2'], cf_xero_contact_id: 'contact-uuid' } };
		const result = crmToXero('Invoice', linked, { resolved: { records: withContact } });
		expect(result.record).toMatchObject({ InvoiceID: 'inv-uuid', InvoiceNumber: 'INV-0042', CurrencyRate: 1.65, Contact: { ContactID: 'contact-uuid' } });
		const unlinkedNoNumber = crmToXero('Invoice', { ...linked, cf_xero_invoice_number: '' }, { resolved: { records: withContact } });
		expect(unlinkedNoNumber.record.InvoiceNumber).toBeUndefined();
	});

	it('explains missing line items, a missing organisation and deleted references', () => {
		const noLines = crmToXero('Invoice', { ...retrievedInvoice, LineItems: undefined, account_id: '' }, { resolved: { records } });
		expect(noLines.errors).toEqual([
			'CRM invoice INV1 has no organisation (account_id); Xero invoices need a contact.',
			'CRM invoice INV1 has no line items; retrieve the record (a query or sync row holds at most one line).',
		]);
		const gone = crmToXero('Invoice', retrievedInvoice, { resolved: { records: { ...records, '14x128': null, '11x2': null } } });
		expect(gone.errors).toEqual([
			'CRM invoice INV1: its organisation 11x2 does not exist in the CRM (deleted?).',
			'CRM invoice INV1, line 2: product 14x128 does not exist in the CRM.',
		]);
	});

	it('leaves out deleted line items', () => {
		const lines = [...retrievedInvoice.LineItems.slice(0, 2), { ...retrievedInvoice.LineItems[2], deleted: '1' }];
		const result = crmToXero('Invoice', { ...retrievedInvoice, LineItems: lines }, { resolved: { records } });
		expect((result.record.LineItems as unknown[]).length).toBe(2);
	});

	it('sends an amount discount when the line has no percentage', () => {
		const lines = [{ ...retrievedInvoice.LineItems[0], discount_amount: '5.50000000' }];
		const result = crmToXero('Invoice', { ...retrievedInvoice, LineItems: lines }, { resolved: { records } });
		expect((result.record.LineItems as Array<Record<string, unknown>>)[0]).toMatchObject({ DiscountAmount: 5.5 });
		expect((result.record.LineItems as Array<Record<string, unknown>>)[0].DiscountRate).toBeUndefined();
	});
});

describe('Xero invoice → CRM invoice', () => {
	const xeroInvoice = {
		Type: 'ACCREC',
		InvoiceID: 'inv-1',
		InvoiceNumber: 'INV-0007',
		Reference: '',
		Contact: { ContactID: 'c-1', Name: 'Ridgeway University' },
		Date: '/Date(1705276800000+0000)/',
		DueDate: '2024-02-15T00:00:00',
		CurrencyCode: 'NZD',
		Status: 'PAID',
		LineItems: [
			{ ItemCode: 'GB1', Description: 'Golf balls', Quantity: 40, UnitAmount: 5, AccountCode: '200' },
			{ Description: 'Freight', Quantity: 1, UnitAmount: 12.5, AccountCode: '200' },
		],
	};
	const account = { id: '11x2', accountname: 'Ridgeway University', bill_street: '1 Demo Street', ship_street: '', bill_city: 'Wellington' };
	const found = {
		[lookupKey({ module: 'Accounts', field: 'cf_xero_contact_id', value: 'c-1' })]: account,
		[lookupKey({ module: 'Products', field: 'productcode', value: 'GB1' })]: { id: '14x10', cf_xero_sales_account: '260' },
		[lookupKey({ module: 'Currency', field: 'currency_code', value: 'NZD' })]: { id: '21x2' },
	};

	it('maps a paid invoice back, with a fallback product for free-text lines and the account address', () => {
		const result = xeroToCrm('invoice', xeroInvoice, { resolved: { found }, fallbackProductId: '26x13' });
		expect(result.errors).toEqual([]);
		expect(result.fields).toMatchObject({
			subject: 'Xero invoice INV-0007',
			account_id: '11x2',
			invoicedate: '2024-01-15',
			duedate: '2024-02-15',
			invoicestatus: 'Paid',
			cf_xero_status: 'PAID',
			cf_xero_invoice_id: 'inv-1',
			cf_xero_invoice_number: 'INV-0007',
			currency_id: '21x2',
			productid: '14x10',
			bill_street: '1 Demo Street',
			bill_city: 'Wellington',
		});
		// vtiger requires a shipping street too: the account's billing address stands in for the missing one.
		expect(result.fields).toMatchObject({ ship_street: '1 Demo Street', ship_city: 'Wellington' });
		expect(result.lineItems).toEqual([
			{ productid: '14x10', quantity: 40, listprice: 5, comment: 'Golf balls' },
			{ productid: '26x13', quantity: 1, listprice: 12.5, comment: 'Freight' },
		]);
		expect(result.warnings).toEqual([
			"Xero invoice INV-0007, line 1: Xero account 200 differs from the product's Xero sales account 260; the CRM keeps one account per product.",
		]);
		expect(result.match).toEqual([
			{ field: 'cf_xero_invoice_id', value: 'inv-1' },
			{ field: 'invoice_no', value: 'INV-0007' },
		]);
	});

	it('names the record and the fix for an unknown item, contact and currency, and for bills', () => {
		const notFound = Object.fromEntries(Object.keys(found).map((key) => [key, null]));
		const more = {
			[lookupKey({ module: 'Accounts', field: 'accountname', value: 'Ridgeway University' })]: null,
			[lookupKey({ module: 'Products', field: 'product_no', value: 'GB1' })]: null,
			[lookupKey({ module: 'Services', field: 'service_no', value: 'GB1' })]: null,
		};
		const result = xeroToCrm('invoice', { ...xeroInvoice, Type: 'ACCPAY' }, { resolved: { found: { ...notFound, ...more } } });
		expect(result.needs).toEqual({ crmIds: [], lookups: [] });
		// A bill is not an error but has no CRM counterpart: the CRM node skips it (issue 13).
		expect(result.notForModule).toBe('Xero invoice INV-0007 is a bill (ACCPAY); only sales invoices (ACCREC) map to CRM invoices.');
		expect(xeroToCrm('invoice', xeroInvoice, { resolved: { found } }).notForModule).toBeUndefined();
		expect(result.errors).toEqual([
			'Xero invoice INV-0007: its contact "Ridgeway University" is not a CRM organisation; get organisations from Xero first.',
			'Xero invoice INV-0007, line 1: item code "GB1" is not a CRM product or service; get items from Xero first, or set a fallback product.',
			'Xero invoice INV-0007, line 2: no ItemCode, and CRM line items need a product; set a fallback product (CRM Record: option "Product for Free-Text Lines").',
			'Xero invoice INV-0007 is in NZD, which is not an active CRM currency; add it in the CRM or send the invoice in the base currency.',
		]);
	});

	it('computes the unit price from LineAmount when Xero gives only that', () => {
		const result = xeroToCrm(
			'invoice',
			{ ...xeroInvoice, CurrencyCode: undefined, LineItems: [{ ItemCode: 'GB1', Description: 'x', Quantity: 4, LineAmount: 10 }] },
			{ resolved: { found } },
		);
		expect(result.lineItems).toEqual([{ productid: '14x10', quantity: 4, listprice: 2.5, comment: 'x' }]);
	});
});
