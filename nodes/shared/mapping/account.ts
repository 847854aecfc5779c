import { linkedCrmResult } from './linkedResult';
import { linkFieldOf, type MappingOptions } from './options';
import { applyOverrides, compact } from './overrides';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroToCrmResult } from './types';
import { isCrmId, text } from './vtigerValues';

/**
 * Xero's chart of accounts ↔ the CRM module that lists them (Simply CRM's "Xero Accounts": name, account code, type,
 * tax type, class, status, description). Products point at these accounts by code.
 */

export function xeroAccountToCrm(account: XeroRecord, options: MappingOptions): XeroToCrmResult {
	const names = options.accountFields;
	const xeroId = text(account.AccountID) || null;
	const code = text(account.Code);
	const errors: string[] = [];
	if (!text(account.Name)) errors.push(`Xero account ${code || xeroId || '(no AccountID)'} has no Name.`);
	const fields: CrmRecord = {
		[names.name]: text(account.Name),
		[names.code]: code,
		[names.type]: text(account.Type),
		[names.taxType]: text(account.TaxType),
		[names.accountClass]: text(account.Class),
		[names.status]: text(account.Status),
		[names.description]: text(account.Description),
	};
	delete fields[''];
	const link = linkFieldOf(options, options.accountModule);
	return linkedCrmResult(options.accountModule, fields, { xeroId, link, key: { field: names.code, value: code } }, options, { errors });
}

/** Class is left out: Xero derives it from Type and rejects it on write. */
export function crmAccountToXero(record: CrmRecord, options: MappingOptions): CrmToXeroResult {
	const names = options.accountFields;
	const read = (field: string): string => (field ? text(record[field]) : '');
	const crmId = isCrmId(record.id) ? record.id : null;
	const errors: string[] = [];
	const label = `CRM ${options.accountModule} record ${crmId ?? '(new)'}`;
	if (!read(names.name)) errors.push(`${label} has no ${names.name}; Xero accounts need a Name.`);
	if (!read(names.code)) errors.push(`${label} has no ${names.code}; Xero accounts need a Code.`);
	if (!read(names.type)) errors.push(`${label} has no ${names.type}; Xero accounts need a Type.`);
	const xero = compact({
		AccountID: read(linkFieldOf(options, options.accountModule)),
		Code: read(names.code),
		Name: read(names.name),
		Type: read(names.type),
		TaxType: read(names.taxType),
		Status: read(names.status),
		Description: read(names.description),
	});
	return {
		resource: 'account',
		record: applyOverrides(xero, options.overrides),
		crmId,
		needs: { crmIds: [], lookups: [] },
		errors,
		warnings: [],
	};
}
