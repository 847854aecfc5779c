import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { collectSync, cursorToSave, startTime } from '../../helpers/syncPages';
import { actionName, lineItemTypes, moduleOf, outputRecord, recordFailure } from '../context';
import type { VtigerClient } from '../../transport';
import { rawOutputOption } from '../common.descriptions';
import { attachXeroReferences, xeroReferencesOption } from '../xeroReferences';

export const description: INodeProperties[] = [
	{
		displayName:
			'Returns the records changed since the last successful run (kept in the workflow\'s static data, which n8n saves for active workflows). Deleted records come as their own items with "deleted": true.',
		name: 'getChangesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['getChanges'] } },
	},
	{
		displayName: 'Options',
		name: 'getChangesOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['getChanges'] } },
		options: [
			{
				displayName: 'Changed Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description:
					'Start from this time instead of the saved cursor (e.g. for a first run or a manual test). Empty uses the cursor, or everything on the very first run.',
			},
			xeroReferencesOption,
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: true,
				description: 'Whether to output deleted record IDs as items with "deleted": true',
			},
			rawOutputOption,
			{
				displayName: 'Save Cursor',
				name: 'saveCursor',
				type: 'boolean',
				default: true,
				description:
					'Whether to remember where this run ended, so the next run only returns newer changes',
			},
		],
	},
];

/** Cursors live under one key per module, so one node can be pointed at another module without confusion. */
export function cursorKey(module: string): string {
	return `crmRecordCursor:${module}`;
}

/**
 * Runs once per execution, not per input item: a change feed has one cursor. The cursor only moves when every page
 * was read, so a failed run is repeated in full next time.
 */
export async function execute(
	this: IExecuteFunctions,
	_items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const module = moduleOf(this, 0);
	const options = this.getNodeParameter('getChangesOptions', 0, {}) as IDataObject;
	const staticData = this.getWorkflowStaticData('node');
	const key = cursorKey(module);
	try {
		if (module === '') throw new Error('Choose a module');
		const since = startTime(options.since, staticData[key]);
		const { clockOffset } = await client.session();
		let lastCallAt = 0;
		const collected = await collectSync((modifiedTime) => {
			lastCallAt = Date.now() / 1000 + clockOffset;
			return client.sync(module, modifiedTime);
		}, since);
		const describe = await client.describe(module);
		const lineTypes = await lineItemTypes(client);
		const out: INodeExecutionData[] = [];
		const updated = collected.changes.filter((change) => change.kind === 'updated');
		const records = updated.map((change) => change.record ?? {});
		const outputs = records.map((record) =>
			outputRecord(record, { raw: options.rawOutput === true, describe, lineItemTypes: lineTypes }),
		);
		if (options.xeroReferences !== false) await attachXeroReferences(client, module, records, outputs);
		const byId = new Map(updated.map((change, index) => [change.id, outputs[index]]));
		for (const change of collected.changes) {
			if (change.kind === 'updated') {
				out.push({ json: byId.get(change.id) as IDataObject, pairedItem: { item: 0 } });
			} else if (options.includeDeleted !== false) {
				out.push({ json: { id: change.id, module, deleted: true }, pairedItem: { item: 0 } });
			}
		}
		if (options.saveCursor !== false) staticData[key] = cursorToSave(collected.cursor, lastCallAt);
		return out;
	} catch (error) {
		return [
			recordFailure(this, error, 0, {
				action: actionName('getChanges', module),
				flow: 'CRM → Xero',
				module,
				label: 'changes',
				subject: `Changes of ${module || 'the CRM'}`,
			}),
		];
	}
}
