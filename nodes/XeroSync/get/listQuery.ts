import type { IDataObject } from 'n8n-workflow';
import { calendarDate } from '../../shared/dates';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { allOf, anyOf, dateCompare, equalsString, rawWhereProblem } from '../../shared/xero/where';

export interface ListFilters {
	status?: string[];
	contactId?: string;
	dateFrom?: string;
	dateTo?: string;
	includeArchived?: boolean;
	searchTerm?: string;
	where?: string;
	order?: string;
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
export function listQuery(spec: XeroResourceSpec, filters: ListFilters, timezone = 'UTC'): IDataObject {
	const qs: IDataObject = {};
	const clauses: Array<string | undefined> = [];
	const statuses = (filters.status ?? []).filter((s) => s !== '');
	if (statuses.length > 1 && spec.statusParameter) {
		throw new BadFilterError(`Xero filters ${spec.plural.toLowerCase()} on one status at a time; choose one Status (${statuses.join(', ')} were chosen), or none and filter the output.`);
	}
	if (statuses.length > 0) {
		if (spec.statusesParameter) qs[spec.statusesParameter] = statuses.join(',');
		else if (spec.statusParameter) qs[spec.statusParameter] = statuses[0];
		else if (spec.statusField) clauses.push(anyOf(statuses.map((s) => equalsString(spec.statusField as string, s))));
	}
	if (filters.contactId && spec.contactIdsParameter) qs[spec.contactIdsParameter] = filters.contactId.trim();
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
	if (where) qs.where = where;
	if (filters.order && filters.order.trim() !== '') qs.order = filters.order.trim();
	return qs;
}
