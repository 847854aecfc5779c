import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as get from './get.operation';
import * as getPdf from './getPdf.operation';
import * as send from './send.operation';

export { get, getPdf, send };

export const description: INodeProperties[] = [
	operationProperty('purchaseOrder', [
		{
			name: 'Get',
			value: 'get',
			description:
				'Read Xero purchase orders: one by PurchaseOrderID or number, many filtered by status or order date, or those changed since the last run',
			action: 'Get purchase orders',
		},
		{
			name: 'Get PDF',
			value: 'getPdf',
			description: 'Get the purchase order as Xero renders it, as a PDF file in the binary output',
			action: 'Get a purchase order PDF',
		},
		{
			name: 'Send',
			value: 'send',
			description:
				'Create Xero purchase orders for a supplier with line items, or update the one with the same PurchaseOrderID or number',
			action: 'Send purchase order',
		},
	]),
	...get.description,
	...getPdf.description,
	...send.description,
];
