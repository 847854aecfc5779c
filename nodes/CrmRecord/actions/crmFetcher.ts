import { attempt } from '../../shared/attempt';
import type { CrmFetcher, CrmRecord } from '../../shared/mapping';
import { collectPages } from '../helpers/paging';
import { withoutSecrets } from '../helpers/secrets';
import { vtqlName, vtqlString, withLimit } from '../helpers/vtql';
import { VtigerApiError, type VtigerClient } from '../transport';

/** Values per IN list: keeps the GET query string short and each page within vtiger's 100 rows. */
const IN_LIST_SIZE = 100;

/** Ids vtiger does not have (or the user may not see) are simply not returned; the mapping reports them. */
function isMissing(error: unknown): boolean {
	return error instanceof VtigerApiError && ['ACCESS_DENIED', 'INVALID_ID_ATTRIBUTE'].includes(error.code);
}

/** The package mapping's only I/O, over this node's vtiger session. */
export function crmFetcher(client: VtigerClient): CrmFetcher {
	return {
		async retrieve(ids: string[]): Promise<CrmRecord[]> {
			const records: CrmRecord[] = [];
			for (const id of ids) {
				const found = await attempt(async () => await client.retrieve(id));
				if (found.ok) records.push(withoutSecrets(found.value));
				else if (!isMissing(found.error)) throw found.error;
			}
			return records;
		},
		async findWhereIn(module: string, field: string, values: string[]): Promise<CrmRecord[]> {
			const usable = [...new Set(values.filter((value) => value.trim() !== ''))];
			const rows: CrmRecord[] = [];
			for (let start = 0; start < usable.length; start += IN_LIST_SIZE) {
				const chunk = usable.slice(start, start + IN_LIST_SIZE);
				const base = `SELECT * FROM ${vtqlName(module)} WHERE ${vtqlName(field)} IN (${chunk.map(vtqlString).join(', ')})`;
				const found = await attempt(async () => await collectPages((page) => client.query(withLimit(base, page.offset, page.count))));
				if (found.ok) rows.push(...found.value.map((row) => withoutSecrets(row)));
				// A custom field or module this CRM lacks means "nothing found", which the mapping words better.
				else if (!(found.error instanceof VtigerApiError) || found.error.code !== 'ACCESS_DENIED') throw found.error;
			}
			return rows;
		},
	};
}
