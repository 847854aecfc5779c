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
import { creditNoteSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('creditNote'),
	documentTypeProperty(
		'creditNote',
		'creditNoteType',
		[
			{ name: 'Sales Credit Note (ACCRECCREDIT)', value: 'ACCRECCREDIT' },
			{ name: 'Supplier Credit Note (ACCPAYCREDIT)', value: 'ACCPAYCREDIT' },
		],
		'A sales credit note credits a customer (ACCRECCREDIT); a supplier credit note records a credit from a supplier (ACCPAYCREDIT)',
	),
	contactProperty('creditNote'),
	lineItemsProperty('creditNote', 'The credit note lines'),
	additionalFieldsProperty('creditNote', [
		brandingThemeOption,
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
		sendableStatusOption('PAID and VOIDED cannot be sent: Xero sets PAID when allocations use the credit up, and voiding is done in Xero'),
		xeroIdField('creditNote'),
	]),
	...crmMappingDescription('creditNote', creditNoteSendRules.crmModules),
	...sendOptionsDescription('creditNote'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, creditNoteSendRules);
}
