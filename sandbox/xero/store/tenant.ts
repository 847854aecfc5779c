import type { Json } from '../types';

export type Collection = 'contacts' | 'invoices' | 'items' | 'accounts' | 'payments' | 'quotes' | 'purchaseOrders' | 'creditNotes';
export const COLLECTIONS: Collection[] = ['contacts', 'invoices', 'items', 'accounts', 'payments', 'quotes', 'purchaseOrders', 'creditNotes'];

/** the unique keys Xero enforces per organisation, compared case-insensitively */
export type UniqueKey = 'contactName' | 'itemCode' | 'invoiceNumber' | 'accountCode' | 'accountName' | 'quoteNumber' | 'purchaseOrderNumber' | 'creditNoteNumber';

const KEYS_OF: Record<Collection, UniqueKey[]> = {
	contacts: ['contactName'],
	items: ['itemCode'],
	invoices: ['invoiceNumber'],
	accounts: ['accountCode', 'accountName'],
	payments: [],
	quotes: ['quoteNumber'],
	purchaseOrders: ['purchaseOrderNumber'],
	creditNotes: ['creditNoteNumber'],
};

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined;
}

export function uniqueValue(key: UniqueKey, record: Json): string | undefined {
	switch (key) {
		case 'contactName':
			return text(record.Name);
		case 'itemCode':
			return text(record.Code);
		// Bills carry the supplier's number, which need not be unique; Xero enforces uniqueness on sales invoices.
		case 'invoiceNumber':
			return record.Type === 'ACCREC' && record.Status !== 'DELETED' ? text(record.InvoiceNumber) : undefined;
		case 'accountCode':
			return record.Status === 'DELETED' ? undefined : text(record.Code);
		case 'accountName':
			return record.Status === 'DELETED' ? undefined : text(record.Name);
		// A deleted quote gives its number up, as a deleted sales invoice does.
		case 'quoteNumber':
			return record.Status === 'DELETED' ? undefined : text(record.QuoteNumber);
		// Likewise a deleted purchase order's number.
		case 'purchaseOrderNumber':
			return record.Status === 'DELETED' ? undefined : text(record.PurchaseOrderNumber);
		// Like sales invoice numbers: unique on sales credit notes; a supplier's credit note keeps the supplier's number.
		case 'creditNoteNumber':
			return record.Type === 'ACCRECCREDIT' && record.Status !== 'DELETED' ? text(record.CreditNoteNumber) : undefined;
	}
}

export interface TenantProfile {
	tenantId: string;
	name: string;
	baseCurrency: string;
	countryCode: string;
	version: string;
	shortCode: string;
	createdAt: number;
	/** currencies enabled besides the base one */
	currencies: string[];
}

/** An empty Map for each collection (records, their indexes, their places). */
function mapPerCollection<V>(): Record<Collection, Map<string, V>> {
	return Object.fromEntries(COLLECTIONS.map((collection) => [collection, new Map<string, V>()])) as Record<Collection, Map<string, V>>;
}

export class Tenant {
	readonly records: Record<Collection, Map<string, Json>> = mapPerCollection();
	private readonly indexes = new Map<UniqueKey, Map<string, string>>();
	/** `where` lookup indexes (FieldIndex), built on first use and kept in step by store/remove */
	private readonly fieldIndexes: Record<Collection, Map<string, FieldIndex>> = mapPerCollection();
	/** each record's place in its collection's Map (the order lists answer in), so index hits keep that order */
	private readonly places: Record<Collection, Map<string, number>> = mapPerCollection();
	private nextPlace = 0;
	taxRates: Json[] = [];
	currencies: Json[] = [];
	organisation: Json = {};
	nextInvoiceNumber = 1;
	nextQuoteNumber = 1;
	nextPurchaseOrderNumber = 1;
	nextCreditNoteNumber = 1;
	/** bumped on every write, so list queries can reuse a filtered and sorted result until something changes */
	version = 0;

