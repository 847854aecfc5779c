/* eslint-disable n8n-nodes-base/node-filename-against-convention -- the description lives beside its router, as in n8n's v2 nodes */
import type { INodeTypeDescription } from 'n8n-workflow';
import * as account from './account/Account.resource';
import { xeroAuthenticationProperty, xeroCredentials } from '../../shared/xero/authentication.description';
import { tenantProperty } from './common/tenant.description';
import * as invoice from './invoice/Invoice.resource';
import * as item from './item/Item.resource';
import * as organisation from './organisation/Organisation.resource';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Xero Sync',
	name: 'xeroSync',
	icon: 'file:xero.svg',
	group: ['transform'],
	version: 1,
	// In words, as the action list says it: "Get invoices from Xero", "Send organisations to Xero".
	subtitle:
		'={{ ($parameter["operation"] === "send" ? "Send " : "Get ") + ({ organisation: "organisations", invoice: "invoices", item: "items", account: "accounts" }[$parameter["resource"]] || $parameter["resource"]) + ($parameter["operation"] === "send" ? " to Xero" : " from Xero") }}',
	description:
		'Get and send Xero organisations, invoices, items and accounts in batches, with failed records on the error output as sync-log entries',
	defaults: { name: 'Xero Sync' },
	usableAsTool: true,
	inputs: ['main'],
	outputs: ['main'],
	credentials: xeroCredentials(),
	properties: [
		xeroAuthenticationProperty({
			description:
				'OAuth2 can reach every Xero organisation you connect; a Custom Connection is bound to one organisation and needs no tenant choice',
		}),
		tenantProperty,
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Account', value: 'account', description: 'Chart of accounts entries' },
				{ name: 'Invoice', value: 'invoice', description: 'Sales invoices and bills, with line items' },
				{ name: 'Item', value: 'item', description: 'Products and services (CRM products)' },
				{ name: 'Organisation', value: 'organisation', description: 'Customers and suppliers (Xero contacts)' },
			],
			default: 'invoice',
		},
		...organisation.description,
		...invoice.description,
		...item.description,
		...account.description,
	],
};
