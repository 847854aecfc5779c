import { Workflow, type INode, type INodeParameters, type INodeType } from 'n8n-workflow';

import { CrmRecord } from '../nodes/CrmRecord/CrmRecord.node';
import { XeroSync } from '../nodes/XeroSync/XeroSync.node';
import { XeroTrigger } from '../nodes/XeroTrigger/XeroTrigger.node';
import { XeroWebhookTrigger } from '../nodes/XeroWebhookTrigger/XeroWebhookTrigger.node';
import { HarnessNodeTypes } from './harness/nodeTypes';

/** Issue 13, point 5: the canvas shows subtitles in words, evaluated as the editor evaluates them. */
function subtitleOf(nodeType: INodeType, type: string, parameters: INodeParameters): unknown {
	const node: INode = { id: '1', name: 'N', type, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes({ [type]: nodeType }) });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle as string, 'internal', {});
}

test.each([
	[new XeroSync(), 'x.xeroSync', { resource: 'invoice', operation: 'get' }, 'Get invoices from Xero'],
	[new XeroSync(), 'x.xeroSync', { resource: 'organisation', operation: 'send' }, 'Send organisations to Xero'],
	[new XeroSync(), 'x.xeroSync', { resource: 'payment', operation: 'delete' }, 'Delete payments in Xero'],
	[new XeroSync(), 'x.xeroSync', { resource: 'payment', operation: 'send' }, 'Send payments to Xero'],
	[new XeroSync(), 'x.xeroSync', { resource: 'creditNote', operation: 'send' }, 'Send credit notes to Xero'],
	[new XeroSync(), 'x.xeroSync', { resource: 'creditNote', operation: 'allocate' }, 'Allocate credit notes in Xero'],
	[new XeroSync(), 'x.xeroSync', { resource: 'quote', operation: 'getPdf' }, 'Get PDFs of quotes from Xero'],
	[new XeroSync(), 'x.xeroSync', { resource: 'invoice', operation: 'getOnlineUrl' }, 'Get online URLs of invoices from Xero'],
	[new CrmRecord(), 'x.crmRecord', { operation: 'upsert', module: { __rl: true, mode: 'list', value: 'Invoice' } }, 'Upsert into Invoice'],
	[new CrmRecord(), 'x.crmRecord', { operation: 'getChanges', module: { __rl: true, mode: 'list', value: '' } }, 'Get changes from a module'],
	[new XeroTrigger(), 'x.xeroTrigger', { resource: 'invoice', event: 'statusChanged' }, 'Invoice status changed'],
	[new XeroWebhookTrigger(), 'x.xeroWebhookTrigger', { categories: ['INVOICE', 'CONTACT'] }, 'Invoice, Contact events'],
])('subtitle in words (case %#)', (nodeType, type, parameters, expected) => {
	expect(subtitleOf(nodeType, type, parameters as INodeParameters)).toBe(expected);
});

test('display names tell our nodes from n8n\'s own "Xero" nodes; type names stay', () => {
	const names = [new XeroSync(), new XeroTrigger(), new XeroWebhookTrigger(), new CrmRecord()].map((n) => [n.description.name, n.description.displayName]);
	expect(names).toEqual([
		['xeroSync', 'Xero Sync'],
		['xeroTrigger', 'Xero Sync Polling Trigger'],
		['xeroWebhookTrigger', 'Xero Sync Webhook Trigger'],
		['crmRecord', 'CRM Record'],
	]);
});
