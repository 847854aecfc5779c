import { crmToCreditNote, isCreditInvoice, type CrmRecord, type MappingOptionsInput } from '../../nodes/shared/mapping';
import { records } from './support/transcriptInvoice';

/** A vtiger 7.5 invoice that is a credit: negative quantities, as a returned order is entered in the CRM. */
const creditInvoice = {
	id: '7x140',
	invoice_no: 'INV9',
	subject: 'Returned widgets',
	account_id: '11x2',
	invoicedate: '2024-03-01',
	duedate: '2024-03-31',
	invoicestatus: 'Credit Invoice',
	hdnGrandTotal: '-216.00000000',
	currency_id: '21x1',
	conversion_rate: '1.000',
	LineItems: [
		{ productid: '14x127', quantity: '-2.000', listprice: '100.50000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: 'two widgets back', product_name: 'Transcript Widget' },
		{ productid: '26x129', quantity: '1.000', listprice: '-15.00000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: '', product_name: 'Transcript Support Hour' },
	],
};

/** Sends a CRM invoice as a credit note, its references (the transcript's organisation, products, currency) resolved. */
const creditNoteOf = (invoice: CrmRecord, options: MappingOptionsInput = {}) => crmToCreditNote('Invoice', invoice, { resolved: { records }, ...options });

describe('CRM → Xero credit note', () => {
	it('maps a "Credit Invoice" with negative amounts to a DRAFT ACCRECCREDIT with positive lines', () => {
		const result = creditNoteOf(creditInvoice);
		expect(result.errors).toEqual([]);
		expect(result.resource).toBe('creditNote');
		expect(result.crmId).toBe('7x140');
		expect(result.record).toEqual({
			Type: 'ACCRECCREDIT',
			CreditNoteNumber: 'INV9',
			Reference: 'Returned widgets',
			Contact: { Name: 'Transcript Account' },
			Date: '2024-03-01',
			CurrencyCode: 'USD',
			Status: 'DRAFT',
			LineItems: [
				{ ItemCode: 'TW-1', Description: 'two widgets back', Quantity: 2, UnitAmount: 100.5, AccountCode: '200' },
				{ Description: 'Transcript Support Hour', Quantity: 1, UnitAmount: 15, AccountCode: '260' },
			],
		});
	});

	it('takes the Xero Status and link field of the CRM record, and applies overrides last', () => {
		const linked = { ...creditInvoice, invoicestatus: 'Approved', cf_xero_status: 'AUTHORISED', cf_xero_invoice_id: 'b7eb1fc9-a0f9-4e8e-9373-6689f5350832' };
		const result = creditNoteOf(linked, { overrides: { Reference: 'fixed' } });
		expect(result.errors).toEqual([]);
		expect(result.record).toMatchObject({ CreditNoteID: 'b7eb1fc9-a0f9-4e8e-9373-6689f5350832', Status: 'AUTHORISED', Reference: 'fixed' });
	});

	it('refuses a CRM invoice that is not a credit, saying how to send it', () => {
		const positive = { ...creditInvoice, invoicestatus: 'Created', hdnGrandTotal: '216.00', LineItems: [{ ...creditInvoice.LineItems[0], quantity: '2.000' }] };
		expect(isCreditInvoice(positive)).toBe(false);
		const result = creditNoteOf(positive);
		expect(result.errors.join(' ')).toMatch(/CRM invoice INV9 is not a credit.*Send it as an Invoice.*creditNoteModule/);
	});

	it('maps a record of the credit-note module the user names, its lines as they are', () => {
		const custom = { ...creditInvoice, invoice_no: undefined, credit_no: 'CRN5', invoicestatus: undefined, hdnGrandTotal: '216', LineItems: [{ ...creditInvoice.LineItems[0], quantity: '2.000' }] };
		const result = crmToCreditNote('CreditNotes', custom, { resolved: { records }, creditNoteModule: 'CreditNotes', creditNoteNumberField: 'credit_no', linkFields: { CreditNotes: 'cf_xero_credit_id' } });
		expect(result.errors).toEqual([]);
		expect(result.record).toMatchObject({ Type: 'ACCRECCREDIT', CreditNoteNumber: 'CRN5', Status: 'DRAFT', LineItems: [{ Quantity: 2, UnitAmount: 100.5 }] });
	});
});
