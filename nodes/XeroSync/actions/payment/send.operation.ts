import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { additionalFieldsProperty, sendHeadDescription, sendOptionsDescription, sendShow } from '../../send/description';
import { paymentSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('payment', { crmRecord: false }),
	{
		displayName: 'Invoice',
		name: 'invoice',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. INV-0001',
		description: 'The invoice or bill paid: its Xero InvoiceID (a GUID) or its invoice number. It must be approved (AUTHORISED).',
		displayOptions: sendShow('payment', 'fields'),
	},
	{
		displayName: 'Account',
		name: 'account',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 090',
		description:
			'The account the money went into (or came out of): its Xero AccountID or account code. It must be a bank account, or one with payments enabled.',
		displayOptions: sendShow('payment', 'fields'),
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The day the payment was made (the calendar date as written, e.g. 2026-11-05)',
		displayOptions: sendShow('payment', 'fields'),
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The amount paid, in the invoice currency; at most what is still due on the invoice',
		displayOptions: sendShow('payment', 'fields'),
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		placeholder: 'e.g. DD 4471',
		description:
			'Free text shown on the payment, e.g. the bank reference. With the invoice, date and amount it identifies the payment, so a re-run does not record it twice.',
		displayOptions: sendShow('payment', 'fields'),
	},
	additionalFieldsProperty('payment', [
		{
			displayName: 'Currency Rate',
			name: 'currencyRate',
			type: 'number',
			typeOptions: { numberPrecision: 6 },
			default: 1,
			description: 'Exchange rate on the day of payment, for an invoice not in the base currency (e.g. 0.75)',
		},
		{
			displayName: 'Reconciled',
			name: 'isReconciled',
			type: 'boolean',
			default: false,
			description: 'Whether to record the payment as already reconciled with the bank statement',
		},
	]),
	...sendOptionsDescription('payment'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, paymentSendRules);
}
