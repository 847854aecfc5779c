import type { IDataObject } from 'n8n-workflow';
import type { ConflictPolicy, SyncDecision } from '../../shared/conflictPolicy';
import { decideSync } from '../../shared/conflictPolicy';
import { payloadHash, storedHashOf, xeroHash } from '../../shared/xero/linkHash';
import type { XeroResourceSpec } from '../../shared/xero/resources';

/**
 * The Conflict Policy of Send (docs/ARCHITECTURE.md, "Conflicts"): the item carries the hash stored with its link at
 * the last sync (cf_xero_sync_hash); the payload's hash says whether the CRM changed since, the matched Xero record's
 * hash (cut to the payload's fields) whether Xero did (nodes/shared/xero/linkHash.ts).
 */

/** What the item brought for the comparison: the hash stored with the link and when the CRM record last changed. */
export interface SyncState {
	storedHash?: string;
	modified?: string;
}

export function syncStateOf(json: IDataObject, hashField: string): SyncState {
	const modified = json.modifiedtime;
	return {
		storedHash: storedHashOf(json, hashField),
		modified: typeof modified === 'string' ? modified : undefined,
	};
}

/** The decision for an update whose payload differs from Xero's copy. */
export function decideUpdate(
	spec: XeroResourceSpec,
	policy: ConflictPolicy,
	state: SyncState | undefined,
	payload: IDataObject,
	stored: IDataObject,
): SyncDecision {
	return decideSync({
		policy,
		source: 'crm',
		storedHash: state?.storedHash,
		sourceHash: payloadHash(spec, payload),
		targetHash: xeroHash(spec, stored, payload),
		sourceModified: state?.modified,
		targetModified: typeof stored.UpdatedDateUTC === 'string' ? stored.UpdatedDateUTC : undefined,
	});
}
