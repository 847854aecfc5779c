import type { INodeProperties } from 'n8n-workflow';
import type { XeroResource } from '../../../shared/xero/resources';
import { sendShow } from '../../send/description';

/**
 * The "Define Below" fields of a Send whose records carry Xero LineItems (invoices, quotes, purchase orders, credit
 * notes): type, contact, the line list and the additional fields that shape the lines. One module, so the four
 * documents cannot drift apart; each document's own fields stay in its send.operation.ts.
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

/** The document's contact: its ContactID, or a name Xero links to (or creates a contact with). */
export function contactProperty(
	resource: XeroResource,
	words: Partial<Pick<INodeProperties, 'displayName' | 'placeholder' | 'description'>> = {},
): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contact',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Ltd',
		description: 'The Xero ContactID, or the organisation name (Xero links to the contact with that name, or creates it)',
		...words,
		displayOptions: sendShow(resource, 'fields'),
	};
}

/** `lines` says what the lines are ("The invoice lines"); `accountHint` which account they are booked to. */
export function lineItemsProperty(resource: XeroResource, lines: string, accountHint = 'e.g. a sales account'): INodeProperties {
	return {
		displayName: 'Line Items',
		name: 'lineItemsUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line Item',
		default: {},
		description: `${lines}. To send a varying number of lines from the input, use "Line Items (JSON)" in Additional Fields.`,
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
						description: `Code of the Xero account the line is booked to (${accountHint})`,
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

/** Additional Fields option: the document's branding theme. */
export const brandingThemeOption: INodeProperties = {
	displayName: 'Branding Theme ID',
	name: 'brandingThemeId',
	type: 'string',
	default: '',
};

/** Additional Fields option: the document's currency. */
export const currencyCodeOption: INodeProperties = {
	displayName: 'Currency Code',
	name: 'currencyCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. USD',
	description: "Must be the organisation's base currency or one enabled in Xero; checked before sending",
};

/**
 * Additional Fields options of every document with lines: how amounts count tax, and the lines as JSON (a CRM record
 * has as many lines as it has). Xero's Quotes API spells the line amount types in capitals (`upperCase`).
 */
export function lineFieldOptions({ upperCase = false }: { upperCase?: boolean } = {}): INodeProperties[] {
	const value = (v: string) => (upperCase ? v.toUpperCase() : v);
	return [
		{
			displayName: 'Line Amount Types',
			name: 'lineAmountTypes',
			type: 'options',
			options: [
				{ name: 'Tax Exclusive', value: value('Exclusive') },
				{ name: 'Tax Inclusive', value: value('Inclusive') },
				{ name: 'No Tax', value: value('NoTax') },
			],
			default: value('Exclusive'),
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

/** Additional Fields option: the statuses a document may be sent with (one word each); `description` says why. */
export function statusOption(statuses: string[], description: string): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: statuses.map((value) => ({
			name: value.charAt(0) + value.slice(1).toLowerCase(),
			value,
		})),
		default: 'DRAFT',
		description,
	};
}

/** The statuses an invoice or credit note may be sent with; `description` says where the others come from. */
export function sendableStatusOption(description: string): INodeProperties {
	return statusOption(['AUTHORISED', 'DRAFT', 'SUBMITTED'], description);
}
