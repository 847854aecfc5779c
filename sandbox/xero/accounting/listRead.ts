import type { AccountingCall, RouteResult } from '../http/types';
import type { Collection, Tenant } from '../store/tenant';
import type { Json } from '../types';
import { ok } from './envelope';
import { highVolumeException, queryParseException } from './errorShapes';
import { parseListQuery, runListQuery, type ListQuery, type ListSpec } from './listQuery';
import { WhereSyntaxError } from './where';
import { whereIndexHint } from './whereIndex';

export interface Paging {
	/** Xero pages this resource (page/pageSize) */
	paged: boolean;
	defaultPageSize: number;
	maxPageSize: number;
}

const NO_PAGING: Paging = { paged: false, defaultPageSize: 0, maxPageSize: 0 };
export const PAGED: Paging = { paged: true, defaultPageSize: 100, maxPageSize: 1000 };

interface CacheEntry {
	version: number;
	results: Map<string, Json[]>;
}

// A benchmark reads 100,000 records a page at a time; filtering and sorting them once per change, not per page,
// keeps the sandbox from being the bottleneck it measures.
const cache = new WeakMap<Tenant, Map<Collection, CacheEntry>>();

function cached(tenant: Tenant, collection: Collection, key: string, compute: () => Json[]): Json[] {
	let perTenant = cache.get(tenant);
	if (!perTenant) {
		perTenant = new Map();
		cache.set(tenant, perTenant);
	}
	let entry = perTenant.get(collection);
	if (!entry || entry.version !== tenant.version) {
		entry = { version: tenant.version, results: new Map() };
		perTenant.set(collection, entry);
	}
	let found = entry.results.get(key);
	if (!found) {
		found = compute();
		if (entry.results.size > 50) entry.results.clear();
		entry.results.set(key, found);
	}
	return found;
}

/**
 * On a high-volume organisation Xero refused a where of 20 ORed ContactNumber comparisons (XeroAPI/xero-python#148)
 * and a three-way OR on contact flags (XeroAPI/Xero-NetStandard#604); it documents no number. The sandbox refuses
 * more than five ORed comparisons there, so a client must size its lookups small or split them when refused.
 */
export const MAX_HIGH_VOLUME_OR = 5;

/** How many comparisons a where ORs together: OR and || outside string literals, plus one. */
export function orComparisons(where: string): number {
	const code = where.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, '""');
	return (code.match(/\|\||\bor\b/gi) ?? []).length + 1;
}

export interface ListRead {
	key: string;
	collection: Collection;
	spec: ListSpec;
	paging?: Paging;
	render: (tenant: Tenant, record: Json, withLineItems: boolean) => Json;
	/** invoices leave line items out of unpaged lists */
	lineItemsOnlyWhenPaged?: boolean;
}

function intParam(value: string | null): number | undefined {
	if (value === null || value === '') return undefined;
	const parsed = Number(value);
	return Number.isInteger(parsed) ? parsed : undefined;
}

/**
 * The records a query can match: for a `where` that names its values (Name=="A" OR Name=="B"), those holding them,
 * from an index, as Xero's own database finds them; otherwise all. runListQuery still applies the whole query.
 */
function candidates(tenant: Tenant, read: ListRead, query: ListQuery): Iterable<Json> {
	const all = tenant.records[read.collection].values();
	const hint = query.where ? whereIndexHint(query.where) : undefined;
	const valueOf = hint ? read.spec.indexValue?.(hint.path) : undefined;
	if (!hint || !valueOf) return all;
	return tenant.lookup(read.collection, hint.path.join('.'), valueOf, hint.values);
}

export function listRead(call: AccountingCall, read: ListRead, ifModifiedSince: number | undefined): RouteResult {
	const query: ListQuery = parseListQuery(call.query, ifModifiedSince);
	if (query.where && call.tenant.records[read.collection].size > call.highVolumeThreshold && orComparisons(query.where) > MAX_HIGH_VOLUME_OR) {
		return { status: 400, json: highVolumeException(read.key) };
	}
	let records: Json[];
	try {
		records = cached(call.tenant, read.collection, JSON.stringify(query), () => runListQuery(candidates(call.tenant, read, query), query, read.spec));
	} catch (error) {
		const message = error instanceof WhereSyntaxError || error instanceof Error ? error.message : String(error);
		return { status: 400, json: queryParseException(message) };
	}
	const paging = read.paging ?? NO_PAGING;
	const page = paging.paged ? intParam(call.query.get('page')) : undefined;
	const pageSizeAsked = paging.paged ? intParam(call.query.get('pageSize')) : undefined;
	const isPaged = page !== undefined || pageSizeAsked !== undefined;
	let pageRecords = records;
	let extra: Json = {};
	if (isPaged) {
		const size = Math.min(Math.max(pageSizeAsked ?? paging.defaultPageSize, 1), paging.maxPageSize);
		const number = Math.max(page ?? 1, 1);
		pageRecords = records.slice((number - 1) * size, number * size);
		extra = {
			pagination: { page: number, pageSize: size, pageCount: Math.ceil(records.length / size), itemCount: records.length },
		};
	}
	const withLineItems = !read.lineItemsOnlyWhenPaged || isPaged;
	const summaryOnly = (call.query.get('summaryOnly') ?? '').toLowerCase() === 'true';
	const out = pageRecords.map((record) => {
		const rendered = read.render(call.tenant, record, withLineItems && !summaryOnly);
		return rendered;
	});
	return ok(call.providerName, call.now, read.key, out, extra);
}
