import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

import type { HarnessCredentialTypes } from './credentialTypes';
import { HarnessNodeTypes } from './nodeTypes';

const credentialResolverNode: INode = {
	id: 'credential-resolver',
	name: '',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** n8n's CLI resolves credential expressions on a throwaway workflow holding one mock node like this. */
const credentialResolverNodeType: INodeType = {
	description: {
		displayName: 'Credential resolver',
		name: 'mock',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Credential resolver' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};

const clone = <T>(value: T): T => structuredClone(value);

/**
 * What n8n's CLI CredentialsHelper does for an execution, against an in-memory store keyed by credential type
 * instead of the database: defaults and `={{$self[…]}}` expressions applied on read, generic and function
 * `authenticate`, `preAuthentication` with the expirable property, and writes (rotated OAuth2 tokens) kept so a test
 * can read what would have been saved.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Every save, in order: lets a test see that a token was rotated exactly once. */
	readonly saves: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];

	private readonly store: Map<string, ICredentialDataDecryptedObject>;

	constructor(
		private readonly credentialTypes: HarnessCredentialTypes,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
		this.store = new Map(Object.entries(clone(credentials)));
	}

	/** The credentials as stored now, by type. */
	snapshot(): Record<string, ICredentialDataDecryptedObject> {
		return clone(Object.fromEntries(this.store));
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (typeof authenticate !== 'object' || authenticate.type !== 'generic') return requestOptions;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			target[outerKey] = target[outerKey] ?? {};
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				const resolvedKey = this.resolveValue(key, credentials, workflow, node);
				target[outerKey][resolvedKey] = this.resolveValue(value, credentials, workflow, node);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const stored = this.store.get(typeName) ?? {};
		this.save(typeName, { ...stored, ...output } as ICredentialDataDecryptedObject);
		return Object.assign(credentials, output);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const credentials = new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type);
		credentials.setData(this.stored(type));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const original = this.stored(type);
		if (raw === true) return original;
		return this.applyDefaults(additionalData, original, type, mode, executeData, expressionResolveValues);
	}

	/** Defaults and expressions as n8n applies them on every read, so hidden `={{$self[…]}}` fields resolve. */
	applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		original: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const properties = this.credentialTypes.getProperties(type);
		let decrypted = NodeHelpers.getNodeParameters(
			properties,
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) decrypted.oauthTokenData = original.oauthTokenData;
		const additionalKeys = getAdditionalKeys(additionalData, mode, null);
		if (expressionResolveValues) {
			decrypted = expressionResolveValues.workflow.expression.getParameterValue(
				decrypted as INodeParameters,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				additionalKeys,
				executeData,
				false,
				decrypted,
			) as ICredentialDataDecryptedObject;
		} else {
			decrypted = this.resolverWorkflow().expression.getComplexParameterValue(
				credentialResolverNode,
				decrypted as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decrypted,
			) as ICredentialDataDecryptedObject;
		}
		return decrypted;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.save(type, data);
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		// n8n saves only the token data into the stored (unresolved) credential, never the resolved fields.
		this.save(type, { ...(this.store.get(type) ?? {}), oauthTokenData: data.oauthTokenData });
	}

	/** Another n8n process sharing the database (a queue worker) saving the credential: not one of this run's saves. */
	writeFromElsewhere(type: string, data: ICredentialDataDecryptedObject): void {
		this.store.set(type, clone(data));
	}

	private save(type: string, data: ICredentialDataDecryptedObject): void {
		this.store.set(type, clone(data));
		this.saves.push({ type, data: clone(data) });
	}

	private stored(type: string): ICredentialDataDecryptedObject {
		const data = this.store.get(type);
		if (data === undefined) {
			throw new Error(`The workflow uses credentials of type "${type}" but runWorkflow was given none`);
		}
		return clone(data);
	}

	private resolveValue(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	private resolverWorkflow(): Workflow {
		return new Workflow({
			nodes: [credentialResolverNode],
			connections: {},
			active: false,
			nodeTypes: new HarnessNodeTypes({ mock: credentialResolverNodeType }),
		});
	}
}
