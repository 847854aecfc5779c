import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sendRecords } from '../../send/run';
import { additionalFieldsProperty, crmMappingDescription, sendHeadDescription, sendOptionsDescription, xeroIdField } from '../../send/description';
import { contactProperty, currencyCodeOption, lineFieldOptions, lineItemsProperty, statusOption } from '../common/document.description';
import { purchaseOrderSendRules } from './sendRules';

const text = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'string', default: '', description });

export const description: INodeProperties[] = [
	...sendHeadDescription('purchaseOrder', { extraModes: purchaseOrderSendRules.extraInputModes }),
	contactProperty('purchaseOrder', {
		displayName: 'Supplier',
		placeholder: 'e.g. Acme Supplies',
		description: 'The Xero ContactID of the supplier, or its name (Xero links to the contact with that name, or creates it)',
	}),
	lineItemsProperty('purchaseOrder', 'The ordered lines', 'e.g. a purchases or inventory account'),
	additionalFieldsProperty('purchaseOrder', [
		text('Attention To', 'attentionTo', 'The person the delivery is going to'),
		currencyCodeOption,
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'The order date (empty: today)' },
		{ displayName: 'Delivery Date', name: 'deliveryDate', type: 'dateTime', default: '', description: 'The day the goods are to be delivered' },
		text('Delivery Address', 'deliveryAddress', 'Where the goods are to be delivered'),
		text('Delivery Instructions', 'deliveryInstructions', 'Free text for the delivery, up to 500 characters'),
		...lineFieldOptions(),
		text('Purchase Order Number', 'purchaseOrderNumber', 'Empty lets Xero number the order (PO-0001 …); used for matching'),
		text('Reference', 'reference', 'Free text shown on the order, e.g. the CRM record'),
		statusOption(['AUTHORISED', 'BILLED', 'DRAFT', 'SUBMITTED'], 'BILLED only after AUTHORISED (Xero refuses it otherwise); deleting is done in Xero'),
		text('Telephone', 'telephone', 'The phone number of the person taking the delivery'),
		xeroIdField('purchaseOrder'),
	]),
	...crmMappingDescription('purchaseOrder', purchaseOrderSendRules.crmModules),
	...sendOptionsDescription('purchaseOrder'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await sendRecords(this, items, purchaseOrderSendRules);
}
