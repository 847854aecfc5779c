import type { INodeProperties } from 'n8n-workflow';
import type { XeroResource } from '../../../shared/xero/resources';
import { sendShow } from '../../send/description';

/**
 * The fields every Send of a document with line items shows (invoices, credit notes): its type and contact, the line
 * list, and the additional fields that shape the lines. Each document's own fields stay in its send.operation.ts.
 */
export function documentTypeProperty(
	resource: XeroResource,
	name: string,
	types: Array<{ name: string; value: string }>,
	description: string,
): INodeProperties {
	const first = types[0].value;
	return {
		displayName: 'Type',
		name,
		type: 'options',
		options: types,
		default: first,
		description,
		displayOptions: sendShow(resource, 'fields'),
	};
}

export function contactProperty(resource: XeroResource): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contact',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Ltd',
		description: 'The Xero ContactID, or the organisation name (Xero links to the contact with that name, or creates it)',
		displayOptions: sendShow(resource, 'fields'),
	};
}

/** The statuses a document may be sent with; `description` says where the others come from. */
export function sendableStatusOption(description: string): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Authorised', value: 'AUTHORISED' },
			{ name: 'Draft', value: 'DRAFT' },
			{ name: 'Submitted', value: 'SUBMITTED' },
		],
		default: 'DRAFT',
		description,
	};
}

export function lineItemsProperty(resource: XeroResource, what: string): INodeProperties {
	return {
		displayName: 'Line Items',
		name: 'lineItemsUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line Item',
		default: {},
		description: `The ${what} lines. To send a varying number of lines from the input, use "Line Items (JSON)" in Additional Fields.`,
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

/** Additional field of a document with lines: its currency. */
export const currencyCodeOption: INodeProperties = {
	displayName: 'Currency Code',
	name: 'currencyCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. USD',
	description: "Must be the organisation's base currency or one enabled in Xero; checked before sending",
};

/** Additional fields of a document with lines: line amount types and the lines as JSON. */
export function lineFieldOptions(): INodeProperties[] {
	return [
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
		{
			displayName: 'Line Items (JSON)',
			name: 'lineItemsJson',
			type: 'json',
			default: '',
			description:
				'An array of lines, in Xero\'s shape ({"Description", "Quantity", "UnitAmount", "AccountCode", …}) or the UI\'s (description, quantity, unitAmount, …). Replaces the Line Items list.',
		},
	];
}
