import type { INodeProperties } from 'n8n-workflow';

import { xeroAuthenticationProperty } from '../shared/xero/authentication.description';
import { INVOICE_STATUSES } from '../shared/xero/resources';

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Give Xero the production URL above (Webhook URLs → Production URL) under Webhooks in your app at developer.xero.com, and store the key Xero shows there in the "Xero Webhook Key" credential. Activate the workflow before Xero sends its "intent to receive" check.',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'categories',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Invoice', value: 'INVOICE', description: 'Invoices and bills' },
			{ name: 'Organisation (Contact)', value: 'CONTACT', description: 'Xero contacts' },
		],
		default: ['CONTACT', 'INVOICE'],
		description: 'Which Xero event categories start the workflow; subscribe to the same ones in Xero',
	},
	{
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Created', value: 'CREATE' },
			{ name: 'Updated (Including Archived)', value: 'UPDATE' },
		],
		default: ['CREATE', 'UPDATE'],
		description: 'Which kinds of change start the workflow. None selected means both.',
	},
	{
		displayName: 'Fetch Full Records',
		name: 'fetchRecords',
		type: 'boolean',
		default: true,
		description:
			'Whether to fetch each changed record from Xero (one request per organisation and category). Xero webhooks only say which record changed.',
	},
	xeroAuthenticationProperty({
		displayOptions: { show: { fetchRecords: [true] } },
		description: 'The Xero credential used to fetch the changed records',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Only Invoices With Status',
				name: 'invoiceStatuses',
				type: 'multiOptions',
				options: INVOICE_STATUSES.map((status) => ({
					name: status.charAt(0) + status.slice(1).toLowerCase(),
					value: status,
				})),
				default: [],
				description:
					'Keep invoice events only when the fetched invoice has one of these statuses, e.g. Paid for "invoice paid" flows. Needs Fetch Full Records; an invoice that could not be fetched is kept.',
			},
			{
				displayName: 'Only Organisation IDs',
				name: 'tenantIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. c2cc9b6e-9458-4c7d-93cc-f02b81b0594f',
				description:
					'Comma-separated Xero tenant IDs; events of other organisations connected to the app are ignored. Empty means all.',
			},
		],
	},
];
