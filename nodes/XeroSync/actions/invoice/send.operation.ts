import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import {
	crmMappingDescription,
	sendHeadDescription,
	sendOptionsDescription,
	sendShow,
	xeroIdField,
} from '../../send/description';
import { brandingThemeOption, contactProperty, currencyCodeOption, lineItemsJsonOption, lineItemsProperty } from '../../send/inventory.description';
import { sendableStatusOption } from '../common/document.description';
import { invoiceSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('invoice', { extraModes: invoiceSendRules.extraInputModes }),
	{
		displayName: 'Type',
		name: 'invoiceType',
		type: 'options',
		options: [
			{ name: 'Sales Invoice (ACCREC)', value: 'ACCREC' },
			{ name: 'Bill (ACCPAY)', value: 'ACCPAY' },
		],
		default: 'ACCREC',
		description: 'A sales invoice bills a customer (ACCREC); a bill records what you owe a supplier (ACCPAY)',
		displayOptions: sendShow('invoice', 'fields'),
	},
	contactProperty('invoice'),
	lineItemsProperty('invoice', 'invoice'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: sendShow('invoice', 'fields'),
		options: [
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
			{
				displayName: 'Line Amount Types',
				name: 'lineAmountTypes',
				type: 'options',
				options: [
					{ name: 'Tax Exclusive', value: 'Exclusive' },
					{ name: 'Tax Inclusive', value: 'Inclusive' },
					{ name: 'No Tax', value: 'NoTax' },
				],
				default: 'Exclusive',
			},
			lineItemsJsonOption,
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
		],
	},
	...crmMappingDescription('invoice', invoiceSendRules.crmModules),
	...sendOptionsDescription('invoice'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, invoiceSendRules);
}
