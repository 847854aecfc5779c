/**
 * Builds whereTypes.json from Xero's OpenAPI file: for each record type a `where` or `order` can name, its
 * properties and their types, as Xero's Dynamic LINQ sees them. Run after updating the yaml:
 *   npx ts-node --transpile-only sandbox/xero/accounting/whereTypes.build.ts > sandbox/xero/accounting/whereTypes.json
 * test/sandbox/xeroWhereTypes.test.ts checks the committed file against the yaml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specDir } from '../validation/openapiSpecs';

type Schema = { type?: string; format?: string; enum?: unknown[]; $ref?: string; items?: Schema; properties?: Record<string, Schema>; 'x-is-msdate'?: boolean; 'x-is-msdate-time'?: boolean };

export const ROOTS = ['Contact', 'Invoice', 'Item', 'Account', 'Payment'];

export function buildWhereTypes(yamlText: string): Record<string, Record<string, string>> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const yaml = require('js-yaml') as { load(text: string): unknown };
	const schemas = (yaml.load(yamlText) as { components: { schemas: Record<string, Schema> } }).components.schemas;
	const out: Record<string, Record<string, string>> = {};
	const refName = (ref: string) => ref.split('/').pop() as string;
	const typeOf = (schema: Schema): string => {
		if (schema.$ref) {
			const target = schemas[refName(schema.$ref)];
			if (target?.properties) {
				visit(refName(schema.$ref));
				return `ref:${refName(schema.$ref)}`;
			}
			return target ? typeOf({ ...target, $ref: undefined }) : 'string';
		}
		if (schema.type === 'array') return 'list';
		if (schema.type === 'boolean') return 'bool';
		if (schema.type === 'number' || schema.type === 'integer') return 'number';
		if (schema['x-is-msdate'] || schema['x-is-msdate-time'] || schema.format === 'date' || schema.format === 'date-time') return 'date';
		if (schema.format === 'uuid') return 'guid';
		if (schema.type === 'object') return 'list';
		return 'string';
	};
	const visit = (name: string) => {
		if (out[name]) return;
		out[name] = {};
		for (const [property, schema] of Object.entries(schemas[name].properties ?? {})) out[name][property] = typeOf(schema);
	};
	for (const root of ROOTS) visit(root);
	return out;
}

if (require.main === module) {
	process.stdout.write(`${JSON.stringify(buildWhereTypes(readFileSync(join(specDir(), 'xero_accounting.yaml'), 'utf8')), null, '\t')}\n`);
}
