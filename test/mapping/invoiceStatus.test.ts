import { crmToXero, crmStatusOf, xeroStatusToSend } from '../../nodes/shared/mapping';

const resolvedInvoice = {
	records: {
		'11x2': { id: '11x2', accountname: 'Acme', cf_xero_contact_id: 'contact-1' },
		'14x10': { id: '14x10', productname: 'Widget', productcode: 'W1', cf_xero_sales_account: '200' },
		'21x1': { id: '21x1', currency_code: 'USD' },
	},
};

function invoice(fields: Record<string, unknown>) {
	return {
		id: '7x20',
		invoice_no: 'INV7',
		subject: 'Spring order',
		account_id: '11x2',
		currency_id: '21x1',
		invoicestatus: 'Created',
		cf_xero_status: '',
		LineItems: [{ productid: '14x10', quantity: '1.000', listprice: '10.00000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: '' }],
		...fields,
	};
}

describe('invoice status rules (Xero: only DRAFT, SUBMITTED, AUTHORISED can be sent)', () => {
	it.each([
		['DRAFT', 'Created', 'DRAFT'],
		['submitted', 'Created', 'SUBMITTED'],
		['AUTHORISED', 'Created', 'AUTHORISED'],
		['', 'AutoCreated', 'DRAFT'],
		['', 'Created', 'DRAFT'],
		['', 'Approved', 'AUTHORISED'],
		['', 'Sent', 'AUTHORISED'],
	])('Xero Status %p with CRM status %p is sent as %p', (xeroStatus, crmStatus, expected) => {
		const result = crmToXero('Invoice', invoice({ cf_xero_status: xeroStatus, invoicestatus: crmStatus }), { resolved: resolvedInvoice });
		expect(result.errors).toEqual([]);
		expect(result.record.Status).toBe(expected);
	});

	it.each([
		['PAID', 'Approved', /Xero Status PAID cannot be set from the CRM.*Record payments and void invoices in Xero/],
		['VOIDED', 'Approved', /Xero Status VOIDED cannot be set from the CRM/],
		['', 'Paid', /Xero Status PAID cannot be set from the CRM/],
		['', 'Cancel', /Xero Status VOIDED cannot be set from the CRM/],
		['', 'Credit Invoice', /credit note in Xero/],
		['', '', /Xero Status is empty; set it to DRAFT, SUBMITTED or AUTHORISED/],
		['APPROVED', 'Approved', /"APPROVED" is not a Xero invoice status/],
	])('Xero Status %p with CRM status %p is refused', (xeroStatus, crmStatus, message) => {
		const result = crmToXero('Invoice', invoice({ cf_xero_status: xeroStatus, invoicestatus: crmStatus }), { resolved: resolvedInvoice });
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(message);
		expect(result.errors[0]).toContain('CRM invoice INV7');
		expect(result.record.Status).toBeUndefined();
	});

	it('shows every Xero status in the CRM picklist, PAID and VOIDED included', () => {
		expect(['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED', 'ODD'].map(crmStatusOf)).toEqual([
			'Created',
			'Created',
			'Approved',
			'Paid',
			'Cancel',
			'Cancel',
			'',
		]);
	});

	it('uses a custom Xero Status field, or the CRM status alone when it is switched off', () => {
		expect(xeroStatusToSend('AUTHORISED', 'Created', 'x').status).toBe('AUTHORISED');
		const custom = crmToXero('Invoice', invoice({ my_status: 'SUBMITTED' }), { resolved: resolvedInvoice, invoiceFields: { xeroStatus: 'my_status' } });
		expect(custom.record.Status).toBe('SUBMITTED');
		const off = crmToXero('Invoice', invoice({ cf_xero_status: 'PAID', invoicestatus: 'Approved' }), {
			resolved: resolvedInvoice,
			invoiceFields: { xeroStatus: '' },
		});
		expect(off.errors).toEqual([]);
		expect(off.record.Status).toBe('AUTHORISED');
	});
});

describe('a linked invoice Xero settled (issue 13: no edit loop on paid invoices)', () => {
	const linked = {
		id: '7x15',
		invoice_no: 'INV2',
		subject: 'Club website build',
		account_id: '11x2',
		invoicestatus: 'Paid',
		cf_xero_invoice_id: '0b1c0000-0000-4000-8000-000000000001',
		cf_xero_invoice_number: 'INV2',
		cf_xero_status: 'PAID',
		LineItems: [],
	};

	it.each([
		['PAID', 'Paid', 'PAID'],
		['VOIDED', 'Cancel', 'VOIDED'],
		['', 'Paid', 'PAID'],
	])('Xero Status "%s" / CRM "%s" is settled as %s, with no error', (xeroStatus, crmStatus, settled) => {
		const result = crmToXero('Invoice', { ...linked, cf_xero_status: xeroStatus, invoicestatus: crmStatus });
		expect(result.settled).toBe(settled);
		expect(result.errors.filter((e) => /cannot be set from the CRM/.test(e))).toEqual([]);
	});

	it('an unlinked paid invoice is still refused (it was never in Xero)', () => {
		const result = crmToXero('Invoice', { ...linked, cf_xero_invoice_id: '' });
		expect(result.settled).toBeUndefined();
		expect(result.errors).toEqual(expect.arrayContaining([expect.stringMatching(/Xero Status PAID cannot be set from the CRM/)]));
	});
});
