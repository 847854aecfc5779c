import type { INodeProperties } from 'n8n-workflow';

export const moduleLocator: INodeProperties = {
	displayName: 'Module',
	name: 'module',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The CRM module (record type), e.g. Accounts, Contacts, Products or Invoice',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchModules', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Accounts',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[A-Za-z_][A-Za-z0-9_]*$', errorMessage: 'Not a valid module name' },
				},
			],
		},
	],
};

export function recordIdField(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 11x42',
		description,
		displayOptions: { show: { operation: operations } },
	};
}

export const rawOutputOption: INodeProperties = {
	displayName: 'Raw Output',
	name: 'rawOutput',
	type: 'boolean',
	default: false,
	description:
		'Whether to return records exactly as vtiger sends them (every value a string, LineItems_FinalDetails kept) instead of numbers and booleans',
};
