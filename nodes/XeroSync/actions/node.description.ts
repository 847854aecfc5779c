import type { INodeProperties } from 'n8n-workflow';
import * as account from './account/Account.resource';
import * as creditNote from './creditNote/CreditNote.resource';
import { runSummaryProperty } from '../../shared/runSummary';
import { xeroAuthenticationProperty } from '../../shared/xero/authentication.description';
import { tenantProperty } from './common/tenant.description';
import * as invoice from './invoice/Invoice.resource';
import * as item from './item/Item.resource';
import * as organisation from './organisation/Organisation.resource';
import * as payment from './payment/Payment.resource';
import * as quote from './quote/Quote.resource';
import * as purchaseOrder from './purchaseOrder/PurchaseOrder.resource';

/** The node's parameters; the node's own description (name, credentials, ...) is in XeroSync.node.ts. */
export const nodeProperties: INodeProperties[] = [
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
			{ name: 'Credit Note', value: 'creditNote', description: 'Sales and supplier credit notes, allocated to invoices' },
			{ name: 'Invoice', value: 'invoice', description: 'Sales invoices and bills, with line items' },
			{ name: 'Item', value: 'item', description: 'Products and services (CRM products)' },
			{ name: 'Organisation', value: 'organisation', description: 'Customers and suppliers (Xero contacts)' },
			{ name: 'Payment', value: 'payment', description: 'Payments recorded on invoices and bills' },
			{ name: 'Purchase Order', value: 'purchaseOrder', description: 'Orders to suppliers, with line items' },
			{ name: 'Quote', value: 'quote', description: 'Sales quotes, with line items (CRM quotes)' },
		],
		default: 'invoice',
	},
	...organisation.description,
	...invoice.description,
	...item.description,
	...account.description,
	...payment.description,
	...quote.description,
	...purchaseOrder.description,
	...creditNote.description,
	runSummaryProperty,
];
