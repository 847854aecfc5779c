import { parseMsDate } from '../dates';
import type { Json } from '../types';
import { compileWhere, hasWhereType, propertyType, readPath, WhereSyntaxError } from './where';

export interface ListQuery {
	ids?: string[];
	statuses?: string[];
	invoiceNumbers?: string[];
	contactIds?: string[];
	includeArchived: boolean;
	searchTerm?: string;
	where?: string;
	order?: string;
	ifModifiedSince?: number;
}

export interface ListSpec {
	/** ID field compared with IDs= */
	idField: string;
	/** hidden unless includeArchived=true (or the Statuses filter names them) */
	archived: (record: Json) => boolean;
	/** fields searchTerm looks in */
	searchFields: string[];
	/** the record as `where` and `order` see it, e.g. an invoice with its Contact */
	view: (record: Json) => Json;
	/**
	 * For an indexed `where` lookup: reads from the stored record the value `view(record)` has at `path`, or
	 * undefined when the stored record cannot tell (the read then scans every record).
	 */
	indexValue?: (path: string[]) => ((record: Json) => unknown) | undefined;
}

/** for records whose `where` view is the stored record itself */
export const storedValue = (path: string[]) => (record: Json) => readPath(record, path);

/**
 * The list endpoints whose IDs= filter Xero documents (xero_accounting.yaml: Contacts, Invoices, Budgets), by their
 * ID field. Elsewhere (Items, Accounts, Payments …) Xero ignores the parameter, as it ignores any it does not know,
 * and answers the whole list; a sandbox that filtered there would hide a client's reliance on it.
 */
const IDS_FILTER = new Set(['ContactID', 'InvoiceID', 'BudgetID']);

function csv(value: string | undefined): string[] | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	return value.split(',').map((part) => part.trim()).filter(Boolean);
}

export function parseListQuery(query: URLSearchParams, ifModifiedSince: number | undefined): ListQuery {
	return {
		ids: csv(query.get('IDs') ?? query.get('ids') ?? undefined)?.map((id) => id.toLowerCase()),
		statuses: csv(query.get('Statuses') ?? undefined)?.map((status) => status.toUpperCase()),
		invoiceNumbers: csv(query.get('InvoiceNumbers') ?? undefined)?.map((number) => number.toLowerCase()),
		contactIds: csv(query.get('ContactIDs') ?? undefined)?.map((id) => id.toLowerCase()),
		includeArchived: (query.get('includeArchived') ?? '').toLowerCase() === 'true',
		searchTerm: query.get('searchTerm')?.trim().toLowerCase() || undefined,
		where: query.get('where') ?? undefined,
		order: query.get('order') ?? undefined,
		ifModifiedSince,
	};
}

function sortValue(value: unknown): string | number {
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string') return parseMsDate(value) ?? value.toLowerCase();
	return '';
}

export function orderBy(order: string, view: (record: Json) => Json, typeName: string): (a: Json, b: Json) => number {
	const keys = order.split(',').map((part) => {
		const words = part.trim().split(/\s+/);
		const [field, direction] = words;
		// Dynamic LINQ's ordering: a member path, then ASC/ASCENDING/DESC/DESCENDING or nothing.
		if (!field || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(field) || words.length > 2) throw new WhereSyntaxError('Syntax error');
		if (direction !== undefined && !['ASC', 'ASCENDING', 'DESC', 'DESCENDING'].includes(direction.toUpperCase())) {
			throw new WhereSyntaxError("',' or end of expression expected");
		}
		if (hasWhereType(typeName)) {
			const type = propertyType(typeName, field.split('.'));
			if (type === 'list' || type.startsWith('ref:')) throw new WhereSyntaxError(`Expression of type '${type.replace(/^ref:/, '')}' cannot be ordered`);
		}
		return { path: field.split('.'), descending: (direction ?? '').toUpperCase().startsWith('DESC') };
	});
	const read = (record: Json, path: string[]) => {
		let current: unknown = view(record);
		for (const part of path) {
			if (current === null || typeof current !== 'object') return undefined;
			const object = current as Json;
			const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === part.toLowerCase());
			current = key === undefined ? undefined : object[key];
		}
		return current;
	};
	return (a, b) => {
		for (const key of keys) {
			const left = sortValue(read(a, key.path));
			const right = sortValue(read(b, key.path));
			if (left === right) continue;
			const result = left < right ? -1 : 1;
			return key.descending ? -result : result;
		}
		return 0;
	};
}

/** Filters in the order Xero documents them; the default order is the order records were created in. */
export function runListQuery(records: Iterable<Json>, query: ListQuery, spec: ListSpec): Json[] {
	const typeName = spec.idField.replace(/ID$/, '');
	const where = query.where ? compileWhere(query.where, typeName) : undefined;
	const sort = query.order ? orderBy(query.order, spec.view, typeName) : undefined;
	const archivedAllowed = query.includeArchived;
	const out: Json[] = [];
	for (const record of records) {
		const statusAsked = query.statuses?.includes(String(record.Status ?? record.ContactStatus ?? '').toUpperCase());
		if (spec.archived(record) && !archivedAllowed && !statusAsked) continue;
		if (query.ids && IDS_FILTER.has(spec.idField) && !query.ids.includes(String(record[spec.idField]).toLowerCase())) continue;
		if (query.statuses && !statusAsked) continue;
		if (query.invoiceNumbers && !query.invoiceNumbers.includes(String(record.InvoiceNumber ?? '').toLowerCase())) continue;
		if (query.contactIds && !query.contactIds.includes(String(record.ContactID ?? '').toLowerCase())) continue;
		if (query.ifModifiedSince !== undefined) {
			const updated = parseMsDate(String(record.UpdatedDateUTC ?? ''));
			// Records changed at or after the instant asked for; see README "If-Modified-Since".
			if (updated === undefined || updated < query.ifModifiedSince) continue;
		}
		if (query.searchTerm) {
			const term = query.searchTerm;
			const hit = spec.searchFields.some((field) => typeof record[field] === 'string' && (record[field] as string).toLowerCase().includes(term));
			if (!hit) continue;
		}
		if (where && !where(spec.view(record))) continue;
		out.push(record);
	}
	if (sort) out.sort(sort);
	return out;
}
