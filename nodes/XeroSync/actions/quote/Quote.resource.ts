import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as get from './get.operation';
import * as getPdf from './getPdf.operation';
import * as send from './send.operation';

export { get, getPdf, send };

export const description: INodeProperties[] = [
	operationProperty('quote', [
		{
			name: 'Get',
			value: 'get',
			description:
				'Read Xero quotes: one by QuoteID or quote number, or many filtered by status, contact (ContactID) or quote date',
			action: 'Get quotes',
		},
		{
			name: 'Get PDF',
			value: 'getPdf',
			description: 'Get the quote as Xero renders it, as a PDF file in the binary output (to send it or file it in the CRM)',
			action: 'Get a quote PDF',
		},
		{
			name: 'Send',
			value: 'send',
			description:
				'Create Xero quotes for a contact with line items, or update the one with the same QuoteID or quote number',
			action: 'Send quote',
		},
	]),
	...get.description,
	...getPdf.description,
	...send.description,
];
