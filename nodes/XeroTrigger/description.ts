import type { INodeProperties } from 'n8n-workflow';

import { xeroAuthenticationProperty } from '../shared/xero/authentication.description';
import { INVOICE_STATUSES } from '../shared/xero/resources';

const statusName = (status: string) => status.charAt(0) + status.slice(1).toLowerCase();

export const pollTriggerProperties: INodeProperties[] = [
	xeroAuthenticationProperty(),
	{
		displayName: 'Organisations',
		name: 'tenantScope',
		type: 'options',
		options: [
			{ name: 'One Organisation', value: 'one' },
			{
				name: 'All Connected Organisations',
				value: 'all',
				description: 'Every organisation the credential is connected to, each with its own cursor',
			},
		],
		default: 'one',
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		displayName: 'Xero Organisation',
		name: 'tenant',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Xero organisation (tenant) to watch',
		displayOptions: { show: { authentication: ['oAuth2'], tenantScope: ['one'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTenants', searchable: true },
			},
			{
				displayName: 'By Tenant ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. c2cc9b6e-9458-4c7d-93cc-f02b81b0594f',
			},
		],
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Item', value: 'item' },
			{ name: 'Organisation (Contact)', value: 'organisation' },
			{ name: 'Payment', value: 'payment' },
		],
		default: 'invoice',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Created', value: 'created', description: 'An invoice this trigger has not seen before' },
			{ name: 'Created or Updated', value: 'createdOrUpdated' },
			{
				name: 'Status Changed',
				value: 'statusChanged',
				description: 'The invoice status differs from the one this trigger saw last, e.g. became Paid',
			},
			{ name: 'Updated', value: 'updated', description: 'A change to an invoice this trigger has seen before' },
		],
		default: 'createdOrUpdated',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organisation', 'item'] } },
		options: [
			{ name: 'Created', value: 'created', description: 'A record this trigger has not seen before' },
			{ name: 'Created or Updated', value: 'createdOrUpdated' },
			{ name: 'Updated', value: 'updated', description: 'A change to a record this trigger has seen before' },
		],
		default: 'createdOrUpdated',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payment'] } },
		options: [
			{ name: 'Any Change', value: 'createdOrUpdated', description: 'Every payment recorded or deleted' },
			{
				name: 'Payment Received or Deleted',
				value: 'statusChanged',
				description: 'A payment recorded in Xero (it is Authorised) or deleted there, as chosen below',
			},
		],
		default: 'statusChanged',
	},
	{
		displayName: 'Became Status',
		name: 'becameStatuses',
		type: 'multiOptions',
		displayOptions: { show: { resource: ['payment'], event: ['statusChanged'] } },
		options: [
			{ name: 'Authorised (Payment Received)', value: 'AUTHORISED' },
			{ name: 'Deleted (Payment Deleted, Its Invoice Due Again)', value: 'DELETED' },
		],
		default: ['AUTHORISED'],
		description: 'Received: a payment this trigger has not seen before, recorded in Xero. Deleted: a payment deleted in Xero.',
	},
	{
		displayName: 'Became Status',
		name: 'becameStatuses',
		type: 'multiOptions',
		displayOptions: { show: { resource: ['invoice'], event: ['statusChanged'] } },
		options: INVOICE_STATUSES.map((status) => ({ name: statusName(status), value: status })),
		default: ['PAID'],
		description: 'Trigger only when the invoice changed to one of these statuses. None selected means any change.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Backfill From',
				name: 'backfillFrom',
				type: 'dateTime',
				default: '',
				description:
					'On activation, deliver the changes made since this date instead of starting from now. Choosing another date later restarts from that date.',
			},
		],
	},
];
