import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * The contract of n8n-nodes-base's Filter node, version 2.2 (not installed here), which example workflows use to
 * pass over records a step does not apply to. The conditions are evaluated by n8n itself: n8n-core resolves a
 * `filter` parameter read with extractValue through n8n-workflow's executeFilter, as the real node does. Kept items
 * go on; discarded ones are dropped (the real node's only output).
 */
export class Filter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Filter',
		name: 'filter',
		group: ['transform'],
		version: [2, 2.1, 2.2],
		description: 'Remove items matching a condition',
		defaults: { name: 'Filter' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{
				displayName: 'Conditions',
				name: 'conditions',
				type: 'filter',
				default: {},
				typeOptions: { filter: { caseSensitive: '={{!$parameter.options.ignoreCase}}', typeValidation: 'strict', version: 2 } },
			},
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const kept = this.getInputData().filter(
			(_item, itemIndex) => this.getNodeParameter('conditions', itemIndex, false, { extractValue: true }) as boolean,
		);
		return [kept];
	}
}
