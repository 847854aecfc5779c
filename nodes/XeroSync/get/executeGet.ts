import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failedItem } from '../../shared/syncLog';
import { normaliseXeroRecord } from '../../shared/xero/normalise';
import type { XeroResource } from '../../shared/xero/resources';
import { XERO_RESOURCES } from '../../shared/xero/resources';
import { openConnection } from '../actions/common/connection';
import { readCrmId } from '../helpers/crmId';
import { errorFacts } from '../helpers/errorFacts';
import { readChanged } from './changedSince';
import type { ListFilters } from './listQuery';
import { listQuery } from './listQuery';
import { clampPageSize } from './paging';
import { readList, readOne } from './reads';

/**
 * Get, for every input item: one record (by Xero ID or number), a filtered list, or the records changed since the
 * last run. A failed item becomes a sync-log entry on the error output; the others still run.
 */
export async function executeGet(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	resource: XeroResource,
): Promise<INodeExecutionData[]> {
	const spec = XERO_RESOURCES[resource];
	const connection = openConnection(this);
	const { caller } = connection;
	const out: INodeExecutionData[] = [];
	// The item's sync-log entry: every Get failure names the same action and flow.
	const failed = (i: number, message: string, code: string) =>
		failedItem(
			this.getNode(),
			{ app: 'Xero', action: `Get ${spec.plural}`, flow: 'Xero → CRM', crmId: readCrmId(items[i].json), message, code },
			i,
		);
	for (let i = 0; i < items.length; i++) {
		const mode = this.getNodeParameter('getMode', i) as string;
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		try {
			let records: IDataObject[];
			if (mode === 'one') {
				const wanted = String(this.getNodeParameter('recordId', i, '')).trim();
				const found = wanted === '' ? undefined : await readOne(caller, spec, wanted);
				if (!found) {
					const message = `No ${spec.label.toLowerCase()} with ${spec.idField} or ${spec.numberLabel} "${wanted}" in Xero. Check the value, or the Xero Organisation chosen.`;
					out.push(failed(i, message, 'NOT_FOUND'));
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
			out.push(failed(i, `Reading ${spec.plural.toLowerCase()} from Xero failed: ${facts.message}`, facts.code));
		}
	}
	return out;
}
