import { useThrowawayN8nFolder } from '../harness/instanceFolder';
useThrowawayN8nFolder();

import { ExecutionLifecycleHooks, PollContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { HarnessCredentialTypes } from '../harness/credentialTypes';
import { HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { HarnessNodeTypes } from '../harness/nodeTypes';
import { loadPackageTypes, PACKAGE_NAME } from '../harness/packageTypes';
import { additionalDataFor } from '../harness/runWorkflow';

/**
 * Poll and webhook contexts read credentials without expression context; the harness helper then resolves
 * `$self` expressions on a workflow of its own whose node type it cannot look up. Resolving them on the trigger's
 * workflow instead is what n8n does with the node being run.
 */
class TriggerCredentialsHelper extends HarnessCredentialsHelper {
	resolveOn: { workflow: Workflow; node: INode } | undefined;

	// The same parameters as the harness helper's, which it hands on with only the expression context filled in.
	async getDecrypted(
		...[additionalData, nodeCredentials, type, mode, executeData, raw, expressionResolveValues]: Parameters<HarnessCredentialsHelper['getDecrypted']>
	): Promise<ICredentialDataDecryptedObject> {
		const values =
			expressionResolveValues ??
			(this.resolveOn && {
				...this.resolveOn,
				connectionInputData: [],
				itemIndex: 0,
				runIndex: 0,
				runExecutionData: createRunExecutionData(),
			});
		return await super.getDecrypted(additionalData, nodeCredentials, type, mode, executeData, raw, values);
	}
}

/**
 * Runs a trigger node the way n8n's ActiveWorkflows does: poll() with n8n-core's PollContext, webhook() with its
 * WebhookContext, on a workflow whose static data survives between calls only as JSON (what n8n stores).
 * WorkflowExecute never calls poll() outside manual mode, so the harness's runWorkflow cannot drive a poll.
 */
let runners = 0;

export class TriggerRunner {
	staticData: IDataObject = {};

	/** Each runner is its own workflow, as two workflows in one n8n process are. */
	readonly workflowId = `trigger-workflow-${++runners}`;

	readonly credentialsHelper: TriggerCredentialsHelper;

	private readonly nodeTypes: HarnessNodeTypes;

	private readonly node: INode;

	constructor(
		type: 'xeroTrigger' | 'xeroWebhookTrigger',
		parameters: INodeParameters,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		const packageTypes = loadPackageTypes();
		if (packageTypes.loadErrors.length > 0) {
			const mine = packageTypes.loadErrors.filter((e) => /Xero(Webhook)?Trigger|XeroWebhookApi/.test(e.file));
			if (mine.length > 0) throw mine[0].error;
		}
		this.nodeTypes = new HarnessNodeTypes(packageTypes.nodes);
		this.credentialsHelper = new TriggerCredentialsHelper(
			new HarnessCredentialTypes(packageTypes.credentials),
			credentials,
		);
		const nodeCredentials = Object.fromEntries(
			Object.keys(credentials).map((name) => [name, { id: `${name}-id`, name }]),
		);
		this.node = {
			id: 'trigger-node',
			name: 'Xero Trigger',
			type: `${PACKAGE_NAME}.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: nodeCredentials,
			webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		};
	}

	/** One poll, as a scheduled poll of an active workflow ('trigger') or the editor's test run ('manual'). */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const { workflow, node, nodeType, additionalData } = this.prepare(mode);
		const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		try {
			return await (nodeType.poll as NonNullable<INodeType['poll']>).call(context);
		} finally {
			this.keepStaticData(workflow, mode);
		}
	}

	/** One HTTP delivery to the webhook; `response` records (or, for a real server, sends) what the node answered. */
	async webhook<R extends ResponseLike = FakeResponse>(
		request: FakeRequest,
		response: R = new FakeResponse() as unknown as R,
		mode: WorkflowExecuteMode = 'webhook',
	) {
		const { workflow, node, nodeType, additionalData } = this.prepare(mode);
		additionalData.httpRequest = request as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = response as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'xero',
			webhookDescription: nodeType.description.webhooks?.[0],
			workflowId: workflow.id,
		} as unknown as IWebhookData;
		const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
		let result: IWebhookResponseData;
		try {
			result = await (nodeType.webhook as NonNullable<INodeType['webhook']>).call(context);
		} finally {
			this.keepStaticData(workflow, mode);
		}
		return { result, response };
	}

	private prepare(mode: WorkflowExecuteMode) {
		const workflow = new Workflow({
			id: this.workflowId,
			name: 'Trigger under test',
			nodes: [structuredClone(this.node)],
			connections: {},
			active: mode !== 'manual',
			nodeTypes: this.nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
		const node = workflow.getNode(this.node.name) as INode;
		this.credentialsHelper.resolveOn = { workflow, node };
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const hooks = new ExecutionLifecycleHooks(mode, 'trigger-execution', {
			id: workflow.id,
			name: workflow.name,
			nodes: [node],
		} as IWorkflowBase);
		const additionalData = additionalDataFor(this.credentialsHelper, hooks);
		return { workflow, node, nodeType, additionalData };
	}

	/** n8n keeps the active workflow's static data in memory between polls and stores it as JSON; manual runs keep nothing. */
	private keepStaticData(workflow: Workflow, mode: WorkflowExecuteMode): void {
		if (mode === 'manual') return;
		const data = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		delete data.__dataChanged;
		this.staticData = data;
	}
}

export interface FakeRequest {
	headers: Record<string, string | string[] | undefined>;
	rawBody?: Buffer;
	body?: unknown;
	method?: string;
}

export interface ResponseLike {
	status(code: number): ResponseLike;
	end(body?: Buffer | string): ResponseLike;
}

/** The part of express's Response a trigger may use, recording what was sent. */
export class FakeResponse implements ResponseLike {
	statusCode = 200;

	body: Buffer | string | undefined;

	ended = false;

	headersSent = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	end(body?: Buffer | string): this {
		if (this.ended) throw new Error('The response was ended twice');
		this.body = body;
		this.ended = true;
		this.headersSent = true;
		return this;
	}

	send(body?: Buffer | string): this {
		return this.end(body);
	}

	json(body: unknown): this {
		return this.end(JSON.stringify(body));
	}
}
