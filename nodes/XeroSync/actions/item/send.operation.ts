import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { additionalFieldsProperty, crmMappingDescription, sendHeadDescription, sendOptionsDescription, sendShow, xeroIdField } from '../../send/description';
import { itemSendRules } from './sendRules';

export const description: INodeProperties[] = [
	...sendHeadDescription('item'),
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. WIDGET-01',
		description: 'The item code (up to 30 characters); Xero keeps item codes unique',
		displayOptions: sendShow('item', 'fields'),
	},
	additionalFieldsProperty('item', [
		{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Sales description' },
		{ displayName: 'Is Purchased', name: 'isPurchased', type: 'boolean', default: true, description: 'Whether the item is bought' },
		{ displayName: 'Is Sold', name: 'isSold', type: 'boolean', default: true, description: 'Whether the item is sold' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The item name shown in Xero' },
		{
			displayName: 'Purchase Account Code',
			name: 'purchaseAccountCode',
			type: 'string',
			default: '',
			description: 'Must be an active Xero account; checked before sending',
		},
		{ displayName: 'Purchase Description', name: 'purchaseDescription', type: 'string', default: '' },
		{ displayName: 'Purchase Tax Type', name: 'purchaseTaxType', type: 'string', default: '', placeholder: 'e.g. INPUT2' },
		{ displayName: 'Purchase Unit Price', name: 'purchaseUnitPrice', type: 'number', default: 0 },
		{
			displayName: 'Sales Account Code',
			name: 'salesAccountCode',
			type: 'string',
			default: '',
			description: 'Must be an active Xero account; checked before sending',
		},
		{ displayName: 'Sales Tax Type', name: 'salesTaxType', type: 'string', default: '', placeholder: 'e.g. OUTPUT2' },
		{ displayName: 'Sales Unit Price', name: 'salesUnitPrice', type: 'number', default: 0 },
		xeroIdField('item'),
	]),
	...crmMappingDescription('item', itemSendRules.crmModules),
	...sendOptionsDescription('item'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, itemSendRules);
}
