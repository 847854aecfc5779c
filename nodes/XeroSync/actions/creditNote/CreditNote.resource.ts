import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as allocate from './allocate.operation';
import * as get from './get.operation';
import * as getPdf from './getPdf.operation';
import * as send from './send.operation';

export { allocate, get, getPdf, send };

export const description: INodeProperties[] = [
	operationProperty('creditNote', [
		{
			name: 'Allocate',
			value: 'allocate',
			description:
				'Apply a credit note to an invoice for an amount; allocations already made count, so a re-run allocates nothing twice',
			action: 'Allocate a credit note',
		},
		{
			name: 'Get',
			value: 'get',
			description:
				'Read Xero credit notes: one by CreditNoteID or number, or many filtered by date or status, or changed since the last run',
			action: 'Get credit notes',
		},
		{
			name: 'Get PDF',
			value: 'getPdf',
			description: 'Get the credit note as Xero renders it, as a PDF file in the binary output',
			action: 'Get a credit note PDF',
		},
		{
			name: 'Send',
			value: 'send',
			description:
				'Create Xero credit notes for a contact with line items, or update the one with the same CreditNoteID or credit note number',
			action: 'Send credit note',
		},
	]),
	...get.description,
	...getPdf.description,
	...send.description,
	...allocate.description,
];
