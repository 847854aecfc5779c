import type { IDataObject } from 'n8n-workflow';

/**
 * The CRM record an input item came from. Read from `crmId` (what our CRM Record node and the mapping emit), else
 * from `id` (a raw vtiger record such as "7x123"). Xero's own shape never has an `id` field, so this cannot pick up
 * a Xero ID by mistake.
 */
export function readCrmId(json: IDataObject): string | undefined {
	for (const key of ['crmId', 'id']) {
		const value = json[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	}
	return undefined;
}

/** A suffix that stays unique per CRM record and short enough for Xero's 50-character codes and names. */
export function crmSuffix(crmId: string): string {
	return crmId.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20);
}
