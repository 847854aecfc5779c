import type { INodeProperties } from 'n8n-workflow';

/** A Custom Connection is bound to one organisation, so only OAuth2 asks which tenant to use. */
export const tenantProperty: INodeProperties = {
	displayName: 'Xero Organisation',
	name: 'tenant',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Xero organisation (tenant) to read from or write to',
	displayOptions: { show: { authentication: ['oAuth2'] } },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTenants', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 4a9e1a2b-0c3d-4e5f-8a9b-1c2d3e4f5a6b',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$',
						errorMessage: 'A Xero tenant ID is a GUID, e.g. 4a9e1a2b-0c3d-4e5f-8a9b-1c2d3e4f5a6b',
					},
				},
			],
		},
	],
};
