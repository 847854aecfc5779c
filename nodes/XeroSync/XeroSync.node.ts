import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { versionDescription } from './actions/node.description';
import { router } from './actions/router';
import { credentialTest, listSearch } from './methods';

export class XeroSync implements INodeType {
	description: INodeTypeDescription = versionDescription;

	methods = { listSearch, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
