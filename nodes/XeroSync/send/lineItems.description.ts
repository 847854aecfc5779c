import type { INodeProperties } from 'n8n-workflow';
import type { XeroResource } from '../../shared/xero/resources';
import { sendShow } from './description';

/** "Define Below" line items, the same for every resource whose records carry Xero LineItems. */
export function lineItemsProperty(resource: XeroResource, noun: string): INodeProperties {
	return {
		displayName: 'Line Items',
		name: 'lineItemsUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line Item',
		default: {},
		description: `The ${noun} lines. To send a varying number of lines from the input, use "Line Items (JSON)" in Additional Fields.`,
		displayOptions: sendShow(resource, 'fields'),
		options: [
			{
				displayName: 'Line Item',
				name: 'lineItem',
				values: [
					{
						displayName: 'Account Code',
						name: 'accountCode',
						type: 'string',
						default: '',
						placeholder: 'e.g. 200',
						description: 'Code of the Xero account the line is booked to (e.g. a sales account)',
					},
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{ displayName: 'Discount Rate (%)', name: 'discountRate', type: 'number', default: 0 },
					{
						displayName: 'Item Code',
						name: 'itemCode',
						type: 'string',
						default: '',
						description: 'Code of an existing Xero item, to link the line to it (optional)',
					},
					{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
					{ displayName: 'Tax Type', name: 'taxType', type: 'string', default: '', placeholder: 'e.g. OUTPUT2' },
					{
						displayName: 'Unit Amount',
						name: 'unitAmount',
						type: 'number',
						default: 0,
						description: 'Price of one unit, before or after tax as Line Amount Types says',
					},
				],
			},
		],
	};
}

/** The Additional Fields option whose array replaces the Line Items list (a CRM record has as many lines as it has). */
export const lineItemsJsonOption: INodeProperties = {
	displayName: 'Line Items (JSON)',
	name: 'lineItemsJson',
	type: 'json',
	default: '',
	description:
		'An array of lines, in Xero\'s shape ({"Description", "Quantity", "UnitAmount", "AccountCode", …}) or the UI\'s (description, quantity, unitAmount, …). Replaces the Line Items list.',
};
