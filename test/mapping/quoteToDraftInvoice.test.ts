import { crmToXero, type CrmRecord } from '../../nodes/shared/mapping';

/** The quote and sales order created in real vtiger 7.5 (transcript 21c), as retrieved. */
const quote = {
	id: '4x17',
	quote_no: 'QUO1',
	subject: 'Agency merchandise',
	account_id: '11x5',
	quotestage: 'Delivered',
	validtill: '2026-12-31',
	currency_id: '21x1',
	conversion_rate: '1.000',
	cf_xero_invoice_id: '',
	LineItems: [
		{ productid: '14x11', quantity: '20.000', listprice: '38.00000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: '', entity_type: 'Products', product_name: 'T-Shirt Large Black' },
		{ productid: '26x13', quantity: '1.000', listprice: '500.00000000', discount_percent: '5.000', discount_amount: '0.00000000', comment: 'Kick-off day', entity_type: 'Services' },
	],
};
const records = {
	'11x5': { id: '11x5', accountname: 'City Agency', cf_xero_contact_id: 'c-5' },
	'14x11': { id: '14x11', productname: 'T-Shirt Large Black', productcode: 'TSHIRT', cf_xero_sales_account: '200', cf_xero_item_id: 'item-11' },
	'26x13': { id: '26x13', servicename: 'Development work', service_no: 'SER1', cf_xero_sales_account: '', cf_xero_item_id: 'item-13' },
	'21x1': { id: '21x1', currency_code: 'USD' },
};
/** A CRM quote (or sales order) as the draft Xero invoice it becomes, its references resolved from the records above. */
const draftOf = (record: CrmRecord, module = 'Quotes') => crmToXero(module, record, { resolved: { records } });

describe('CRM Quotes / SalesOrder → DRAFT Xero invoice', () => {
	it('turns a quote into a draft sales invoice that keeps the quote number', () => {
		const result = draftOf(quote);
		expect(result.resource).toBe('invoice');
		expect(result.errors).toEqual([]);
		expect(result.crmId).toBe('4x17');
		expect(result.record).toEqual({
			Type: 'ACCREC',
			Status: 'DRAFT',
			Reference: 'QUO1 Agency merchandise',
			Contact: { ContactID: 'c-5' },
			CurrencyCode: 'USD',
			LineItems: [
				{ ItemCode: 'TSHIRT', Description: 'T-Shirt Large Black', Quantity: 20, UnitAmount: 38, AccountCode: '200' },
				{ ItemCode: 'SER1', Description: 'Kick-off day', Quantity: 1, UnitAmount: 500, DiscountRate: 5 },
			],
		});
	});

	it('updates the linked draft without pulling an approved invoice back to DRAFT', () => {
		const result = draftOf({ ...quote, cf_xero_invoice_id: 'inv-77' });
		expect(result.record.InvoiceID).toBe('inv-77');
		expect(result.record).not.toHaveProperty('Status');
	});

	it('gives a sales order its due date and number', () => {
		const order = { ...quote, id: '6x30', quote_no: undefined, salesorder_no: 'SO4', subject: 'Order', duedate: '2027-01-31', sostatus: 'Approved', invoicestatus: 'Paid' };
		const result = draftOf(order, 'SalesOrder');
		expect(result.errors).toEqual([]);
		// A sales order's own invoicestatus says nothing about the Xero draft it becomes.
		expect(result.record).toMatchObject({ Status: 'DRAFT', Reference: 'SO4 Order', DueDate: '2027-01-31' });
	});

	it('names the quote when its organisation or lines are missing', () => {
		const result = draftOf({ ...quote, account_id: '', LineItems: [] });
		expect(result.errors).toEqual([
			'CRM quote QUO1 has no organisation (account_id); Xero invoices need a contact.',
			'CRM quote QUO1 has no line items; retrieve the record (a query or sync row holds at most one line).',
		]);
	});
});
