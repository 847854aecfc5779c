import type { IDataObject } from 'n8n-workflow';

/** A 2-line AUTHORISED sales invoice in Xero's shape, the record every benchmark sends and reads. */
export function benchInvoice(n: number, numberPrefix: string, customer: string, customers: number): IDataObject {
	return {
		crmId: `7x${n}`,
		Type: 'ACCREC',
		Contact: { Name: `${customer} ${n % customers}` },
		InvoiceNumber: `${numberPrefix}-${String(n).padStart(6, '0')}`,
		Date: '2026-11-01',
		DueDate: '2026-11-30',
		Status: 'AUTHORISED',
		LineItems: [
			{ Description: `Consulting ${n}`, Quantity: 2, UnitAmount: 100 + (n % 13), AccountCode: '200' },
			{ Description: 'Travel', Quantity: 1, UnitAmount: 35.5, AccountCode: '200' },
		],
	};
}
