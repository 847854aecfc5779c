import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { instantIn, toHttpDate } from '../../shared/dates';
import type { ChangeCursorState, ChangePageReader } from '../../shared/xero/changeCursor';
import {
	advanceCursor,
	isChangeCursorState,
	queryKey,
	readChangesUntilFailure,
	startCursor,
	unprocessedChanges,
	updatedMs,
	windowStartMs,
} from '../../shared/xero/changeCursor';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { encoderSafeWhere } from '../../shared/xero/where';
import type { XeroTransport } from '../../shared/xero/transport';
import type { OpenedXeroConnection } from '../actions/common/connection';
import type { ListFilters } from './listQuery';
import { listQuery } from './listQuery';
import { clampPageSize, pageQuery, pageSizeOf } from './paging';

/** Cursors of "Changed since the last run", one per query (see readChanged), kept in the node's static data. */
const CURSORS = 'changeCursors';
/** The cursor every query shared before they were keyed by their definition; adopted once, then dropped. */
const legacyKey = (resource: string, tenantId: string | undefined) => `changedSince:${resource}:${tenantId ?? 'custom-connection'}`;
/** Query definitions a workflow stops using would otherwise pile up in its static data. */
const MAX_CURSORS = 50;

interface StoredCursor extends ChangeCursorState {
	usedAt: number;
}

function legacyState(stored: unknown): ChangeCursorState | undefined {
	const value = stored as { cursor?: unknown; seen?: unknown } | undefined;
	if (typeof value?.cursor !== 'string' || !Number.isFinite(Date.parse(value.cursor))) return undefined;
	const processed: Record<string, number> = {};
	for (const [id, at] of Object.entries((value.seen ?? {}) as Record<string, string>)) {
		const ms = Date.parse(at);
		if (Number.isFinite(ms)) processed[id] = ms;
	}
	return { cursorMs: Date.parse(value.cursor), sinceMs: 0, processed };
}

/**
 * "Changed since the last run", handed to `deliver` oldest first. The cursor is keyed by everything that defines the
 * query (resource, organisation, filters, start date), so input items with different filters never move each
 * other's cursor. See shared/xero/changeCursor for the reading, which is sequential: each query starts where the
 * previous page ended, so its pages cannot be asked for in parallel the way a plain list's are.
 *
 * When a call fails after some pages, and the node continues on fail, the changes read before it are delivered and
 * the cursor moves over exactly those (never past a change not delivered), then the failure is thrown. When the
 * failure stops the workflow nothing reaches the next node, so the cursor stays where it was.
 */
export async function readChanged(
	ctx: IExecuteFunctions,
	caller: XeroTransport,
	spec: XeroResourceSpec,
	connection: OpenedXeroConnection,
	filters: ListFilters,
	options: IDataObject,
	deliver: (records: IDataObject[]) => void,
): Promise<void> {
	const qs = listQuery(spec, { ...filters, order: undefined }, ctx.getTimezone());
	qs.order = 'UpdatedDateUTC ASC';
	if (typeof qs.where === 'string') qs.where = encoderSafeWhere(qs.where) ?? qs.where;
	const lookbackMs = Math.max(0, Number(options.overlapSeconds ?? 300)) * 1000;
	const startMs = instantIn(options.startFrom, ctx.getTimezone());
	const tenant = connection.tenantId ?? 'custom-connection';
	const key = `${spec.resource}:${tenant}:${queryKey({ qs, startMs: startMs ?? null })}`;
	const staticData = ctx.getWorkflowStaticData('node');
	const cursors = (staticData[CURSORS] ?? {}) as Record<string, StoredCursor>;
	const legacy = legacyKey(spec.resource, connection.tenantId);
	const stored = cursors[key];
	const state: ChangeCursorState = isChangeCursorState(stored)
		? stored
		: (legacyState(staticData[legacy]) ?? startCursor(startMs ?? 0));
	const pageSize = pageSizeOf(spec, clampPageSize(options.pageSize));
	const read: ChangePageReader = async (ifModifiedSince, page) => {
		const headers = ifModifiedSince ? { 'If-Modified-Since': toHttpDate(ifModifiedSince) } : undefined;
		const response = await caller.request({
			method: 'GET',
			path: spec.path,
			qs: spec.paged ? { ...qs, ...pageQuery(spec, page, pageSize) } : qs,
			headers,
		});
		const list = response.body?.[spec.collection];
		const rows = Array.isArray(list) ? (list as IDataObject[]) : [];
		// Xero may serve fewer per page than asked; its own page size is what a full page means.
		const served = Number((response.body?.pagination as IDataObject | undefined)?.pageSize);
		return { rows, full: rows.length >= (Number.isFinite(served) && served > 0 ? served : pageSize) };
	};
	const outcome = await readChangesUntilFailure(read, windowStartMs(state, lookbackMs), {
		idField: spec.idField,
		paged: spec.paged,
	});
	const { records, holdMs, failure } = outcome;
	const failed = 'failure' in outcome;
	if (failed && (records.length === 0 || !ctx.continueOnFail())) throw failure;
	const changed = records.map((record) => ({ id: String(record[spec.idField] ?? ''), updatedMs: updatedMs(record), record }));
	const fresh = unprocessedChanges(state, changed.filter((c) => Number.isFinite(c.updatedMs)), lookbackMs);
	const untracked = changed.filter((c) => !Number.isFinite(c.updatedMs)).map((c) => c.record);
	cursors[key] = { ...advanceCursor(state, fresh, holdMs, lookbackMs), usedAt: Date.now() };
	const kept = Object.entries(cursors).sort((a, b) => b[1].usedAt - a[1].usedAt).slice(0, MAX_CURSORS);
	staticData[CURSORS] = Object.fromEntries(kept) as unknown as IDataObject;
	delete staticData[legacy];
	deliver([...fresh.map((c) => c.record), ...untracked]);
	if (failed) throw failure;
}
