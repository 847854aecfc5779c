import type { INodeProperties } from 'n8n-workflow';
import { XERO_RESOURCES, type XeroResource } from '../../shared/xero/resources';

function show(resource: XeroResource, operation: string) {
	return { show: { resource: [resource], operation: [operation] } };
}

/** The record a document operation reads: by Xero ID or number, like Get one. */
function recordField(resource: XeroResource, operation: string): INodeProperties {
	const spec = XERO_RESOURCES[resource];
	return {
		displayName: `${spec.label} ID or Number`,
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: spec.numberExample ? `e.g. ${spec.numberExample}` : undefined,
		description: `The Xero ${spec.idField} (a GUID; after Get, map its ${spec.idField}) or the ${spec.numberLabel.toLowerCase()}`,
		displayOptions: show(resource, operation),
	};
}

export function pdfDescription(resource: XeroResource): INodeProperties[] {
	const spec = XERO_RESOURCES[resource];
	return [
		recordField(resource, 'getPdf'),
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the output binary field to put the PDF in',
			description: `The file is named after the ${spec.numberLabel.toLowerCase()}, e.g. ${spec.numberExample ?? 'INV-0001'}.pdf`,
			displayOptions: show(resource, 'getPdf'),
		},
	];
}

export function onlineUrlDescription(resource: XeroResource): INodeProperties[] {
	return [recordField(resource, 'getOnlineUrl')];
}
