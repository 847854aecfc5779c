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
		const raw = options.rawOutput === true;
		// Records handed over before a read failed still go out, ahead of the failure that ended it.
		let delivered = 0;
		const deliver = (records: IDataObject[]) => {
			for (const record of records) {
				out.push({ json: raw ? record : normaliseXeroRecord(record), pairedItem: { item: i } });
			}
			delivered += records.length;
		};
		try {
			if (mode === 'one') {
				const wanted = String(this.getNodeParameter('recordId', i, '')).trim();
				const found = wanted === '' ? undefined : await readOne(caller, spec, wanted);
				if (!found) {
					const message = `No ${spec.label.toLowerCase()} with ${spec.idField} or ${spec.numberLabel} "${wanted}" in Xero. Check the value, or the Xero Organisation chosen.`;
					out.push(failed(i, message, 'NOT_FOUND'));
					continue;
				}
				deliver([found]);
			} else {
				const filters = this.getNodeParameter('filters', i, {}) as ListFilters;
				if (mode === 'changedSince') {
					await readChanged(this, caller, spec, connection, filters, options, deliver);
				} else {
					const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
					const limit = returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number);
					await readList(caller, spec, listQuery(spec, filters, this.getTimezone()), {
						pageSize: clampPageSize(options.pageSize),
						limit,
						onPage: deliver,
					});
				}
			}
		} catch (error) {
			const facts = errorFacts(error);
			const after =
				delivered === 0
					? ''
					: ` after ${delivered} ${spec.plural.toLowerCase()} (those went out on the main output, in order; ${
							mode === 'changedSince'
								? 'the next run continues after them'
								: 'a new run reads the list from the start'
						})`;
			out.push(failed(i, `Reading ${spec.plural.toLowerCase()} from Xero failed${after}: ${facts.message}`, facts.code));
		}
	}
	return out;
}
