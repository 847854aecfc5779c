import type { CrmLookup, CrmRecord, MappingNeeds, Resolved } from './types';

export function lookupKey(lookup: CrmLookup): string {
	return `${lookup.module}.${lookup.field}=${lookup.value}`;
}

/**
 * Reads answers from `resolved` and records what is still missing, so one mapping pass both uses what the caller
 * already fetched and tells it what to fetch next.
 */
export class Resolver {
	readonly needs: MappingNeeds = { crmIds: [], lookups: [] };

	constructor(private readonly resolved: Resolved) {}

	/** The CRM record with this id; null when fetched and absent; undefined (noted as needed) when not fetched yet. */
	record(id: string): CrmRecord | null | undefined {
		const records = this.resolved.records;
		if (records && id in records) return records[id];
		if (!this.needs.crmIds.includes(id)) this.needs.crmIds.push(id);
		return undefined;
	}

	/** The record found by a lookup; null when looked up and absent; undefined (noted as needed) when not asked yet. */
	find(lookup: CrmLookup): CrmRecord | null | undefined {
		const key = lookupKey(lookup);
		const found = this.resolved.found;
		if (found && key in found) return found[key];
		if (!this.needs.lookups.some((known) => lookupKey(known) === key)) this.needs.lookups.push(lookup);
		return undefined;
	}

	/** Like find, but a caller that cannot resolve it may map without it. */
	findOptional(lookup: CrmLookup): CrmRecord | null | undefined {
		const key = lookupKey(lookup);
		const found = this.resolved.found;
		if (found && key in found) return found[key];
		this.needs.optional = [...(this.needs.optional ?? []), lookup];
		return undefined;
	}

	/** The first of several lookups that found a record (e.g. an item code in Products, then in Services). */
	findFirst(lookups: CrmLookup[]): CrmRecord | null | undefined {
		let pending = false;
		for (const lookup of lookups) {
			const found = this.find(lookup);
			if (found) {
				this.forget(lookups);
				return found;
			}
			if (found === undefined) pending = true;
		}
		return pending ? undefined : null;
	}

	private forget(lookups: CrmLookup[]): void {
		const keys = new Set(lookups.map(lookupKey));
		const kept = this.needs.lookups.filter((lookup) => !keys.has(lookupKey(lookup)));
		this.needs.lookups.splice(0, this.needs.lookups.length, ...kept);
	}
}
