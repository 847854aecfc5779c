import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { currentModule, editorClient } from './client';
import { toMapperField, writableDescribeFields } from './fieldSchema';

async function mapperFields(ctx: ILoadOptionsFunctions, mandatoryForNew: boolean): Promise<ResourceMapperFields> {
	const module = currentModule(ctx);
	// Before a module is chosen there is nothing to map and nothing wrong: an empty, neutral mapper.
	if (module === '') return { fields: [] };
	const describe = await (await editorClient(ctx)).describe(module);
	const fields = writableDescribeFields(describe).map((field) => toMapperField(field, mandatoryForNew));
	return fields.length > 0
		? { fields }
		: { fields, emptyFieldsNotice: `The ${module} module has no fields this node can write: choose another module.` };
}

/**
 * For create and upsert: mandatory fields are named as such (the owner defaults to the credential's user), but not
 * marked required, because n8n refuses to run a workflow with an empty required field, while the node fills them
 * itself from Xero records (Input "Fields Below" after a Xero node) or needs them only for new records (upsert). A
 * record that still lacks one fails on its own with the field's name.
 */
export async function getFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await mapperFields(this, true);
}

/** For update (vtiger revise): nothing is required, only mapped fields change. */
export async function getFieldsForUpdate(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await mapperFields(this, false);
}
