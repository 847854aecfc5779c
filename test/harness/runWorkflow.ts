import { prepareN8nProcess } from './n8nProcess';
prepareN8nProcess();

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ExecutionStatus,
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IPinData,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';

import { HarnessCredentialTypes } from './credentialTypes';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { HarnessNodeTypes } from './nodeTypes';
import { loadPackageTypes } from './packageTypes';

/** Workflow JSON as n8n exports it (only what execution needs). */
export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunWorkflowOptions {
	/** Stored credential data by credential type name, as a user would have saved it. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Workflow static data before the run (e.g. a cursor left by the previous run). */
	staticData?: IDataObject;
	/**
	 * 'trigger' (default) runs like an active workflow started by its trigger; 'manual' like the editor's "Execute
	 * workflow" button, where n8n does not persist static data.
	 */
	mode?: WorkflowExecuteMode;
	/** Extra node types by full type name, e.g. test-only nodes ("test.failItems"). */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/**
	 * Receives a writer into the credential store the run reads on every call, for a test playing another n8n
	 * process that shares the database (a queue worker saving a refreshed token).
	 */
	sharedCredentialStore?: (write: (type: string, data: ICredentialDataDecryptedObject) => void) => void;
}

export interface WorkflowRun {
	/** n8n's execution status: 'success', or 'error' when a node stopped the workflow. */
	status: ExecutionStatus;
	/** The error that stopped the workflow, if one did. */
	error: ExecutionError | undefined;
	/** Items by output index (0 = main, last = error output when "Continue (using error output)" is set). */
	output(nodeName: string, runIndex?: number): INodeExecutionData[][];
	/** The error a node ended with (also set when a continue mode let the workflow go on). */
	nodeError(nodeName: string, runIndex?: number): ExecutionError | undefined;
	/** Names of the nodes in the order they finished. */
	executionOrder: string[];
	/** Credentials by type as stored after the run (rotated OAuth2 tokens included). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Every credential save during the run, in order. */
	credentialSaves: Array<{ type: string; data: ICredentialDataDecryptedObject }>;
	/** Workflow static data as n8n would persist it after this run. */
	staticData: IDataObject;
	/** The raw IRun, for anything else. */
	raw: IRun;
}

function explainMissing(loadErrors: ReturnType<typeof loadPackageTypes>['loadErrors']) {
	return () =>
		loadErrors.length === 0
			? ''
			: `These package files failed to load: ${loadErrors.map((e) => `${e.file}: ${e.error.message}`).join('; ')}`;
}

function findStartNode(workflow: Workflow, nodeTypes: HarnessNodeTypes): INode {
	const candidates = Object.values(workflow.nodes).filter((node) => {
		if (node.disabled) return false;
		if (workflow.getParentNodes(node.name, NodeConnectionTypes.Main, 1).length > 0) return false;
		const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		return type.description.group.includes('trigger') || type.description.inputs.length === 0;
	});
	if (candidates.length !== 1) {
		throw new Error(
			`The workflow needs exactly one trigger to start from, found ${candidates.length}: ${candidates.map((n) => n.name).join(', ')}`,
		);
	}
	return candidates[0];
}

export function additionalDataFor(
	credentialsHelper: HarnessCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const unsupported = (what: string) => async () => {
		throw new Error(`The workflow test harness does not support ${what}`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId: hooks?.executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		executeWorkflow: unsupported('sub-workflows'),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('code runner tasks'),
	} as unknown as IWorkflowExecuteAdditionalData;
}

let executionCounter = 0;

/**
 * Runs workflow JSON through n8n-core's WorkflowExecute, the engine n8n itself uses, so error outputs, "On Error"
 * modes, paired items, pinned data and OAuth2 refresh behave as they do in n8n.
 */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRun> {
	const mode = options.mode ?? 'trigger';
	const packageTypes = loadPackageTypes();
	const nodeTypes = new HarnessNodeTypes(
		{ ...packageTypes.nodes, ...(options.nodeTypes ?? {}) },
		explainMissing(packageTypes.loadErrors),
	);
	const credentialsHelper = new HarnessCredentialsHelper(
		new HarnessCredentialTypes(packageTypes.credentials),
		options.credentials ?? {},
	);
	options.sharedCredentialStore?.((type, data) => credentialsHelper.writeFromElsewhere(type, data));
	const staticDataBefore = structuredClone(options.staticData ?? {});
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: workflowJson.name ?? 'Workflow under test',
		nodes: structuredClone(workflowJson.nodes),
		connections: structuredClone(workflowJson.connections),
		active: mode !== 'manual',
		nodeTypes,
		staticData: structuredClone(staticDataBefore),
		settings: { executionOrder: 'v1', ...(workflowJson.settings ?? {}) },
	});
	const startNode = findStartNode(workflow, nodeTypes);

	executionCounter += 1;
	const workflowData = { id: workflow.id, name: workflow.name, nodes: workflowJson.nodes } as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, String(executionCounter), workflowData);
	const executionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executionOrder.push(nodeName);
	});

	const runExecutionData: IRunExecutionData = createRunExecutionData({
		resultData: { runData: {}, pinData: structuredClone(workflowJson.pinData ?? {}) },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	});
	const additionalData = additionalDataFor(credentialsHelper, hooks);
	const raw = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);

	const runOf = (nodeName: string, runIndex: number) => {
		const runs = raw.data.resultData.runData[nodeName];
		if (!runs?.[runIndex]) {
			const ran = Object.keys(raw.data.resultData.runData).join(', ');
			throw new Error(`Node "${nodeName}" has no run ${runIndex}; nodes that ran: ${ran || 'none'}`);
		}
		return runs[runIndex];
	};

	return {
		status: raw.status,
		error: raw.data.resultData.error,
		output(nodeName, runIndex = 0) {
			const task = runOf(nodeName, runIndex);
			const node = workflow.getNode(nodeName) as INode;
			const description = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
			const outputs = NodeHelpers.getConnectionTypes(NodeHelpers.getNodeOutputs(workflow, node, description));
			const mainCount = outputs.filter((type) => type === NodeConnectionTypes.Main).length;
			const main = task.data?.main ?? [];
			return Array.from({ length: Math.max(mainCount, main.length) }, (_, i) => main[i] ?? []);
		},
		nodeError(nodeName, runIndex = 0) {
			return runOf(nodeName, runIndex).error;
		},
		executionOrder,
		credentials: credentialsHelper.snapshot(),
		credentialSaves: credentialsHelper.saves,
		staticData: mode === 'manual' ? staticDataBefore : persistedStaticData(workflow.staticData),
		raw,
	};
}

/** A plain copy without the change-tracking flag n8n strips before saving. */
function persistedStaticData(staticData: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	delete copy.__dataChanged;
	return copy;
}
