import type { INodeProperties } from 'n8n-workflow';

import { conflictPolicyOption } from '../../../shared/conflictPolicy';
import { DEFAULT_SYNC_HASH_FIELD } from '../../../shared/xero/linkHash';
import { rawOutputOption } from '../common.descriptions';

const WRITE_OPERATIONS = ['create', 'update', 'upsert'];

export function fieldsMapper(operation: string, method: string, hint: string): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['module.value'],
			resourceMapper: {
				resourceMapperMethod: method,
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
				// No red error before a module is chosen; getFields gives a notice when a module has no writable fields.
				hideNoDataError: true,
			},
		},
		hint,
		displayOptions: { show: { operation: [operation], inputMode: ['fields'] } },
	};
}

/** Before the operation's own fields: how input items become CRM fields. */
export const writeInputDescription: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Fields Below',
				value: 'fields',
				description: 'Map CRM fields yourself, or map input fields of the same name automatically',
			},
			{
				name: 'Sync-Log Entry (From an Error Output)',
				value: 'syncLog',
				description:
					"Create only: each input item is a failed record from an error output; it becomes a log record (fields app_name, result, action, flow, crm_id, xero_id, error_message, as in Simply CRM's Xero Logs)",
			},
			{
				name: 'Xero Record, Auto-Mapped',
				value: 'xero',
				description: 'The input items are Xero records; the package mapping turns them into CRM fields',
			},
		],
		default: 'fields',
		displayOptions: { show: { operation: WRITE_OPERATIONS } },
	},
	{
		displayName: 'Xero Record Type',
		name: 'xeroResource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account (Chart of Accounts)', value: 'account' },
			{
				name: 'From the Module',
				value: 'auto',
				description:
					'Invoice, Quotes, Sales Order: invoice (Quotes: quote for a Xero quote); Organisations, Contacts: organisation; Products, Services: item; Xero Accounts: account; Purchase Order: purchase order',
			},
			{ name: 'Invoice / Quote', value: 'invoice' },
			{ name: 'Item', value: 'item' },
			{ name: 'Organisation (Contact)', value: 'organisation' },
			{ name: 'Purchase Order', value: 'purchaseOrder' },
			{ name: 'Quote', value: 'quote' },
		],
		default: 'auto',
		description: 'What the input Xero records are',
		displayOptions: { show: { operation: WRITE_OPERATIONS, inputMode: ['xero'] } },
	},
	{
		displayName: 'Xero ID Field Name or ID',
		name: 'xeroIdField',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getXeroIdFields', loadOptionsDependsOn: ['module.value'] },
		default: '',
		description:
			'The CRM field that keeps the Xero ID, so a second run updates instead of duplicating. Empty uses the mapping default (e.g. cf_xero_contact_id). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { operation: WRITE_OPERATIONS, inputMode: ['xero'] } },
	},
	{
		displayName: 'Field Overrides',
		name: 'overrides',
		placeholder: 'Add Override',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Set single CRM fields yourself; everything else stays auto-mapped',
		displayOptions: { show: { operation: WRITE_OPERATIONS, inputMode: ['xero'] } },
		options: [
			{
				displayName: 'Override',
				name: 'override',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getWritableFields', loadOptionsDependsOn: ['module.value'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'An empty value removes the field from the mapped record',
					},
				],
			},
		],
	},
];

/** After the operation's own fields: line items and options. */
export const writeTailDescription: INodeProperties[] = [
	{
		displayName: 'Line Items',
		name: 'lineItems',
		placeholder: 'Add Line Item',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description:
			'For Invoice, Quotes and SalesOrder. Sending line items replaces all lines of the record; leave empty on an update to keep them. Input items that carry a LineItems array are used when the fields are mapped automatically.',
		displayOptions: { show: { operation: WRITE_OPERATIONS, inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Line Item',
				name: 'item',
				values: [
					{
						displayName: 'Comment',
						name: 'comment',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Discount Amount',
						name: 'discount_amount',
						type: 'number',
						typeOptions: { numberPrecision: 2 },
						default: 0,
					},
					{
						displayName: 'Discount Percent',
						name: 'discount_percent',
						type: 'number',
						typeOptions: { numberPrecision: 3 },
						default: 0,
					},
					{
						displayName: 'List Price',
						name: 'listprice',
						type: 'number',
						typeOptions: { numberPrecision: 2 },
						default: 0,
						description: 'Unit price',
					},
					{
						displayName: 'Product or Service ID',
						name: 'productid',
						type: 'string',
						default: '',
						placeholder: 'e.g. 14x127',
						required: true,
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						default: 1,
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'writeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: WRITE_OPERATIONS } },
		options: [
			{
				displayName: 'Check References',
				name: 'checkReferences',
				type: 'boolean',
				default: true,
				description:
					'Whether to check that referenced records (account_id, contact_id, line-item products …) exist before writing; vtiger silently drops a reference to a missing record',
			},
			{
				displayName: 'Clear Fields Mapped to Empty Values',
				name: 'sendEmpty',
				type: 'boolean',
				default: false,
				description: 'Whether a mapped field with an empty value clears the CRM field instead of being left out',
			},
			{ ...conflictPolicyOption, displayOptions: { show: { '/inputMode': ['xero'] } } },
			{
				displayName: 'Create Missing Organisations',
				name: 'createMissingAccounts',
				type: 'boolean',
				default: true,
				description:
					"Whether a Xero invoice's or quote's contact that is not yet a CRM organisation (by Xero ID or name) is created as one first, so the record can point at it; existing organisations are never changed",
			},
			{
				displayName: 'Preview (No Writes)',
				name: 'preview',
				type: 'boolean',
				default: false,
				description:
					'Whether to only read from the CRM and output, for each item, what a real run would do to it: create, update (with the fields that would change, old and new), unchanged, skip or fail',
			},
			{
				displayName: 'Product for Free-Text Lines Name or ID',
				name: 'fallbackProduct',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getProductsAndServices' },
				default: '',
				description:
					'For Xero invoice lines without an item code (or with one the CRM has no product for): the CRM product or service the line points at; its description stays in the line comment. A line of an invoice already in the CRM keeps that line\'s product. Empty uses the service "Xero line without item code", created when first needed. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			rawOutputOption,
			{
				displayName: 'Sync Hash Field',
				name: 'syncHashField',
				type: 'string',
				default: DEFAULT_SYNC_HASH_FIELD,
				displayOptions: { show: { '/inputMode': ['xero'] } },
				description:
					"The CRM field that keeps the hash of the values last synced, beside the Xero ID; used by the Conflict Policy, which updates it with every write (Xero Sync's Send reads the same field)",
			},
		],
	},
];

export const matchOnField: INodeProperties = {
	displayName: 'Match On Field Names or IDs',
	name: 'matchOn',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getMatchFields', loadOptionsDependsOn: ['module.value'] },
	default: [],
	description:
		'Fields that identify an existing record (all must be equal; text compares case-insensitively like vtiger). Empty with Xero input uses the mapping: the Xero ID field first, then the number, code or name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: { show: { operation: ['upsert'] } },
};
