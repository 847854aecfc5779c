import type { Transaction } from '../store/transaction';
import type { Collection, Tenant } from '../store/tenant';
import type { Json } from '../types';

export type WriteMode = 'create' | 'upsert';

export interface WriteContext {
	tx: Transaction;
	now: number;
}

export interface ApplyResult {
	/** the stored record's id when the element was accepted */
	id?: string;
	errors: string[];
}

export interface RenderOptions {
	/** list responses without paging leave invoice line items out, as Xero does */
	withLineItems: boolean;
	unitdp: number;
}

/** one batched resource: how an element is validated and written, and how a stored record is shown */
export interface EntityHandler {
	resource: 'Contacts' | 'Invoices' | 'Items' | 'Payments' | 'Quotes' | 'PurchaseOrders' | 'CreditNotes';
	collection: Collection;
	idField: string;
	/** validates the element and, only when it is valid, writes it into the transaction */
	apply(ctx: WriteContext, element: Json, mode: WriteMode): ApplyResult;
	render(tenant: Tenant | Transaction, record: Json, options: RenderOptions): Json;
}

export function lookup(source: Tenant | Transaction, collection: Collection, id: string): Json | undefined {
	return 'records' in source ? source.records[collection].get(id) : source.get(collection, id);
}
