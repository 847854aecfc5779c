import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/node.description';
import { router } from './actions/router';
import { simplyCrmApiTest } from './methods/credentialTest';
import { searchModules } from './methods/listSearch';
import {
	getMatchFields,
	getProductsAndServices,
	getQueryFields,
	getWritableFields,
	getXeroIdFields,
} from './methods/loadOptions';
import { getFields, getFieldsForUpdate } from './methods/resourceMapping';

export class CrmRecord implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CRM Record',
		name: 'crmRecord',
		icon: { light: 'file:crmRecord.svg', dark: 'file:crmRecord.dark.svg' },
		group: ['transform'],
		version: 1,
		// In words: "Upsert into Invoice", "Get changes from Accounts".
		subtitle:
			'={{ ({ create: "Create in", update: "Update in", upsert: "Upsert into", delete: "Delete from", get: "Get from", getMany: "Get many from", getChanges: "Get changes from" }[$parameter["operation"]] || $parameter["operation"]) + " " + (($parameter["module"] && ($parameter["module"].value || (typeof $parameter["module"] === "string" && $parameter["module"]))) || "a module") }}',
		description: 'Create, update, upsert, find and sync records in Simply CRM or another vtiger-based CRM',
		defaults: { name: 'CRM Record' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'simplyCrmApi', required: true, testedBy: 'simplyCrmApiTest' }],
		properties: nodeProperties,
	};

	methods = {
		listSearch: { searchModules },
		loadOptions: { getWritableFields, getMatchFields, getQueryFields, getProductsAndServices, getXeroIdFields },
		resourceMapping: { getFields, getFieldsForUpdate },
		credentialTest: { simplyCrmApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
