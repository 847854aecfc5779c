import type { CrmFetcher, CrmRecord } from '../../../nodes/shared/mapping';

/**
 * A CRM as a list of records with the two reads the mapping asks for, counting calls so tests can hold the batch
 * resolver to "one call per id list, one per module and field". The id prefix names the module, as in vtiger.
 */
export class MemoryCrm implements CrmFetcher {
	calls: string[] = [];

	constructor(readonly records: Array<CrmRecord & { id: string }>, readonly modulesByPrefix: Record<string, string>) {}

	async retrieve(ids: string[]): Promise<CrmRecord[]> {
		this.calls.push(`retrieve ${ids.join(',')}`);
		return this.records.filter((record) => ids.includes(record.id));
	}

	async findWhereIn(module: string, field: string, values: string[]): Promise<CrmRecord[]> {
		this.calls.push(`find ${module}.${field} in ${values.join(',')}`);
		const wanted = values.map((value) => value.toLowerCase());
		return this.records.filter(
			(record) => this.modulesByPrefix[record.id.split('x')[0]] === module && wanted.includes(String(record[field] ?? '').toLowerCase()),
		);
	}

	/** Its records by id: what storeAsVtiger names a stored line's product from. */
	byId(): Record<string, CrmRecord> {
		return Object.fromEntries(this.records.map((record) => [record.id, record]));
	}
}

export const PREFIXES: Record<string, string> = { '11': 'Accounts', '12': 'Contacts', '14': 'Products', '26': 'Services', '7': 'Invoice', '4': 'Quotes', '6': 'SalesOrder', '21': 'Currency', '42': 'XeroAccounts' };
