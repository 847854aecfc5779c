import type { IDataObject } from 'n8n-workflow';

import { attempt } from '../../shared/attempt';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { isXeroId } from '../../shared/xero/resources';
import { recordPath } from '../../shared/xero/recordPath';
import { anyOf, encoderSafeWhere, equalsString } from '../../shared/xero/where';
import type { XeroTransport } from '../../shared/xero/transport';
import { hasMorePages } from './paging';

function recordsOf(spec: XeroResourceSpec, body: IDataObject | undefined): IDataObject[] {
	const list = body?.[spec.collection];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

export interface ReadOptions {
	pageSize: number;
	limit?: number;
	headers?: Record<string, string>;
}

/**
 * Reads a list. Paged collections go page by page with a fixed pageSize (changing it between pages would skip
 * records) and stop without an empty-page call; Items and Accounts come back whole in one call.
 */
export async function readList(
	caller: XeroTransport,
	spec: XeroResourceSpec,
	qs: IDataObject,
	options: ReadOptions,
): Promise<IDataObject[]> {
	const limit = options.limit;
	if (typeof qs.where === 'string') qs = { ...qs, where: encoderSafeWhere(qs.where) ?? qs.where };
	if (!spec.paged) {
		const response = await caller.request({ method: 'GET', path: spec.path, qs, headers: options.headers });
		const all = recordsOf(spec, response.body);
		return limit === undefined ? all : all.slice(0, limit);
	}
	const pageSize = limit === undefined ? options.pageSize : Math.min(options.pageSize, limit);
	const records: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const response = await caller.request({
			method: 'GET',
			path: spec.path,
			qs: { ...qs, page, pageSize },
			headers: options.headers,
		});
		const received = recordsOf(spec, response.body);
		records.push(...received);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		const pagination = response.body?.pagination as IDataObject | undefined;
		// Xero may serve fewer per page than asked; its own page size is what a full page means.
		const served = Number(pagination?.pageSize);
		const fullPage = Number.isFinite(served) && served > 0 ? served : pageSize;
		if (!hasMorePages(page, fullPage, received.length, pagination)) return records;
	}
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
	if (isXeroId(value)) {
		const found = await attempt(
			async () => await caller.request({ method: 'GET', path: recordPath(spec.path, spec.idField, value) }),
		);
		if (found.ok) return recordsOf(spec, found.value.body)[0];
		const error = found.error as { status?: unknown; httpCode?: unknown };
		if (Number(error.status ?? error.httpCode) === 404) return undefined;
		throw found.error;
	}
	const clauses = [equalsString(spec.numberField, value)];
	if (spec.nameField) clauses.push(equalsString(spec.nameField, value));
	const qs: IDataObject = { where: anyOf(clauses) };
	if (spec.supportsArchived) qs.includeArchived = true;
	const found = await readList(caller, spec, qs, { pageSize: 100, limit: 100 });
	const lower = value.toLowerCase();
	return (
		found.find((r) => String(r[spec.numberField] ?? '').toLowerCase() === lower) ??
		found.find((r) => spec.nameField !== undefined && String(r[spec.nameField] ?? '').toLowerCase() === lower)
	);
}
