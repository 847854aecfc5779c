import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as get from './get.operation';
import * as getOnlineUrl from './getOnlineUrl.operation';
import * as getPdf from './getPdf.operation';
import * as send from './send.operation';

export { get, getOnlineUrl, getPdf, send };

export const description: INodeProperties[] = [
	operationProperty('invoice', [
		{
			name: 'Get',
			value: 'get',
			description:
				'Read Xero sales invoices and bills: one by InvoiceID or invoice number, or many filtered by contact (ContactID), date, status or search term',
			action: 'Get invoices',
		},
		{
			name: 'Get Online URL',
			value: 'getOnlineUrl',
			description:
				'Get the link to the invoice page Xero shows the customer (view, download, pay); approved sales invoices only',
			action: 'Get an invoice online URL',
		},
		{
			name: 'Get PDF',
			value: 'getPdf',
			description: 'Get the invoice or bill as Xero renders it, as a PDF file in the binary output',
			action: 'Get an invoice PDF',
		},
		{
			name: 'Send',
			value: 'send',
			description:
				'Create Xero invoices or bills for a contact with line items, or update the one with the same InvoiceID or invoice number',
			action: 'Send invoice',
		},
	]),
	...get.description,
	...getPdf.description,
	...getOnlineUrl.description,
	...send.description,
];
