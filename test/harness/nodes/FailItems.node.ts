import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failedItem, throwIfStopping } from '../../../nodes/shared/syncLog';

/**
 * Test-only node that follows the package's error contract: an input item with `fail: true` becomes a sync-log
 * failure (failedItem), others pass through; "Item With Error Set" returns the older shape instead (json = entry,
 * `error` set) to show what n8n does to it; with "Throw" on it throws, to show what n8n does with a throwing node.
 */
export class FailItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fail Items',
		name: 'failItems',
		group: ['transform'],
		version: 1,
		description: 'Fails the items marked fail: true',
		defaults: { name: 'Fail Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Throw', name: 'throwError', type: 'boolean', default: false },
			{ displayName: 'Static Data Key', name: 'staticKey', type: 'string', default: '' },
			{ displayName: 'Pass Everything Through', name: 'passThrough', type: 'boolean', default: false },
			{
				displayName: 'Failure Shape',
				name: 'failureShape',
				type: 'options',
				options: [{ name: 'Sync-Log Entry (failedItem)', value: 'failedItem' }, { name: 'Item With Error Set', value: 'itemError' }],
				default: 'failedItem',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (this.getNodeParameter('throwError', 0) as boolean) {
			throw new NodeOperationError(this.getNode(), 'Fail Items was told to throw');
		}
		const staticKey = this.getNodeParameter('staticKey', 0) as string;
		if (staticKey) {
			const staticData = this.getWorkflowStaticData('node');
			staticData[staticKey] = ((staticData[staticKey] as number | undefined) ?? 0) + items.length;
		}
		const shape = this.getNodeParameter('failureShape', 0) as string;
		const passThrough = this.getNodeParameter('passThrough', 0) as boolean;
		const out = items.map((item, index): INodeExecutionData => {
			if (passThrough || item.json.fail !== true) {
				return { json: { ...item.json, passed: true }, pairedItem: { item: index } };
			}
			const failed = failedItem(
				this.getNode(),
				{
					app: 'Xero',
					action: 'Send Invoice',
					flow: 'CRM → Xero',
					crmId: String(item.json.crmId),
					message: `Invoice ${String(item.json.crmId)} was rejected`,
				},
				index,
			);
			if (shape !== 'itemError') return failed;
			const message = String(failed.json.message);
			const entry = failed.json.error as IDataObject;
			return { json: entry, error: new NodeOperationError(this.getNode(), message, { itemIndex: index }), pairedItem: failed.pairedItem };
		});
		// A pass-through node forwards failures it received; only failures it made itself may stop the workflow.
		if (!passThrough) throwIfStopping(this, out);
		return [out];
	}
}
