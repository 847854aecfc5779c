import type { IDataObject } from 'n8n-workflow';

import { attempt } from '../../shared/attempt';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { isXeroId } from '../../shared/xero/resources';
import { recordPath } from '../../shared/xero/recordPath';
import { anyOf, encoderSafeWhere, equalsString } from '../../shared/xero/where';
import type { XeroTransport } from '../../shared/xero/transport';
import { readPagesInOrder } from './pagesInOrder';
import { pageQuery, pageSizeOf } from './paging';

function recordsOf(spec: XeroResourceSpec, body: IDataObject | undefined): IDataObject[] {
	const list = body?.[spec.collection];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

export interface ReadOptions {
	pageSize: number;
	limit?: number;
	headers?: Record<string, string>;
	/**
	 * Receives the records page by page, in order and within the limit, as they arrive: if a later page fails,
	 * what came before it is not lost (readList still throws).
	 */
	onPage?: (records: IDataObject[]) => void;
}

/**
 * Reads a list. Paged collections keep one pageSize (changing it between pages would skip records), read the pages
 * after the first in parallel within Xero's limits (see readPagesInOrder) and stop without an empty-page call;
 * Items and Accounts come back whole in one call.
 */
export async function readList(
	caller: XeroTransport,
	spec: XeroResourceSpec,
	qs: IDataObject,
	options: ReadOptions,
): Promise<IDataObject[]> {
	const limit = options.limit;
	const records: IDataObject[] = [];
	const keep = (rows: IDataObject[]) => {
		const wanted = limit === undefined ? rows : rows.slice(0, Math.max(0, limit - records.length));
		records.push(...wanted);
		options.onPage?.(wanted);
	};
	if (typeof qs.where === 'string') qs = { ...qs, where: encoderSafeWhere(qs.where) ?? qs.where };
	if (!spec.paged) {
		const response = await caller.request({ method: 'GET', path: spec.path, qs, headers: options.headers });
		keep(recordsOf(spec, response.body));
		return records;
	}
	// A fixed page size is what a full page means, whatever the limit (keep() cuts the last page to it).
	const pageSize = spec.fixedPageSize ?? (limit === undefined ? options.pageSize : Math.min(options.pageSize, limit));
	const fetchPage = async (page: number) => {
		const response = await caller.request({
			method: 'GET',
			path: spec.path,
			qs: { ...qs, ...pageQuery(spec, page, pageSizeOf(spec, pageSize)) },
			headers: options.headers,
		});
		return { rows: recordsOf(spec, response.body), pagination: response.body?.pagination as IDataObject | undefined };
	};
	await readPagesInOrder(fetchPage, { pageSize, limit, onPage: keep });
	return records;
}

/**
 * One record on its own path: `/PurchaseOrders/<id>`, or `/PurchaseOrders/<number>` where the list takes no `where`
 * (spec.noWhere). A 404 is "not there". A number is one path segment the transport encodes; `.` and `..` are none.
 */
async function readAtPath(caller: XeroTransport, spec: XeroResourceSpec, value: string): Promise<IDataObject | undefined> {
	if (!isXeroId(value) && (value === '' || value === '.' || value === '..')) return undefined;
	const where = isXeroId(value) ? { path: recordPath(spec.path, spec.idField, value) } : { path: spec.path, numberSegment: value };
	const found = await attempt(async () => await caller.request({ method: 'GET', ...where }));
	if (found.ok) return recordsOf(spec, found.value.body)[0];
	const error = found.error as { status?: unknown; httpCode?: unknown };
	if (Number(error.status ?? error.httpCode) === 404) return undefined;
	throw found.error;
}

/** Records read one by one on their paths (IDs or numbers), each distinct value once; the limiter paces the calls. */
export async function readEachAtPath(caller: XeroTransport, spec: XeroResourceSpec, values: string[]): Promise<IDataObject[]> {
	const distinct = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
	const found = await Promise.all(distinct.map(async (value) => await readAtPath(caller, spec, value)));
	const seen = new Set<string>();
	return found.filter((record): record is IDataObject => {
		const id = record === undefined ? '' : String(record[spec.idField] ?? '');
		if (record === undefined || seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}

/**
 * One record by Xero ID, or by number/code (organisations: contact number, then name). The number path uses a
 * filtered list read because Xero's by-number URLs differ per collection and are not all documented.
 */
export async function readOne(
	caller: XeroTransport,
	spec: XeroResourceSpec,
	idOrNumber: string,
): Promise<IDataObject | undefined> {
	const value = idOrNumber.trim();
	if (isXeroId(value) || (spec.noWhere && spec.numberParameter === undefined)) return await readAtPath(caller, spec, value);
	const clauses = [equalsString(spec.numberField, value)];
	if (spec.nameField) clauses.push(equalsString(spec.nameField, value));
	// A list that takes no `where` has its own parameter for one number (Quotes: QuoteNumber=).
	const qs: IDataObject =
		spec.noWhere && spec.numberParameter ? { [spec.numberParameter]: value } : { where: anyOf(clauses) };
	if (spec.supportsArchived) qs.includeArchived = true;
	const found = await readList(caller, spec, qs, { pageSize: 100, limit: 100 });
	const lower = value.toLowerCase();
	return (
		found.find((r) => String(r[spec.numberField] ?? '').toLowerCase() === lower) ??
		found.find((r) => spec.nameField !== undefined && String(r[spec.nameField] ?? '').toLowerCase() === lower)
	);
}
