import { parseMsDate, parseRequestDate } from '../dates';
import type { AccountingCall, RouteResult } from '../http/types';
import type { Json } from '../types';
import { notFound, ok } from './envelope';
import { queryParseException } from './errorShapes';
import { orderBy } from './listQuery';
import { PAGED } from './listRead';
import { renderPurchaseOrder } from './purchaseOrders';
import { WhereSyntaxError } from './where';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function boundOf(call: AccountingCall, name: string): number | undefined | 'bad' {
	const value = call.query.get(name);
	if (value === null || value === '') return undefined;
	return parseRequestDate(value) ?? 'bad';
}

/**
 * GET /PurchaseOrders: getPurchaseOrders' parameters only (Status, DateFrom/DateTo on the order's Date, order, page,
 * pageSize, If-Modified-Since); Xero offers no `where` here. Line items come on every order of a page.
 */
export function purchaseOrderList(call: AccountingCall, ifModifiedSince: number | undefined): RouteResult {
	const from = boundOf(call, 'DateFrom');
	const to = boundOf(call, 'DateTo');
	for (const [name, value] of [['DateFrom', from], ['DateTo', to]] as const) {
		if (value === 'bad') return { status: 400, json: queryParseException(`${name} ${call.query.get(name)} is not a date (yyyy-mm-dd).`) };
	}
	const status = call.query.get('Status')?.toUpperCase();
	const matches = [...call.tenant.records.purchaseOrders.values()].filter((order) => {
		const date = parseMsDate(String(order.Date)) ?? 0;
		const updated = parseMsDate(String(order.UpdatedDateUTC)) ?? 0;
		return (
			(!status || order.Status === status) &&
			(typeof from !== 'number' || date >= from) &&
			(typeof to !== 'number' || date <= to) &&
			(ifModifiedSince === undefined || updated >= ifModifiedSince)
		);
	});
	const order = call.query.get('order');
	if (order) {
		try {
			matches.sort(orderBy(order, (record) => renderPurchaseOrder(call.tenant, record), 'PurchaseOrder'));
		} catch (error) {
			return { status: 400, json: queryParseException(error instanceof WhereSyntaxError || error instanceof Error ? error.message : String(error)) };
		}
	}
	const page = Math.max(Number.parseInt(call.query.get('page') ?? '1', 10) || 1, 1);
	const asked = Number.parseInt(call.query.get('pageSize') ?? '', 10);
	const size = Math.min(Math.max(Number.isFinite(asked) ? asked : PAGED.defaultPageSize, 1), PAGED.maxPageSize);
	const slice = matches.slice((page - 1) * size, page * size);
	const pagination = { page, pageSize: size, pageCount: Math.ceil(matches.length / size), itemCount: matches.length };
	return ok(call.providerName, call.now, 'PurchaseOrders', slice.map((record) => renderPurchaseOrder(call.tenant, record)), { pagination });
}

/** GET /PurchaseOrders/{PurchaseOrderID}, or by PurchaseOrderNumber on the same path (getPurchaseOrderByNumber). */
export function purchaseOrderAt(call: AccountingCall): Json | undefined {
	const id = UUID.test(call.params.id) ? call.params.id.toLowerCase() : call.tenant.idOf(call.params.id.toLowerCase(), 'purchaseOrderNumber');
	return id ? call.tenant.records.purchaseOrders.get(id) : undefined;
}

export function purchaseOrderOne(call: AccountingCall): RouteResult {
	const record = purchaseOrderAt(call);
	if (!record) return notFound();
	return ok(call.providerName, call.now, 'PurchaseOrders', [renderPurchaseOrder(call.tenant, record)]);
}
