import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { instantIn, toHttpDate } from '../../../shared/dates';
import { failedItem } from '../../../shared/syncLog';
import type { ChangeCursorState, ChangePageReader } from '../../../shared/xero/changeCursor';
import {
	advanceCursor,
	isChangeCursorState,
	queryKey,
	readChanges,
	startCursor,
	unprocessedChanges,
	updatedMs,
	windowStartMs,
} from '../../../shared/xero/changeCursor';
import { normaliseXeroRecord } from '../../../shared/xero/normalise';
import { encoderSafeWhere } from '../../../shared/xero/where';
import type { XeroResource, XeroResourceSpec } from '../../../shared/xero/resources';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { readCrmId } from '../../helpers/crmId';
import { errorFacts } from '../../helpers/errorFacts';
import type { ListFilters } from '../../helpers/listQuery';
import { listQuery } from '../../helpers/listQuery';
import { clampPageSize } from '../../helpers/paging';
import type { OpenedXeroConnection } from './connection';
import { openConnection } from './connection';
import type { XeroCaller } from './readRecords';
import { readList, readOne } from './readRecords';

/** Cursors of "Changed since the last run", one per query (see cursorKey), kept in the node's static data. */
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
 * "Changed since the last run". The cursor is keyed by everything that defines the query (resource, organisation,
 * filters, start date), so input items with different filters never move each other's cursor; it is stored only
 * after every page was read, so a failed run leaves it where it was. See shared/xero/changeCursor for the reading.
 */
async function readChanged(
	ctx: IExecuteFunctions,
	caller: XeroCaller,
	spec: XeroResourceSpec,
	connection: OpenedXeroConnection,
	filters: ListFilters,
	options: IDataObject,
): Promise<IDataObject[]> {
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
	const pageSize = clampPageSize(options.pageSize);
	const read: ChangePageReader = async (ifModifiedSince, page) => {
		const headers = ifModifiedSince ? { 'If-Modified-Since': toHttpDate(ifModifiedSince) } : undefined;
		const response = await caller.request({
			method: 'GET',
			path: spec.path,
			qs: spec.paged ? { ...qs, page, pageSize } : qs,
			headers,
		});
		const list = response.body?.[spec.collection];
		const rows = Array.isArray(list) ? (list as IDataObject[]) : [];
		// Xero may serve fewer per page than asked; its own page size is what a full page means.
		const served = Number((response.body?.pagination as IDataObject | undefined)?.pageSize);
		return { rows, full: rows.length >= (Number.isFinite(served) && served > 0 ? served : pageSize) };
	};
	const { records, holdMs } = await readChanges(read, windowStartMs(state, lookbackMs), {
		idField: spec.idField,
		paged: spec.paged,
	});
	const changed = records.map((record) => ({ id: String(record[spec.idField] ?? ''), updatedMs: updatedMs(record), record }));
	const fresh = unprocessedChanges(state, changed.filter((c) => Number.isFinite(c.updatedMs)), lookbackMs);
	const untracked = changed.filter((c) => !Number.isFinite(c.updatedMs)).map((c) => c.record);
	cursors[key] = { ...advanceCursor(state, fresh, holdMs, lookbackMs), usedAt: Date.now() };
	const kept = Object.entries(cursors).sort((a, b) => b[1].usedAt - a[1].usedAt).slice(0, MAX_CURSORS);
	staticData[CURSORS] = Object.fromEntries(kept) as unknown as IDataObject;
	delete staticData[legacy];
	return [...fresh.map((c) => c.record), ...untracked];
}

export async function executeGet(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	resource: XeroResource,
): Promise<INodeExecutionData[]> {
	const spec = XERO_RESOURCES[resource];
	const connection = openConnection(this);
	const { caller } = connection;
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const mode = this.getNodeParameter('getMode', i) as string;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		try {
			let records: IDataObject[];
			if (mode === 'one') {
				const wanted = String(this.getNodeParameter('recordId', i, '')).trim();
				const found = wanted === '' ? undefined : await readOne(caller, spec, wanted);
				if (!found) {
					out.push(
						failedItem(
							this.getNode(),
							{
								app: 'Xero',
								action: `Get ${spec.plural}`,
								flow: 'Xero → CRM',
								crmId: readCrmId(items[i].json),
								message: `No ${spec.label.toLowerCase()} with ${spec.idField} or ${spec.numberLabel} "${wanted}" in Xero. Check the value, or the Xero Organisation chosen.`,
								code: 'NOT_FOUND',
							},
							i,
						),
					);
					continue;
				}
				records = [found];
			} else {
				const filters = this.getNodeParameter('filters', i, {}) as ListFilters;
				if (mode === 'changedSince') {
					records = await readChanged(this, caller, spec, connection, filters, options);
				} else {
					const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
					const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
					records = await readList(caller, spec, listQuery(spec, filters, this.getTimezone()), {
						pageSize: clampPageSize(options.pageSize),
						limit,
					});
				}
			}
			const raw = options.rawOutput === true;
			for (const record of records) {
				out.push({ json: raw ? record : normaliseXeroRecord(record), pairedItem: { item: i } });
			}
		} catch (error) {
			const facts = errorFacts(error);
			out.push(
				failedItem(
					this.getNode(),
					{
						app: 'Xero',
						action: `Get ${spec.plural}`,
						flow: 'Xero → CRM',
						crmId: readCrmId(items[i].json),
						message: `Reading ${spec.plural.toLowerCase()} from Xero failed: ${facts.message}`,
						code: facts.code,
					},
					i,
				),
			);
		}
	}
	return out;
}
