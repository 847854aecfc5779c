import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as send from './send.operation';

// `delete` is a reserved word, so the module is imported under another name and exported as the operation's value.
export { deleteOperation as delete, get, send };

export const description: INodeProperties[] = [
	operationProperty('payment', [
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete payments by PaymentID (Xero keeps them as DELETED); the invoice is due again',
			action: 'Delete a payment',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Read Xero payments: one by PaymentID, or many filtered by invoice, contact, date or status',
			action: 'Get payments',
		},
		{
			name: 'Send',
			value: 'send',
			description:
				'Record payments on approved invoices and bills; a payment Xero already holds (same invoice, date, amount and reference) is not recorded again',
			action: 'Send payment',
		},
	]),
	...get.description,
	...send.description,
	...deleteOperation.description,
];
