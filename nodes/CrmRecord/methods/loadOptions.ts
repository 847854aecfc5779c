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

/** The Xero ID field: empty (listed first) means the mapping's default field for the module. */
export async function getXeroIdFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await getWritableFields.call(this);
	return [{ name: 'Mapping Default for the Module', value: '' }, ...fields];
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

/** Active products and services, for "Product for Free-Text Lines"; the first 100 of each, by name. */
export async function getProductsAndServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await editorClient(this);
	const options: INodePropertyOptions[] = [];
	for (const [module, nameField, label] of [
		['Products', 'productname', 'Product'],
		['Services', 'servicename', 'Service'],
	]) {
		try {
			const rows = await client.query(`SELECT ${nameField} FROM ${module} ORDER BY ${nameField} LIMIT 100;`);
			for (const row of rows) options.push({ name: `${String(row[nameField])} (${label})`, value: String(row.id) });
		} catch {
			// A CRM without the module (or without access to it) simply offers none of it.
		}
	}
	return sorted(options);
}
