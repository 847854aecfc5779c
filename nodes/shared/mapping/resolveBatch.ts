import { sameText } from '../collation';
import { lookupKey } from './resolution';
import type { CrmLookup, CrmRecord, MappingNeeds, Resolved } from './types';
import { text } from './vtigerValues';

/**
 * The only I/O a mapping needs, supplied by the caller (the CRM Record or Xero Sync node), so this file stays free
 * of HTTP and n8n: retrieve records by id, and find records of one module whose field is one of several values.
 */
export interface CrmFetcher {
	retrieve(ids: string[]): Promise<CrmRecord[]>;
	findWhereIn(module: string, field: string, values: string[]): Promise<CrmRecord[]>;
}

/** Lookups grouped by module and field, so one `… WHERE field IN (…)` query answers a whole batch. */
export function groupLookups(lookups: CrmLookup[]): Array<{ module: string; field: string; values: string[] }> {
	const groups = new Map<string, { module: string; field: string; values: string[] }>();
	for (const lookup of lookups) {
		const key = `${lookup.module}.${lookup.field}`;
		const group = groups.get(key) ?? { module: lookup.module, field: lookup.field, values: [] };
		if (!group.values.includes(lookup.value)) group.values.push(lookup.value);
		groups.set(key, group);
	}
	return [...groups.values()];
}


/** Answers for each lookup from the rows of its module; a lookup no row matches is answered with null. */
export function foundFromRows(lookups: CrmLookup[], rows: CrmRecord[]): Record<string, CrmRecord | null> {
	const found: Record<string, CrmRecord | null> = {};
	for (const lookup of lookups) {
		found[lookupKey(lookup)] = rows.find((row) => sameText(text(row[lookup.field]), lookup.value)) ?? null;
	}
	return found;
}

export function mergeResolved(into: Resolved, more: Resolved): Resolved {
	return {
		records: { ...into.records, ...more.records },
		found: { ...into.found, ...more.found },
	};
}

function anyNeeds(needs: MappingNeeds): boolean {
	return needs.crmIds.length + needs.lookups.length + (needs.optional?.length ?? 0) > 0;
}

function unionNeeds(all: MappingNeeds[]): MappingNeeds {
	const ids = new Set<string>();
	const lookups = new Map<string, CrmLookup>();
	for (const needs of all) {
		needs.crmIds.forEach((id) => ids.add(id));
		[...needs.lookups, ...(needs.optional ?? [])].forEach((lookup) => lookups.set(lookupKey(lookup), lookup));
	}
	return { crmIds: [...ids], lookups: [...lookups.values()] };
}

/**
 * Maps a whole batch, fetching what the mappings need in as few calls as possible: map every item, fetch the union
 * of their needs (one retrieve per id, one query per module and field), map again. A reference that points at a
 * further reference (a contact's account) takes one more round; `maxRounds` bounds that.
 */
export async function mapBatch<R extends { needs: MappingNeeds }>(
	count: number,
	map: (index: number, resolved: Resolved) => R,
	fetcher: CrmFetcher,
	initial: Resolved = {},
	maxRounds = 3,
): Promise<R[]> {
	let resolved: Resolved = initial;
	let results = Array.from({ length: count }, (_, index) => map(index, resolved));
	for (let round = 0; round < maxRounds; round++) {
		const needs = unionNeeds(results.map((result) => result.needs));
		if (!anyNeeds(needs)) break;
		const records: Record<string, CrmRecord | null> = Object.fromEntries(needs.crmIds.map((id) => [id, null]));
		if (needs.crmIds.length > 0) {
			for (const record of await fetcher.retrieve(needs.crmIds)) records[text(record.id)] = record;
		}
		let found: Record<string, CrmRecord | null> = {};
		for (const group of groupLookups(needs.lookups)) {
			const rows = await fetcher.findWhereIn(group.module, group.field, group.values);
			const mine = needs.lookups.filter((lookup) => lookup.module === group.module && lookup.field === group.field);
			found = { ...found, ...foundFromRows(mine, rows) };
		}
		resolved = mergeResolved(resolved, { records, found });
		results = results.map((result, index) => (anyNeeds(result.needs) ? map(index, resolved) : result));
	}
	return results;
}

/** A readable reason for needs still open after mapBatch, for the item's sync-log entry. */
export function unresolvedMessage(needs: MappingNeeds): string {
	const parts = [
		...needs.crmIds.map((id) => `CRM record ${id}`),
		...needs.lookups.map((lookup) => `${lookup.module} with ${lookup.field} = "${lookup.value}"`),
	];
	return parts.length === 0 ? '' : `Could not resolve ${parts.join(', ')}.`;
}

/** The field a CRM record carries its resolved references in, so a node without CRM access can still map it. */
export const RESOLVED_KEY = '$resolved';

/**
 * For a node that reads CRM records and hands them to another node (CRM Record → Xero Sync): resolves what
 * crmToXero will need for each record and returns, per record, just those answers, to be put on the item as
 * `json[RESOLVED_KEY]`. `map` is crmToXero bound to the module and options (passed in to keep this file free of the
 * per-pair mappings).
 */
export async function referencesFor(
	records: CrmRecord[],
	map: (record: CrmRecord, resolved: Resolved) => { needs: MappingNeeds },
	fetcher: CrmFetcher,
): Promise<Resolved[]> {
	const asked = records.map(() => ({ ids: new Set<string>(), keys: new Set<string>() }));
	let last: Resolved = {};
	await mapBatch(
		records.length,
		(index, resolved) => {
			last = resolved;
			const result = map(records[index], resolved);
			result.needs.crmIds.forEach((id) => asked[index].ids.add(id));
			[...result.needs.lookups, ...(result.needs.optional ?? [])].forEach((lookup) => asked[index].keys.add(lookupKey(lookup)));
			return result;
		},
		fetcher,
	);
	return asked.map(({ ids, keys }) => ({
		records: Object.fromEntries([...ids].filter((id) => last.records && id in last.records).map((id) => [id, last.records?.[id] ?? null])),
		found: Object.fromEntries([...keys].filter((key) => last.found && key in last.found).map((key) => [key, last.found?.[key] ?? null])),
	}));
}

/** References resolved upstream and carried on the record (see referencesFor) count as resolved. */
export function withEmbedded(resolved: Resolved | undefined, embedded: unknown): Resolved {
	if (embedded === null || typeof embedded !== 'object') return resolved ?? {};
	return mergeResolved(embedded as Resolved, resolved ?? {});
}
