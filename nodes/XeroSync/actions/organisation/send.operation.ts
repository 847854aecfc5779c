import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { additionalFieldsProperty, crmMappingDescription, sendHeadDescription, sendOptionsDescription, sendShow, xeroIdField } from '../../send/description';
import { organisationSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('organisation'),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Ltd',
		description: 'The organisation name; Xero keeps contact names unique',
		displayOptions: sendShow('organisation', 'fields'),
	},
	additionalFieldsProperty('organisation', [
		{
			displayName: 'Account Number',
			name: 'accountNumber',
			type: 'string',
			default: '',
			description: "The contact's account number in Xero (unique per organisation), not a bank account",
		},
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{
			displayName: 'Company Number',
			name: 'companyNumber',
			type: 'string',
			default: '',
			description: 'The company registration number',
		},
		{
			displayName: 'Contact Number',
			name: 'contactNumber',
			type: 'string',
			default: '',
			description: 'Your own reference for the organisation (e.g. the CRM account number); used for matching',
		},
		{
			displayName: 'Contact Status',
			name: 'contactStatus',
			type: 'options',
			options: [
				{ name: 'Active', value: 'ACTIVE' },
				{ name: 'Archived', value: 'ARCHIVED' },
			],
			default: 'ACTIVE',
		},
		{ displayName: 'Country', name: 'country', type: 'string', default: '' },
		{
			displayName: 'Default Currency',
			name: 'defaultCurrency',
			type: 'string',
			default: '',
			placeholder: 'e.g. NZD',
			description: 'ISO 4217 code of the currency this contact is invoiced in',
		},
		{
			displayName: 'Email',
			name: 'emailAddress',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
		{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
		{ displayName: 'Region', name: 'region', type: 'string', default: '' },
		{ displayName: 'Street', name: 'street', type: 'string', default: '' },
		{
			displayName: 'Tax Number',
			name: 'taxNumber',
			type: 'string',
			default: '',
			description: 'The tax registration number (e.g. VAT, GST or ABN number)',
		},
		{ displayName: 'Website', name: 'website', type: 'string', default: '' },
		xeroIdField('organisation'),
	]),
	...crmMappingDescription('organisation', organisationSendRules.crmModules),
	...sendOptionsDescription('organisation'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, organisationSendRules);
}
