import type { IDataObject } from 'n8n-workflow';
import type { ConflictPolicy, SyncDecision } from '../../shared/conflictPolicy';
import { decideSync } from '../../shared/conflictPolicy';
import { projectLike, syncHash } from '../../shared/syncHash';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { XERO_STORAGE } from '../helpers/xeroStorage';

/**
 * The Conflict Policy of Send (docs/ARCHITECTURE.md, "Equal"): the item carries the hash stored with its link at the
 * last sync (cf_xero_sync_hash); the payload's hash says whether the CRM changed since, the matched Xero record's
 * hash (cut to the payload's fields) whether Xero did. The Xero ID is left out: a record's first payload has none.
 */

/** What the item brought for the comparison: the hash stored with the link and when the CRM record last changed. */
export interface SyncState {
	storedHash?: string;
	modified?: string;
}

export const DEFAULT_SYNC_HASH_FIELD = 'cf_xero_sync_hash';

function withoutId(spec: XeroResourceSpec, payload: IDataObject): IDataObject {
	const rest = { ...payload };
	delete rest[spec.idField];
	return rest;
}

export function payloadHash(spec: XeroResourceSpec, payload: IDataObject): string {
	return syncHash(withoutId(spec, payload), XERO_STORAGE);
}

export function xeroHash(spec: XeroResourceSpec, stored: IDataObject, payload: IDataObject): string {
	return syncHash(projectLike(stored, withoutId(spec, payload), XERO_STORAGE), XERO_STORAGE);
}

export function syncStateOf(json: IDataObject, hashField: string): SyncState {
	const stored = json[hashField];
	const modified = json.modifiedtime;
	return {
		storedHash: typeof stored === 'string' && stored.trim() !== '' ? stored.trim() : undefined,
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
