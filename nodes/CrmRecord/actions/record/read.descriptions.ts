import type { INodeProperties } from 'n8n-workflow';

import { rawOutputOption, recordIdField } from '../common.descriptions';
import { xeroReferencesOption } from '../xeroReferences';

export const getDescription: INodeProperties[] = [
	recordIdField(['get'], 'The id of the record, e.g. 11x42 (module prefix, "x", record number)'),
	{
		displayName: 'Options',
		name: 'getOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['get'] } },
		options: [xeroReferencesOption, rawOutputOption],
	},
];

export const deleteDescription: INodeProperties[] = [
	recordIdField(['delete'], 'The id of the record to delete, e.g. 11x42'),
];

export const getManyDescription: INodeProperties[] = [
	{
		displayName: 'Query With',
		name: 'queryMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Filters', value: 'filters', description: 'Conditions built into a VTQL query for you' },
			{ name: 'VTQL', value: 'vtql', description: 'Write the query yourself' },
		],
		default: 'filters',
		displayOptions: { show: { operation: ['getMany'] } },
	},
	{
		displayName: 'VTQL Query',
		name: 'vtql',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: "SELECT * FROM Accounts WHERE bill_city = 'Paris';",
		hint: 'vtiger returns at most 100 rows per query: the node pages with LIMIT offset, 100. A LIMIT you write is respected.',
		displayOptions: { show: { operation: ['getMany'], queryMode: ['vtql'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		placeholder: 'Add Condition',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { operation: ['getMany'], queryMode: ['filters'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getQueryFields', loadOptionsDependsOn: ['module.value'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Equals', value: 'equals' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'gte' },
							{ name: 'In List (Comma-Separated)', value: 'in' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'lte' },
							{ name: 'Like (% Wildcards)', value: 'like' },
							{ name: 'Not Equals', value: 'notEquals' },
						],
						// Values are names, not symbols: a parameter value starting with "=" is read as an expression.
						default: 'equals',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'combine',
		type: 'options',
		options: [
			{ name: 'All Must Match (AND)', value: 'AND' },
			{ name: 'Any May Match (OR)', value: 'OR' },
		],
		default: 'AND',
		displayOptions: { show: { operation: ['getMany'], queryMode: ['filters'] } },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { operation: ['getMany'] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { operation: ['getMany'], returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'getManyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['getMany'] } },
		options: [
			{
				displayName: 'Fields to Return',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'accountname, bill_city',
				description: 'Comma-separated field names; empty returns all fields (filters mode only)',
			},
			{
				displayName: 'Sort Field',
				name: 'orderBy',
				type: 'string',
				default: '',
				placeholder: 'modifiedtime',
				description: 'One field to sort by (vtiger accepts a single ORDER BY column; filters mode only)',
			},
			{
				displayName: 'Sort Direction',
				name: 'orderDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
			xeroReferencesOption,
			rawOutputOption,
		],
	},
];

export const getChangesDescription: INodeProperties[] = [
	{
		displayName:
			'Returns the records changed since the last successful run (kept in the workflow\'s static data, which n8n saves for active workflows). Deleted records come as their own items with "deleted": true.',
		name: 'getChangesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['getChanges'] } },
	},
	{
		displayName: 'Options',
		name: 'getChangesOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['getChanges'] } },
		options: [
			{
				displayName: 'Changed Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description:
					'Start from this time instead of the saved cursor (e.g. for a first run or a manual test). Empty uses the cursor, or everything on the very first run.',
			},
			xeroReferencesOption,
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: true,
				description: 'Whether to output deleted record IDs as items with "deleted": true',
			},
			rawOutputOption,
			{
				displayName: 'Save Cursor',
				name: 'saveCursor',
				type: 'boolean',
				default: true,
				description:
					'Whether to remember where this run ended, so the next run only returns newer changes',
			},
		],
	},
];
