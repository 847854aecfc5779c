import type { IDataObject } from 'n8n-workflow';
import { calendarDate } from '../../shared/dates';
import type { WhereFilter, XeroResourceSpec } from '../../shared/xero/resources';
import { isXeroId } from '../../shared/xero/resources';
import { allOf, anyOf, dateCompare, equalsString, quoteWhere, rawWhereProblem } from '../../shared/xero/where';

export interface ListFilters {
	/** Several statuses, or one where Xero's parameter takes only one (statusParameter). */
	status?: string[] | string;
	contactId?: string;
	dateFrom?: string;
	dateTo?: string;
	includeArchived?: boolean;
	searchTerm?: string;
	where?: string;
	order?: string;
	/** A payment's invoice (XeroResourceSpec.whereFilters), by ID or number. */
	invoice?: string;
}

/** A filter the user wrote that cannot be sent; `code` is what the sync log shows. */
export class BadFilterError extends Error {
	readonly code = 'BAD_FILTER';
}

/**
 * The query string for a list read. Filters Xero has a parameter for use it (its indexes are faster); the rest are
 * ANDed into `where`, with the user's raw `where` kept intact in its own parentheses. Date filters are calendar
 * dates in the workflow's `timezone`.
 */
/** One of the resource's `where` filters: a GUID with Guid() on its ID path, else text on its number path. */
function whereFilterClause(filter: WhereFilter, value: string): string {
	if (isXeroId(value)) return `${filter.idPath}==Guid(${quoteWhere(value)})`;
	if (filter.numberPath !== undefined) return equalsString(filter.numberPath, value);
	throw new BadFilterError(`The "${filter.displayName}" filter needs a Xero ID (a GUID such as 0f4c3a35-5d4e-4b5a-9c1e-2b7d8a9e6f10); "${value}" is not one.`);
}

export function listQuery(spec: XeroResourceSpec, filters: ListFilters, timezone = 'UTC'): IDataObject {
	const qs: IDataObject = {};
	const clauses: Array<string | undefined> = [];
	const statuses = [filters.status ?? []].flat().filter((s) => s !== '');
	if (statuses.length > 0) {
		if (spec.statusesParameter) qs[spec.statusesParameter] = statuses.join(',');
		else if (spec.statusParameter) qs[spec.statusParameter] = oneStatus(spec, statuses);
		else if (spec.statusField) clauses.push(anyOf(statuses.map((s) => equalsString(spec.statusField as string, s))));
	}
	if (filters.contactId && spec.contactIdsParameter) qs[spec.contactIdsParameter] = filters.contactId.trim();
	for (const filter of spec.whereFilters ?? []) {
		const value = (filters as Record<string, unknown>)[filter.name];
		if (typeof value === 'string' && value.trim() !== '') clauses.push(whereFilterClause(filter, value.trim()));
	}
	const from = calendarDate(filters.dateFrom, timezone);
	const to = calendarDate(filters.dateTo, timezone);
	if (spec.dateParameters) {
		if (from) qs[spec.dateParameters.from] = from;
		if (to) qs[spec.dateParameters.to] = to;
	} else {
		if (from) clauses.push(dateCompare(spec.dateFilter.field, '>=', from));
		if (to) clauses.push(dateCompare(spec.dateFilter.field, '<=', to));
	}
	if (filters.includeArchived && spec.supportsArchived) qs.includeArchived = true;
	if (filters.searchTerm && spec.searchTermMatches !== undefined) qs.searchTerm = filters.searchTerm.trim();
	if (filters.where && filters.where.trim() !== '') {
		if (spec.noWhere) throw new BadFilterError(`Xero's ${spec.plural} list takes no "Where" filter; use the Status and date filters.`);
		const problem = rawWhereProblem(filters.where);
		if (problem) throw new BadFilterError(`The "Where" filter cannot be used: ${problem}`);
		clauses.push(filters.where.trim());
	}
	const where = allOf(clauses);
	if (where && spec.noWhere) {
		throw new BadFilterError(`Xero's ${spec.plural.toLowerCase()} list takes no "where" filter; use the other filters, or filter the output with an n8n Filter node.`);
	}
	if (where) qs.where = where;
	if (filters.order && filters.order.trim() !== '') qs.order = filters.order.trim();
	return qs;
}

/** Xero's parameter takes a single status (getQuotes' Status): several cannot be asked for in one list. */
function oneStatus(spec: XeroResourceSpec, statuses: string[]): string {
	if (statuses.length === 1) return statuses[0];
	throw new BadFilterError(
		`Xero filters ${spec.plural.toLowerCase()} by one status at a time, and ${statuses.length} were given (${statuses.join(', ')}); choose one, or none and filter the output with an n8n Filter node.`,
	);
}
