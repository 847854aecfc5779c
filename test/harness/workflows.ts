import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import type { WorkflowJson } from './runWorkflow';

/** Helpers to write small workflows in tests without n8n's editor. */
export function manualTrigger(name = 'Start'): INode {
	return {
		id: name,
		name,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

export function node(name: string, type: string, fields: Partial<INode> = {}): INode {
	return { id: name, name, type, typeVersion: 1, position: [0, 0], parameters: {}, ...fields };
}

/**
 * A straight line of nodes, each feeding the next; `items` are pinned on the first node, the way a test in n8n's
 * editor pins a trigger's output.
 */
export function chain(nodes: INode[], items?: IDataObject[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	const pinData = items ? { [nodes[0].name]: items.map((json): INodeExecutionData => ({ json })) } : undefined;
	return { nodes, connections, pinData };
}

/** Connects `from`'s output `outputIndex` to `to` (e.g. the error output of a node to a logger node). */
export function connect(workflow: WorkflowJson, from: string, outputIndex: number, to: string): WorkflowJson {
	const outputs = workflow.connections[from]?.main ?? [];
	while (outputs.length <= outputIndex) outputs.push([]);
	outputs[outputIndex] = [...(outputs[outputIndex] ?? []), { node: to, type: 'main', index: 0 }];
	workflow.connections[from] = { ...workflow.connections[from], main: outputs };
	return workflow;
}
