import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../common/operation.description';
import * as get from './get.operation';
import * as send from './send.operation';

export { get, send };

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
			name: 'Send',
			value: 'send',
			description:
				'Create Xero purchase orders for a supplier with line items, or update the one with the same PurchaseOrderID or number',
			action: 'Send purchase order',
		},
	]),
	...get.description,
	...send.description,
];
