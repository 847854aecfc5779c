import type { INodeProperties } from 'n8n-workflow';
import type { XeroResource } from '../../shared/xero/resources';
import { XERO_RESOURCES } from '../../shared/xero/resources';

function filterOptions(resource: XeroResource): INodeProperties[] {
	const spec = XERO_RESOURCES[resource];
	const options: INodeProperties[] = [];
	if (spec.contactIdsParameter !== undefined) {
		options.push({
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			description: `Only ${spec.plural.toLowerCase()} of this organisation, given by its Xero ContactID (a GUID, not the name; get the organisation first to learn it)`,
		});
	}
	for (const filter of spec.whereFilters ?? []) {
		options.push({ displayName: filter.displayName, name: filter.name, type: 'string', default: '', description: filter.description });
	}
	const dateWord = spec.dateFilter.label;
	options.push(
		{
			displayName: 'Date From',
			name: 'dateFrom',
			type: 'dateTime',
			default: '',
			description: `${dateWord} on or after this day`,
		},
		{
			displayName: 'Date To',
			name: 'dateTo',
			type: 'dateTime',
			default: '',
			description: `${dateWord} on or before this day`,
		},
	);
	if (spec.supportsArchived) {
		options.push({
			displayName: 'Include Archived',
			name: 'includeArchived',
			type: 'boolean',
			default: false,
			description: `Whether to include archived ${spec.plural.toLowerCase()}`,
		});
	}
	options.push({
		displayName: 'Order',
		name: 'order',
		type: 'string',
		default: '',
		placeholder: 'e.g. UpdatedDateUTC DESC',
		description: 'Xero sort expression. Ignored by "Changed Since Last Run", which reads oldest change first.',
	});
	if (spec.searchTermMatches !== undefined) {
		options.push({
			displayName: 'Search Term',
			name: 'searchTerm',
			type: 'string',
			default: '',
			description: `Matches ${spec.searchTermMatches}, case-insensitive`,
		});
	}
	if (spec.statuses !== undefined && spec.statusParameter !== undefined) {
		// Xero's parameter takes one status (getQuotes' Status), so the filter offers one choice.
		options.push({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [{ name: 'Any', value: '' }, ...spec.statuses],
			default: '',
			description: `Only ${spec.plural.toLowerCase()} in this status (Xero filters on one status at a time)`,
		});
	} else if (spec.statuses !== undefined) {
		options.push({
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			// Sorted by name, as n8n lists options.
			options: [...spec.statuses].sort((a, b) => a.name.localeCompare(b.name)),
			default: [],
			description: spec.statusParameter
				? `Only records in this status; Xero filters ${spec.plural.toLowerCase()} on one status at a time (none selected: every status)`
				: 'Only records in one of these statuses (none selected: every status)',
		});
	}
	if (spec.noWhere) return options;
	options.push({
		displayName: 'Where (Raw)',
		name: 'where',
		type: 'string',
		default: '',
		placeholder: 'e.g. Type=="ACCREC" AND Total>100',
		description: "Xero's own filter expression, combined with the other filters by AND",
	});
	// By name, as n8n lists a collection's options (the resource's where filters join the shared ones).
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function idLabel(resource: XeroResource): string {
	const spec = XERO_RESOURCES[resource];
	return `${spec.label} ID or ${spec.numberLabel.replace(`${spec.label} `, '')}`;
}

/** The Get fields of one resource; every Get shares the same three modes. */
export function getDescription(resource: XeroResource): INodeProperties[] {
	const spec = XERO_RESOURCES[resource];
	const show = { resource: [resource], operation: ['get'] };
	const properties: INodeProperties[] = [
		{
			displayName: 'Get',
			name: 'getMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'One Record',
					value: 'one',
					description: `One ${spec.label.toLowerCase()} by its Xero ID or ${spec.numberLabel.toLowerCase()}`,
				},
				{
					name: 'Many Records',
					value: 'many',
					description: 'Every record matching the filters (none set: every record), e.g. all invoices of one contact',
				},
				{
					name: 'Changed Since Last Run',
					value: 'changedSince',
					description:
						'Records created or updated since this node last ran in this workflow; the cursor lives in the workflow and does not move when a run fails',
				},
			],
			default: 'many',
			displayOptions: { show },
		},
		{
			displayName: idLabel(resource),
			name: 'recordId',
			type: 'string',
			required: true,
			default: '',
			placeholder: spec.numberExample === undefined ? undefined : `e.g. ${spec.numberExample}`,
			description: `The ${spec.idField} (a GUID) or the ${spec.numberLabel}`,
			displayOptions: { show: { ...show, getMode: ['one'] } },
		},
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { ...show, getMode: ['many'] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, getMode: ['many'], returnAll: [false] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filterOptions(resource),
			displayOptions: { show: { ...show, getMode: ['many', 'changedSince'] } },
		},
	];
	const options: INodeProperties[] = [];
	if (spec.paged && spec.fixedPageSize === undefined) {
		options.push({
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 100,
			description: 'Records per Xero call (up to 1,000); larger pages need fewer calls',
		});
	}
	options.push(
		{
			displayName: 'Overlap (Seconds)',
			name: 'overlapSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 300,
			description:
				'For "Changed Since Last Run": how far before the last change seen to ask again, so late-committed changes are not missed. Records already delivered are not delivered twice.',
		},
		{
			displayName: 'Raw Output',
			name: 'rawOutput',
			type: 'boolean',
			default: false,
			description: "Whether to return Xero's records unchanged (with /Date(…)/ dates) instead of cleaned JSON",
		},
		{
			displayName: 'Start From',
			name: 'startFrom',
			type: 'dateTime',
			default: '',
			description:
				'For "Changed Since Last Run": where the first run starts. Empty means every record on the first run.',
		},
	);
	properties.push({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
		displayOptions: { show },
	});
	return properties;
}
