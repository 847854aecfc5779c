import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

/**
 * The parts of IExecuteFunctions the Xero Sync engines use, over literal parameters (no expressions). Only for the
 * engine tests; the workflow tests run the node in n8n-core.
 */
let executions = 0;

export function fakeContext(
	parameters: IDataObject,
	items: INodeExecutionData[],
	options: { staticData?: IDataObject; continueOnFail?: boolean; executionId?: string } = {},
): IExecuteFunctions & { staticData: IDataObject } {
	const staticData = options.staticData ?? {};
	// Each run is a new execution, as in n8n: the Idempotency-Key of a batch includes the execution ID.
	const executionId = options.executionId ?? `exec-${++executions}`;
	const node: INode = {
		id: 'node-1',
		name: 'Xero Sync',
		type: 'n8n-nodes-xero-crm.xeroSync',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const ctx = {
		staticData,
		getInputData: () => items,
		getNode: () => node,
		getExecutionId: () => executionId,
		continueOnFail: () => options.continueOnFail ?? true,
		getWorkflowStaticData: () => staticData,
		getNodeParameter(name: string, _index: number, fallback?: unknown, extra?: { extractValue?: boolean }) {
			const value = parameters[name];
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`parameter ${name} not set`);
				return fallback;
			}
			if (extra?.extractValue && value !== null && typeof value === 'object') return (value as IDataObject).value;
			return value;
		},
	};
	return ctx as unknown as IExecuteFunctions & { staticData: IDataObject };
}
