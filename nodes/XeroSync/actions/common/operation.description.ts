import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';
import type { XeroResource } from '../../../shared/xero/resources';

/** The Operation selector of a resource: its operations (name, value, description, action) and the one preselected. */
export function operationProperty(resource: XeroResource, options: INodePropertyOptions[], defaultOperation = 'get'): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
