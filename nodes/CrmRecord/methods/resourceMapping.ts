import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { currentModule, editorClient } from './client';
import { toMapperField, writableDescribeFields } from './fieldSchema';

async function mapperFields(ctx: ILoadOptionsFunctions, requiredWhenMandatory: boolean): Promise<ResourceMapperFields> {
	const module = currentModule(ctx);
	if (module === '') return { fields: [], emptyFieldsNotice: 'Choose a module first' };
	const describe = await (await editorClient(ctx)).describe(module);
	return {
		fields: writableDescribeFields(describe).map((field) => toMapperField(field, requiredWhenMandatory)),
	};
}

/** For create and upsert: mandatory fields are required (the owner defaults to the credential's user). */
export async function getFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await mapperFields(this, true);
}

/** For update (vtiger revise): nothing is required, only mapped fields change. */
export async function getFieldsForUpdate(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await mapperFields(this, false);
}
