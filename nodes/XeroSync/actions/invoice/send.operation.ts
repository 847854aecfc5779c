import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { additionalFieldsProperty, crmMappingDescription, sendHeadDescription, sendOptionsDescription, xeroIdField } from '../../send/description';
import {
	brandingThemeOption,
	contactProperty,
	currencyCodeOption,
	documentTypeProperty,
	lineFieldOptions,
	lineItemsProperty,
	sendableStatusOption,
} from '../common/document.description';
import { invoiceSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('invoice', { extraModes: invoiceSendRules.extraInputModes }),
	documentTypeProperty(
		'invoice',
		'invoiceType',
		[
			{ name: 'Sales Invoice (ACCREC)', value: 'ACCREC' },
			{ name: 'Bill (ACCPAY)', value: 'ACCPAY' },
		],
		'A sales invoice bills a customer (ACCREC); a bill records what you owe a supplier (ACCPAY)',
	),
	contactProperty('invoice'),
	lineItemsProperty('invoice', 'The invoice lines'),
	additionalFieldsProperty('invoice', [
		brandingThemeOption,
		currencyCodeOption,
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'The invoice date' },
		{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'The day payment is due' },
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			description: 'Empty lets Xero number the invoice; used for matching',
		},
		...lineFieldOptions(),
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description: 'Free text shown on the invoice, e.g. an order number (sales invoices only)',
		},
		sendableStatusOption('PAID and VOIDED cannot be sent: Xero sets PAID from payments, and voiding is done in Xero'),
		{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'Link back to the CRM record' },
		xeroIdField('invoice'),
	]),
	...crmMappingDescription('invoice', invoiceSendRules.crmModules),
	...sendOptionsDescription('invoice'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, invoiceSendRules);
}
