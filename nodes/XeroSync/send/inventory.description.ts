import type { INodeProperties } from 'n8n-workflow';
import type { XeroResource } from '../../shared/xero/resources';
import { sendShow } from './description';

/** "Define Below" fields of the resources whose records carry Xero LineItems (invoices, quotes). */

/** The line items list, the same for every such resource. */
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

/** The contact of an invoice or quote: its ContactID, or a name Xero links to (or creates a contact with). */
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

/** Additional Fields options an invoice and a quote share. */
export const brandingThemeOption: INodeProperties = { displayName: 'Branding Theme ID', name: 'brandingThemeId', type: 'string', default: '' };

export const currencyCodeOption: INodeProperties = {
	displayName: 'Currency Code',
	name: 'currencyCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. USD',
	description: "Must be the organisation's base currency or one enabled in Xero; checked before sending",
};