	constructor(readonly profile: TenantProfile) {}

	get id(): string {
		return this.profile.tenantId;
	}

	get name(): string {
		return this.profile.name;
	}

	idOf(id: string, key: UniqueKey): string | undefined {
		return this.indexes.get(key)?.get(id);
	}

	/** stores a record and keeps the unique-key indexes in step */
	store(collection: Collection, id: string, record: Json): void {
		const previous = this.records[collection].get(id);
		for (const key of KEYS_OF[collection]) {
			let index = this.indexes.get(key);
			if (!index) {
				index = new Map();
				this.indexes.set(key, index);
			}
			const before = previous ? uniqueValue(key, previous) : undefined;
			if (before !== undefined && index.get(before) === id) index.delete(before);
			const after = uniqueValue(key, record);
			if (after !== undefined) index.set(after, id);
		}
		for (const index of this.fieldIndexes[collection].values()) index.update(id, previous, record);
		if (!this.places[collection].has(id)) this.places[collection].set(id, this.nextPlace++);
		this.records[collection].set(id, record);
		this.version++;
	}

	remove(collection: Collection, id: string): void {
		const previous = this.records[collection].get(id);
		if (!previous) return;
		for (const key of KEYS_OF[collection]) {
			const before = uniqueValue(key, previous);
			if (before !== undefined && this.indexes.get(key)?.get(before) === id) this.indexes.get(key)?.delete(before);
		}
		for (const index of this.fieldIndexes[collection].values()) index.update(id, previous, undefined);
		this.places[collection].delete(id);
		this.records[collection].delete(id);
		this.version++;
	}

	/**
	 * The records whose `name`d value (`valueOf`, read from the stored record) is one of `values` (lower case), in
	 * the collection's own order. The index is built on the first call and then kept in step by store/remove.
	 */
	lookup(collection: Collection, name: string, valueOf: (record: Json) => unknown, values: Iterable<string>): Json[] {
		let index = this.fieldIndexes[collection].get(name);
		if (!index) {
			index = new FieldIndex(valueOf);
			for (const [id, record] of this.records[collection]) index.update(id, undefined, record);
			this.fieldIndexes[collection].set(name, index);
		}
		const ids = new Set<string>();
		for (const value of values) for (const id of index.ids(value)) ids.add(id);
		const places = this.places[collection];
		return [...ids]
			.sort((a, b) => (places.get(a) ?? 0) - (places.get(b) ?? 0))
			.map((id) => this.records[collection].get(id) as Json);
	}

	currencyEnabled(code: string): boolean {
		return code === this.profile.baseCurrency || this.profile.currencies.includes(code);
	}

	taxRate(taxType: string): Json | undefined {
		return this.taxRates.find((rate) => rate.TaxType === taxType && rate.Status === 'ACTIVE');
	}
}

/** the ids of the records holding each text value of one field, compared ignoring case */
class FieldIndex {
	private readonly byValue = new Map<string, Set<string>>();

	constructor(private readonly valueOf: (record: Json) => unknown) {}

	private key(record: Json | undefined): string | undefined {
		const value = record === undefined ? undefined : this.valueOf(record);
		return typeof value === 'string' ? value.toLowerCase() : undefined;
	}

	update(id: string, before: Json | undefined, after: Json | undefined): void {
		const old = this.key(before);
		if (old !== undefined) {
			const holders = this.byValue.get(old);
			holders?.delete(id);
			if (holders?.size === 0) this.byValue.delete(old);
		}
		const now = this.key(after);
		if (now === undefined) return;
		let holders = this.byValue.get(now);
		if (!holders) {
			holders = new Set();
			this.byValue.set(now, holders);
		}
		holders.add(id);
	}

	ids(value: string): Iterable<string> {
		return this.byValue.get(value) ?? [];
	}
}

export function keysOf(collection: Collection): UniqueKey[] {
	return KEYS_OF[collection];
}
