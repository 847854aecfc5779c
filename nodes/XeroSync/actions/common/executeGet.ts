import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { instantIn, toHttpDate } from '../../../shared/dates';
import { failedItem } from '../../../shared/syncLog';
import { normaliseXeroRecord } from '../../../shared/xero/normalise';
import type { XeroResource, XeroResourceSpec } from '../../../shared/xero/resources';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { parseXeroDate } from '../../../shared/dates';
import type { ChangedRecord } from '../../helpers/changeCursor';
import { applyChanges, changesSince, cursorKey, readCursor } from '../../helpers/changeCursor';
import { readCrmId } from '../../helpers/crmId';
import { errorFacts } from '../../helpers/errorFacts';
import type { ListFilters } from '../../helpers/listQuery';
import { listQuery } from '../../helpers/listQuery';
import { clampPageSize } from '../../helpers/paging';
import type { XeroConnection } from './connection';
import { openConnection } from './connection';
import type { XeroCaller } from './readRecords';
import { readList, readOne } from './readRecords';

function updatedIso(record: IDataObject): string | undefined {
	const value = record.UpdatedDateUTC;
	if (typeof value !== 'string') return undefined;
	return parseXeroDate(value) ?? (Number.isNaN(Date.parse(value)) ? undefined : value);
}

/**
 * "Changed since the last run": the cursor is stored only after every page was read, so a failed run leaves it
 * where it was and the next run asks again from there.
 */
async function readChanged(
	ctx: IExecuteFunctions,
	caller: XeroCaller,
	spec: XeroResourceSpec,
	connection: XeroConnection,
	filters: ListFilters,
	options: IDataObject,
): Promise<IDataObject[]> {
	const staticData = ctx.getWorkflowStaticData('node');
	const key = cursorKey(spec.resource, connection.tenantId);
	const state = readCursor(staticData[key]);
	const overlap = Math.max(0, Number(options.overlapSeconds ?? 300));
	const startMs = instantIn(options.startFrom, ctx.getTimezone());
	const since = changesSince(state, overlap, startMs === undefined ? undefined : new Date(startMs).toISOString());
	const qs = listQuery(spec, { ...filters, order: undefined }, ctx.getTimezone());
	qs.order = 'UpdatedDateUTC ASC';
	const headers = since ? { 'If-Modified-Since': toHttpDate(since) } : undefined;
	const fetched = await readList(caller, spec, qs, { pageSize: clampPageSize(options.pageSize), headers });
	const changed: ChangedRecord[] = fetched.map((record) => ({
		id: String(record[spec.idField] ?? ''),
		updated: updatedIso(record),
		record,
	}));
	const { deliver, next } = applyChanges(state, changed, overlap);
	staticData[key] = next as unknown as IDataObject;
	return deliver;
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
