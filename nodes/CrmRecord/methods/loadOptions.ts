import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { currentModule, editorClient } from './client';
import { fieldDisplayName, writableDescribeFields } from './fieldSchema';

const MATCHABLE_TYPES = new Set(['string', 'email', 'phone', 'url', 'integer', 'double', 'picklist', 'reference', 'text']);

async function describeCurrent(ctx: ILoadOptionsFunctions) {
	const module = currentModule(ctx);
	if (module === '') return undefined;
	return await (await editorClient(ctx)).describe(module);
}

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getWritableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await describeCurrent(this);
	if (!describe) return [];
	return sorted(writableDescribeFields(describe).map((field) => ({ name: fieldDisplayName(field), value: field.name })));
}

/** Match keys: text-like and number fields, including read-only ones such as account_no. */
export async function getMatchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await describeCurrent(this);
	if (!describe) return [];
	return sorted(
		describe.fields
			.filter((field) => MATCHABLE_TYPES.has(field.type.name))
			.map((field) => ({ name: fieldDisplayName(field), value: field.name })),
	);
}

export async function getQueryFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const describe = await describeCurrent(this);
	if (!describe) return [];
	return sorted(describe.fields.map((field) => ({ name: fieldDisplayName(field), value: field.name })));
}
