import type { Json } from '../types';
import { keysOf, uniqueValue, type Collection, type Tenant, type UniqueKey } from './tenant';

export interface Change {
	collection: Collection;
	id: string;
	record: Json;
	created: boolean;
	/** bookkeeping Xero does on the side (IsCustomer flags): stored, but no webhook event */
	silent: boolean;
}

/**
 * The writes of one request. Elements see the writes of earlier elements (two contacts with one name in a batch
 * clash) and nothing reaches the tenant until commit, which is how summarizeErrors=true rejects a whole batch.
 */
export class Transaction {
	private readonly pending = new Map<string, Change>();

	constructor(readonly tenant: Tenant, readonly now: number) {}

	get(collection: Collection, id: string): Json | undefined {
		return this.pending.get(`${collection}:${id}`)?.record ?? this.tenant.records[collection].get(id);
	}

	exists(collection: Collection, id: string): boolean {
		return this.get(collection, id) !== undefined;
	}

	put(collection: Collection, id: string, record: Json, silent = false): void {
		const key = `${collection}:${id}`;
		const previous = this.pending.get(key);
		const created = previous?.created ?? !this.tenant.records[collection].has(id);
		this.pending.set(key, { collection, id, record, created, silent: silent && (previous?.silent ?? true) });
	}

	/** the id of the record holding a unique value, seen through this transaction's own writes */
	findUnique(collection: Collection, key: UniqueKey, value: string): string | undefined {
		const wanted = value.trim().toLowerCase();
		for (const change of this.pending.values()) {
			if (change.collection === collection && uniqueValue(key, change.record) === wanted) return change.id;
		}
		const id = this.tenant.idOf(wanted, key);
		if (id === undefined) return undefined;
		const overridden = this.pending.get(`${collection}:${id}`);
		if (overridden && uniqueValue(key, overridden.record) !== wanted) return undefined;
		return id;
	}

	changes(): Change[] {
		return [...this.pending.values()];
	}

	commit(): Change[] {
		const changes = this.changes();
		for (const change of changes) this.tenant.store(change.collection, change.id, change.record);
		this.pending.clear();
		return changes;
	}
}

export { keysOf };
