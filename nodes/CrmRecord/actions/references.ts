import { idPrefix, isRecordId, type ReferenceValue } from '../helpers/validateRecord';
import { vtqlString } from '../helpers/vtql';
import type { VtigerClient } from '../transport';

export type ReferenceProblem = 'missing' | 'wrongModule' | 'notAnId';

export interface ReferenceIssue extends ReferenceValue {
	problem: ReferenceProblem;
}

const IN_LIST_SIZE = 100;

async function prefixesOf(client: VtigerClient, modules: Set<string>): Promise<Map<string, string>> {
	const byPrefix = new Map<string, string>();
	for (const module of modules) {
		try {
			byPrefix.set((await client.describe(module)).idPrefix, module);
		} catch {
			// A module the user cannot describe cannot be checked either; vtiger still validates it on write.
		}
	}
	return byPrefix;
}

/**
 * vtiger stores a reference to a missing record as "" without an error, so a sync would silently lose the link.
 * The ids of a whole batch are checked up front with one VTQL query per referenced module.
 */
export async function findReferenceIssues(
	client: VtigerClient,
	refsPerItem: ReferenceValue[][],
): Promise<ReferenceIssue[][]> {
	const modules = new Set(refsPerItem.flat().flatMap((ref) => ref.refersTo));
	const moduleOfPrefix = await prefixesOf(client, modules);

	const toCheck = new Map<string, Set<string>>();
	for (const ref of refsPerItem.flat()) {
		if (!isRecordId(ref.id)) continue;
		const module = moduleOfPrefix.get(idPrefix(ref.id));
		if (module === undefined || !ref.refersTo.includes(module)) continue;
		if (!toCheck.has(module)) toCheck.set(module, new Set());
		toCheck.get(module)?.add(ref.id);
	}

	const existing = new Set<string>();
	for (const [module, ids] of toCheck) {
		const list = [...ids];
		for (let start = 0; start < list.length; start += IN_LIST_SIZE) {
			const chunk = list.slice(start, start + IN_LIST_SIZE);
			const rows = await client.query(
				`SELECT id FROM ${module} WHERE id IN (${chunk.map(vtqlString).join(', ')}) LIMIT 0, ${IN_LIST_SIZE};`,
			);
			for (const row of rows) existing.add(String(row.id));
		}
	}

	const knownPrefixes = new Set(moduleOfPrefix.keys());
	return refsPerItem.map((refs) =>
		refs.flatMap((ref): ReferenceIssue[] => {
			if (!isRecordId(ref.id)) return [{ ...ref, problem: 'notAnId' }];
			const module = moduleOfPrefix.get(idPrefix(ref.id));
			if (module === undefined) {
				return knownPrefixes.size > 0 && ref.refersTo.every((m) => [...moduleOfPrefix.values()].includes(m))
					? [{ ...ref, problem: 'wrongModule' }]
					: [];
			}
			if (!ref.refersTo.includes(module)) return [{ ...ref, problem: 'wrongModule' }];
			return existing.has(ref.id) ? [] : [{ ...ref, problem: 'missing' }];
		}),
	);
}

export function describeReferenceIssue(issue: ReferenceIssue): string {
	const target = issue.refersTo.join(' or ');
	switch (issue.problem) {
		case 'notAnId':
			return `${issue.field} must be a record id such as 11x2, not "${issue.id}"`;
		case 'wrongModule':
			return `${issue.field} = ${issue.id} is not a ${target} record`;
		default:
			return `${issue.field} = ${issue.id} refers to a ${target} record that does not exist (vtiger would silently drop the link)`;
	}
}
