import type { IDataObject } from 'n8n-workflow';
import { crmToXero, unresolvedMessage } from '../../shared/mapping';
import type { MappingOptionsInput } from '../../shared/mapping';
import { hasNeeds } from '../../shared/mapping/types';
import type { XeroResource } from '../../shared/xero/resources';

/** CRM modules each resource can be sent from ("Input: CRM Record, Auto-Mapped"). */
export const CRM_MODULES: Record<XeroResource, string[]> = {
	organisation: ['Accounts', 'Contacts'],
	invoice: ['Invoice', 'Quotes', 'SalesOrder'],
	item: ['Products', 'Services'],
	account: ['XeroAccounts'],
};

/** Override pairs from the UI ({path, value}) as the mapping's dotted-path overrides; an empty path is ignored. */
export function overridesFrom(pairs: IDataObject[] | undefined): Record<string, unknown> {
	const overrides: Record<string, unknown> = {};
	for (const pair of pairs ?? []) {
		const path = String(pair.path ?? '').trim();
		if (path !== '') overrides[path] = pair.value;
	}
	return overrides;
}

/** Thrown for a CRM invoice Xero has paid or voided: the item succeeds as "Skipped", nothing is sent. */
export class AlreadySettled extends Error {
	readonly record: IDataObject;

	constructor(mapped: IDataObject, status: string) {
		super(`already ${status} in Xero`);
		this.record = {
			InvoiceID: mapped.InvoiceID,
			...(mapped.InvoiceNumber ? { InvoiceNumber: mapped.InvoiceNumber } : {}),
			Status: status,
			syncNote: `Not sent: the invoice is ${status} in Xero, where payments and voiding happen; it stays linked.`,
		};
	}
}

/**
 * Maps one CRM record with the shared mapping. A record the mapping rejects, or one whose CRM references are not
 * resolved (this node has no CRM connection to resolve them), throws with the mapping's own message.
 */
export function payloadFromCrmRecord(
	resource: XeroResource,
	module: string,
	record: IDataObject,
	options: MappingOptionsInput,
): IDataObject {
	if (!CRM_MODULES[resource].includes(module) && !(resource === 'account' && module === options.accountModule)) {
		throw new Error(`CRM module "${module}" does not map to a Xero ${resource}; use ${CRM_MODULES[resource].join(' or ')}`);
	}
	const result = crmToXero(module, record, options);
	if (result.settled) throw new AlreadySettled(result.record as IDataObject, result.settled);
	if (result.errors.length > 0) throw new Error(result.errors.join(' '));
	if (hasNeeds(result.needs)) {
		throw new Error(
			`${unresolvedMessage(result.needs)} This node has no CRM connection: send records as the CRM Record node reads them (it attaches their references as $resolved), or use "Define Below".`,
		);
	}
	return result.record as IDataObject;
}
