import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mappingOptions, type MappingOptionsInput } from '../../../../shared/mapping/options';
import { lookupKey } from '../../../../shared/mapping/resolution';
import type { CrmLookup, CrmRecord, Resolved, XeroToCrmResult } from '../../../../shared/mapping/types';
import { collectPages } from '../../../helpers/paging';
import { RecordProblem } from '../../../helpers/recordProblem';
import { sameValue } from '../../../helpers/upsertMatch';
import { vtqlName, vtqlString, withLimit } from '../../../helpers/vtql';
import type { VtigerClient } from '../../../transport';
import { moduleOf } from '../../context';
import { matchOnFields } from './fieldsInput';
import type { WriteInput, WriteOperation } from './types';
import { XERO_TO_CRM } from './xeroMappers';

export type XeroRead = { input: WriteInput } | { input: WriteInput; error: unknown };

/** The mapping asks for CRM records it cannot fetch itself; it is pure. Two rounds cover lookups that need lookups. */
const RESOLVE_ROUNDS = 3;

function overridesOf(ctx: IExecuteFunctions, i: number): Record<string, unknown> {
	const collection = ctx.getNodeParameter('overrides', i, {}) as { override?: Array<{ field?: string; value?: unknown }> };
	const out: Record<string, unknown> = {};
	for (const { field, value } of collection.override ?? []) {
		if (!field) continue;
		out[field] = value === '' || value === undefined ? undefined : value;
	}
	return out;
}

function optionsFor(ctx: IExecuteFunctions, i: number, module: string, resolved: Resolved): MappingOptionsInput {
	const xeroIdField = String(ctx.getNodeParameter('xeroIdField', i, '') ?? '').trim();
	const input: MappingOptionsInput = { overrides: overridesOf(ctx, i), resolved };
	if (module) {
		if (xeroIdField) input.linkFields = { [module]: xeroIdField };
		if (module === 'Products' || module === 'Services') input.itemModule = module;
		if (ctx.getNodeParameter('xeroResource', i, '') === 'account') input.accountModule = module;
	}
	return input;
}

/** One query per (module, field) for all lookups of the batch; ids are retrieved one by one (they are few). */
async function resolveNeeds(client: VtigerClient, results: XeroToCrmResult[], resolved: Resolved): Promise<boolean> {
	const lookups = new Map<string, CrmLookup[]>();
	const ids = new Set<string>();
	for (const result of results) {
		for (const id of result.needs.crmIds) if (!(id in (resolved.records ?? {}))) ids.add(id);
		for (const lookup of result.needs.lookups) {
			if (lookupKey(lookup) in (resolved.found ?? {})) continue;
			const group = `${lookup.module}\u0000${lookup.field}`;
			if (!lookups.has(group)) lookups.set(group, []);
			lookups.get(group)?.push(lookup);
		}
	}
	if (ids.size === 0 && lookups.size === 0) return false;
	resolved.records = resolved.records ?? {};
	resolved.found = resolved.found ?? {};
	for (const id of ids) {
		try {
			resolved.records[id] = await client.retrieve(id);
		} catch {
			// The mapping reports a record it needed and did not get; a missing one is not our error to raise here.
		}
	}
	for (const group of lookups.values()) {
		const { module, field } = group[0];
		const values = [...new Set(group.map((lookup) => lookup.value))];
		let rows: CrmRecord[] = [];
		try {
			const base = `SELECT * FROM ${vtqlName(module)} WHERE ${vtqlName(field)} IN (${values.map(vtqlString).join(', ')})`;
			rows = await collectPages((page) => client.query(withLimit(base, page.offset, page.count)));
		} catch {
			// An unknown custom field or module means "nothing found", which the mapping reports in its own words.
		}
		for (const lookup of group) {
			resolved.found[lookupKey(lookup)] = rows.find((row) => sameValue(row[field], lookup.value)) ?? null;
		}
	}
	return true;
}

function toInput(
	ctx: IExecuteFunctions,
	i: number,
	module: string,
	result: XeroToCrmResult,
	operation: WriteOperation,
): WriteInput {
	const sendEmpty = (ctx.getNodeParameter('writeOptions', i, {}) as IDataObject).sendEmpty === true;
	const values: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(result.fields)) {
		if (value === undefined || value === null || (value === '' && !sendEmpty)) continue;
		values[field] = value;
	}
	const recordId =
		operation === 'update' ? String(ctx.getNodeParameter('recordId', i, '') || result.crmId || '').trim() : undefined;
	const matchOn = operation === 'upsert' ? matchOnFields(ctx, i) : [];
	const alternatives =
		matchOn.length > 0
			? [matchOn.map((field) => ({ field, value: values[field] }))]
			: result.match.map((pair) => [pair]);
	return {
		itemIndex: i,
		module: module || result.module,
		values,
		lineItems: result.lineItems,
		recordId,
		xeroId: result.xeroId,
		alternatives,
	};
}

export async function readXeroInputs(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
	operation: WriteOperation,
): Promise<XeroRead[]> {
	const resolved: Resolved = {};
	type Mapped = { result: XeroToCrmResult } | { error: Error };
	const mapAll = (): Mapped[] =>
		items.map((item, i) => {
			const resource = String(ctx.getNodeParameter('xeroResource', i, 'organisation'));
			const mapper = XERO_TO_CRM[resource];
			if (!mapper) return { error: new Error(`there is no Xero → CRM mapping for "${resource}" records`) };
			try {
				return { result: mapper(item.json, mappingOptions(optionsFor(ctx, i, moduleOf(ctx, i), resolved))) };
			} catch (error) {
				return { error: error as Error };
			}
		});
	const mappedResults = (mapped: Mapped[]) =>
		mapped.flatMap((entry) => ('result' in entry ? [entry.result] : []));
	let mapped = mapAll();
	for (let round = 0; round < RESOLVE_ROUNDS; round++) {
		if (!(await resolveNeeds(client, mappedResults(mapped), resolved))) break;
		mapped = mapAll();
	}
	return mapped.map((entry, i): XeroRead => {
		const module = moduleOf(ctx, i);
		if ('error' in entry) {
			return { input: { itemIndex: i, module, values: {}, alternatives: [] }, error: entry.error };
		}
		const input = toInput(ctx, i, module, entry.result, operation);
		if (entry.result.errors.length > 0) {
			return { input, error: new RecordProblem(entry.result.errors.join('; '), 'MAPPING') };
		}
		return { input };
	});
}
