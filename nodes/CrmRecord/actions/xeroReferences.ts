import type { IDataObject } from 'n8n-workflow';

import { crmToXero, referencesFor, RESOLVED_KEY, xeroResourceOf } from '../../shared/mapping';
import type { VtigerClient, VtigerRecord } from '../transport';
import { crmFetcher } from './crmFetcher';

/**
 * The Xero Sync node has no CRM connection; it maps CRM records to Xero with the references they carry. Records of
 * a mapped module therefore leave this node with `$resolved`: the account, currency, products … their Xero mapping
 * needs, fetched for the whole batch at once.
 */
export async function attachXeroReferences(
	client: VtigerClient,
	module: string,
	records: VtigerRecord[],
	outputs: IDataObject[],
): Promise<void> {
	if (records.length === 0 || xeroResourceOf(module) === undefined) return;
	const references = await referencesFor(
		records,
		(record, resolved) => crmToXero(module, record, { resolved }),
		crmFetcher(client),
	);
	references.forEach((resolved, index) => {
		const empty = Object.keys(resolved.records ?? {}).length + Object.keys(resolved.found ?? {}).length === 0;
		if (!empty) outputs[index][RESOLVED_KEY] = resolved as unknown as IDataObject;
	});
}

export const xeroReferencesOption = {
	displayName: 'Attach References for Xero',
	name: 'xeroReferences',
	type: 'boolean' as const,
	default: true,
	description:
		'Whether to add the records a Xero mapping needs (account, currency, products …) as "$resolved", so a Xero Sync node can send these records without a CRM connection',
};
