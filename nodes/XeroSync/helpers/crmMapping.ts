import type { IDataObject } from 'n8n-workflow';
import { crmToXero, unresolvedMessage } from '../../shared/mapping';
import type { MappingOptionsInput } from '../../shared/mapping';
import { hasNeeds } from '../../shared/mapping/types';
import type { XeroResource } from '../../shared/xero/resources';

/** Override pairs from the UI ({path, value}) as the mapping's dotted-path overrides; an empty path is ignored. */
export function overridesFrom(pairs: IDataObject[] | undefined): Record<string, unknown> {
	const overrides: Record<string, unknown> = {};
	for (const pair of pairs ?? []) {
		const path = String(pair.path ?? '').trim();
		if (path !== '') overrides[path] = pair.value;
	}
	return overrides;
}

/** A mapped record to send, or a CRM invoice Xero has paid or voided: that item succeeds as "Skipped", nothing is sent. */
export type MappedRecord = { payload: IDataObject } | { settled: IDataObject };

function settledRecord(mapped: IDataObject, status: string): IDataObject {
	return {
		InvoiceID: mapped.InvoiceID,
		...(mapped.InvoiceNumber ? { InvoiceNumber: mapped.InvoiceNumber } : {}),
		Status: status,
		syncNote: `Not sent: the invoice is ${status} in Xero, where payments and voiding happen; it stays linked.`,
	};
}

/**
 * Maps one CRM record with the shared mapping. A record the mapping rejects, or one whose CRM references are not
 * resolved (this node has no CRM connection to resolve them), throws with the mapping's own message. `moduleFromOptions`
 * is a module the mapping options name for the resource (accounts' own module).
 */
export function payloadFromCrmRecord(
	target: { resource: XeroResource; modules: string[]; moduleFromOptions?: string; map?: typeof crmToXero },
	module: string,
	record: IDataObject,
	options: MappingOptionsInput,
): MappedRecord {
	if (!target.modules.includes(module) && module !== target.moduleFromOptions) {
		throw new Error(`CRM module "${module}" does not map to a Xero ${target.resource}; use ${target.modules.join(' or ')}`);
	}
	const result = (target.map ?? crmToXero)(module, record, options);
	if (result.settled) return { settled: settledRecord(result.record as IDataObject, result.settled) };
	if (result.errors.length > 0) throw new Error(result.errors.join(' '));
	if (hasNeeds(result.needs)) {
		throw new Error(
			`${unresolvedMessage(result.needs)} This node has no CRM connection: send records as the CRM Record node reads them (it attaches their references as $resolved), or use "Define Below".`,
		);
	}
	return { payload: result.record as IDataObject };
}
