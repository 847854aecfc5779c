import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { additionalFieldsProperty, crmMappingDescription, sendHeadDescription, sendShow, xeroIdField } from '../../send/description';
import { accountSendRules } from './sendRules';

const ACCOUNT_TYPES = [
	['Bank', 'BANK'],
	['Current Asset', 'CURRENT'],
	['Current Liability', 'CURRLIAB'],
	['Depreciation', 'DEPRECIATN'],
	['Direct Costs', 'DIRECTCOSTS'],
	['Equity', 'EQUITY'],
	['Expense', 'EXPENSE'],
	['Fixed Asset', 'FIXED'],
	['Inventory', 'INVENTORY'],
	['Liability', 'LIABILITY'],
	['Non-Current Asset', 'NONCURRENT'],
	['Other Income', 'OTHERINCOME'],
	['Overhead', 'OVERHEADS'],
	['PAYG Liability', 'PAYG'],
	['Prepayment', 'PREPAYMENT'],
	['Revenue', 'REVENUE'],
	['Sales', 'SALES'],
	['Term Liability', 'TERMLIAB'],
].map(([name, value]) => ({ name, value }));

export const description: INodeProperties[] = [
	...sendHeadDescription('account'),
	{
		displayName: 'Code',
		name: 'accountCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. 201',
		description: 'The account code (up to 10 characters); required except for bank accounts',
		displayOptions: sendShow('account', 'fields'),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'The account name, unique in the chart of accounts',
		displayOptions: sendShow('account', 'fields'),
	},
	{
		displayName: 'Type',
		name: 'accountType',
		type: 'options',
		options: ACCOUNT_TYPES,
		default: 'REVENUE',
		description: 'Where the account sits in the chart of accounts',
		displayOptions: sendShow('account', 'fields'),
	},
	additionalFieldsProperty('account', [
		{ displayName: 'Bank Account Number', name: 'bankAccountNumber', type: 'string', default: '' },
		{ displayName: 'Currency Code', name: 'currencyCode', type: 'string', default: '', placeholder: 'e.g. NZD' },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		{
			displayName: 'Enable Payments to Account',
			name: 'enablePaymentsToAccount',
			type: 'boolean',
			default: false,
			description: 'Whether payments can be made to this account',
		},
		{
			displayName: 'Show in Expense Claims',
			name: 'showInExpenseClaims',
			type: 'boolean',
			default: false,
			description: 'Whether staff can use this account in expense claims',
		},
		{ displayName: 'Tax Type', name: 'taxType', type: 'string', default: '', placeholder: 'e.g. OUTPUT2' },
		xeroIdField('account'),
	]),
	...crmMappingDescription('account', accountSendRules.crmModules),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, accountSendRules);
}
