import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { additionalFieldsProperty, crmMappingDescription, sendHeadDescription, sendOptionsDescription, sendShow, xeroIdField } from '../../send/description';
import { brandingThemeOption, contactProperty, currencyCodeOption, lineFieldOptions, lineItemsProperty, statusOption } from '../common/document.description';
import { quoteSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('quote'),
	contactProperty('quote'),
	{
		displayName: 'Quote Date',
		name: 'quoteDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The day the quote is issued; Xero requires it for a new quote',
		displayOptions: sendShow('quote', 'fields'),
	},
	lineItemsProperty('quote', 'The quote lines'),
	additionalFieldsProperty('quote', [
		brandingThemeOption,
		currencyCodeOption,
		{ displayName: 'Expiry Date', name: 'expiryDate', type: 'dateTime', default: '', description: 'The day the quote expires' },
		...lineFieldOptions({ upperCase: true }),
		{
			displayName: 'Quote Number',
			name: 'quoteNumber',
			type: 'string',
			default: '',
			description: 'Empty lets Xero number the quote (QU-0001…); Xero keeps it unique, and Send matches on it',
		},
		{ displayName: 'Reference', name: 'reference', type: 'string', default: '', description: 'Free text shown on the quote' },
		statusOption(
			['ACCEPTED', 'DECLINED', 'DRAFT', 'INVOICED', 'SENT'],
			'Xero refuses DRAFT → DECLINED and ACCEPTED → DECLINED (mark it SENT first); DELETED is not sent: delete quotes in Xero',
		),
		{ displayName: 'Summary', name: 'summary', type: 'string', default: '', description: 'Summary text (up to 3,000 characters)' },
		{ displayName: 'Terms', name: 'terms', type: 'string', default: '', description: 'Terms of the quote' },
		{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Title text (up to 100 characters)' },
		xeroIdField('quote'),
	]),
	...crmMappingDescription('quote', quoteSendRules.crmModules),
	...sendOptionsDescription('quote'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, quoteSendRules);
}
