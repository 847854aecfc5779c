import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** INodeTypes over a fixed map of full type names ("n8n-nodes-xero-crm.xeroSync") to node classes. */
export class HarnessNodeTypes implements INodeTypes {
	constructor(
		private readonly types: Record<string, INodeType | IVersionedNodeType>,
		private readonly explainMissing: (type: string) => string = () => '',
	) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const found = this.types[type];
		if (!found) {
			throw new Error(`Unknown node type "${type}". ${this.explainMissing(type)}`.trim());
		}
		return found;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.types).map((type) => [type, { type }]));
	}
}
