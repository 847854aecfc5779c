import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { node } from '../test/harness';
import { createXeroTransport } from '../nodes/shared/xero/transport';

/**
 * One Xero call per item, as nodes without batching or paging work: the baseline every benchmark compares against.
 * It uses the same transport, so the pacing and retries are the same and only the batching differs.
 */
export class NaivePerItem implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Naive Per Item',
		name: 'naivePerItem',
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline: one Xero call per item',
		defaults: { name: 'Naive Per Item' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'xeroCustomConnectionApi', required: true }],
		properties: [{ displayName: 'Mode', name: 'mode', type: 'string', default: 'send' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const transport = createXeroTransport(this, { credentialType: 'xeroCustomConnectionApi' });
		const mode = this.getNodeParameter('mode', 0) as string;
		const out: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			try {
				const response =
					mode === 'read'
						? await transport.request({ method: 'GET', path: `/Invoices/${String(item.json.id)}` })
						: await transport.request({
								method: 'PUT',
								path: '/Invoices',
								body: { Invoices: [item.json] },
								idempotencyKey: `naive-${this.getExecutionId()}-${index}`,
							});
				out.push({ json: response.body, pairedItem: { item: index } });
			} catch (error) {
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: index } });
			}
		}
		return [out];
	}
}

export const NAIVE_NODE_TYPES = { 'bench.naivePerItem': new NaivePerItem() };

export function naiveNode(mode: 'read' | 'send') {
	return node('Naive', 'bench.naivePerItem', { parameters: { mode }, credentials: { xeroCustomConnectionApi: { id: '1', name: 'bench' } } });
}
