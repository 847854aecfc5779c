import type { IDataObject } from 'n8n-workflow';
import { crmToXero, unresolvedMessage } from '../../shared/mapping';
import type { MappingOptionsInput } from '../../shared/mapping';
import { hasNeeds } from '../../shared/mapping/types';
import { XERO_RESOURCES, type XeroResource, type XeroResourceSpec } from '../../shared/xero/resources';

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

function settledRecord(spec: XeroResourceSpec, mapped: IDataObject, status: string, note: string | undefined): IDataObject {
	return {
		[spec.idField]: mapped[spec.idField],
		...(mapped[spec.numberField] ? { [spec.numberField]: mapped[spec.numberField] } : {}),
		Status: status,
		syncNote: note ?? `Not sent: the invoice is ${status} in Xero, where payments and voiding happen; it stays linked.`,
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
	// A resource's own mapping (credit notes from CRM invoices), else the module's for this resource.
	const result = target.map ? target.map(module, record, options) : crmToXero(module, record, options, target.resource);
	if (result.settled) {
		return { settled: settledRecord(XERO_RESOURCES[target.resource], result.record as IDataObject, result.settled, result.settledNote) };
	}
	if (result.errors.length > 0) throw new Error(result.errors.join(' '));
	if (hasNeeds(result.needs)) {
		throw new Error(
			`${unresolvedMessage(result.needs)} This node has no CRM connection: send records as the CRM Record node reads them (it attaches their references as $resolved), or use "Define Below".`,
		);
	}
	return { payload: result.record as IDataObject };
}
