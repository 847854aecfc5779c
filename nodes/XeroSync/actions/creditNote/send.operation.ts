import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { crmMappingDescription, sendHeadDescription, sendOptionsDescription, sendShow, xeroIdField } from '../../send/description';
import { currencyCodeOption, lineFieldOptions, lineItemsProperty } from '../common/lines.description';
import { creditNoteSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('creditNote'),
	{
		displayName: 'Type',
		name: 'creditNoteType',
		type: 'options',
		options: [
			{ name: 'Sales Credit Note (ACCRECCREDIT)', value: 'ACCRECCREDIT' },
			{ name: 'Supplier Credit Note (ACCPAYCREDIT)', value: 'ACCPAYCREDIT' },
		],
		default: 'ACCRECCREDIT',
		description: 'A sales credit note credits a customer (ACCRECCREDIT); a supplier credit note records a credit from a supplier (ACCPAYCREDIT)',
		displayOptions: sendShow('creditNote', 'fields'),
	},
	{
		displayName: 'Contact',
		name: 'contact',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Ltd',
		description: 'The Xero ContactID, or the organisation name (Xero links to the contact with that name, or creates it)',
		displayOptions: sendShow('creditNote', 'fields'),
	},
	lineItemsProperty('creditNote', 'credit note'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: sendShow('creditNote', 'fields'),
		options: [
			{ displayName: 'Branding Theme ID', name: 'brandingThemeId', type: 'string', default: '' },
			{
				displayName: 'Credit Note Number',
				name: 'creditNoteNumber',
				type: 'string',
				default: '',
				description: 'Empty lets Xero number a sales credit note; used for matching',
			},
			currencyCodeOption,
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'The credit note date' },
			...lineFieldOptions(),
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Free text shown on the credit note (sales credit notes only)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Authorised', value: 'AUTHORISED' },
					{ name: 'Draft', value: 'DRAFT' },
					{ name: 'Submitted', value: 'SUBMITTED' },
				],
				default: 'DRAFT',
				description: 'PAID and VOIDED cannot be sent: Xero sets PAID when allocations use the credit up, and voiding is done in Xero',
			},
			xeroIdField('creditNote'),
		],
	},
	...crmMappingDescription('creditNote', creditNoteSendRules.crmModules),
	...sendOptionsDescription('creditNote'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, creditNoteSendRules);
}
