/** The CRM invoice recorded from real vtiger 7.5 (transcript 21), as `retrieve` returns it. */
export const retrievedInvoice = {
	subject: 'Transcript Invoice 1',
	contact_id: '12x3',
	invoicedate: '2024-01-15',
	duedate: '2024-02-15',
	hdnSubTotal: '340.47300000',
	account_id: '11x2',
	invoicestatus: 'Created',
	currency_id: '21x1',
	conversion_rate: '1.000',
	bill_street: '1 Main Street',
	ship_street: '1 Main Street',
	invoice_no: 'INV1',
	id: '7x130',
	productid: '14x127',
	LineItems: [
		{ parent_id: '7xArray', productid: '14x127', sequence_no: '1', quantity: '2.000', listprice: '100.50000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: 'two widgets', description: '', product_name: 'Transcript Widget', entity_type: 'Products', deleted: '0' },
		{ parent_id: '7xArray', productid: '14x128', sequence_no: '2', quantity: '3.000', listprice: '9.99000000', discount_percent: '10.000', discount_amount: '0.00000000', comment: '', description: '', product_name: 'Transcript Gadget', entity_type: 'Products', deleted: '0' },
		{ parent_id: '7xArray', productid: '26x129', sequence_no: '3', quantity: '1.500', listprice: '75.00000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: '', description: '', product_name: 'Transcript Support Hour', entity_type: 'Services', deleted: '0' },
	],
};

/** The records it refers to (organisation, products, service, currency), as retrieve returns them. */
export const records = {
	'11x2': { id: '11x2', accountname: 'Transcript Account', cf_xero_contact_id: '' },
	'14x127': { id: '14x127', productname: 'Transcript Widget', product_no: 'PRO1', productcode: 'TW-1', cf_xero_sales_account: '200', cf_xero_item_id: 'item-1' },
	'14x128': { id: '14x128', productname: 'Transcript Gadget', product_no: 'PRO2', productcode: '', cf_xero_sales_account: '' },
	'26x129': { id: '26x129', servicename: 'Transcript Support Hour', service_no: 'SER1', cf_xero_sales_account: '260' },
	'21x1': { id: '21x1', currency_code: 'USD' },
};
