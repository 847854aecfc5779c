import type { IDataObject } from 'n8n-workflow';
import { projectLike, syncHash } from '../syncHash';
import type { XeroResourceSpec } from './resources';
import { storageOf } from './storage';

/**
 * The two hashes of one linked record that the Conflict Policy compares with the hash stored at the last sync
 * (docs/ARCHITECTURE.md, "Conflicts"). Both directions take them over the same thing, the CRM record in Xero's shape
 * (the payload CRM → Xero sends): Xero Sync from the payload it is about to send, CRM Record from the matched CRM
 * record mapped the same way. So a hash stored by one direction means the same to the other. The Xero ID is left
 * out: a record's first payload has none.
 */

export const DEFAULT_SYNC_HASH_FIELD = 'cf_xero_sync_hash';

function withoutId(spec: XeroResourceSpec, payload: IDataObject): IDataObject {
	const rest = { ...payload };
	delete rest[spec.idField];
	return rest;
}

/** The CRM side's hash: its record in Xero's shape. */
export function payloadHash(spec: XeroResourceSpec, payload: IDataObject): string {
	return syncHash(withoutId(spec, payload), storageOf(spec));
}

/** Xero's side's hash: its record cut to the fields the CRM's payload carries. */
export function xeroHash(spec: XeroResourceSpec, stored: IDataObject, payload: IDataObject): string {
	const rules = storageOf(spec);
	return syncHash(projectLike(stored, withoutId(spec, payload), rules), rules);
}

/** The hash a record's item carries from its CRM record ('' or absent: never synced with a policy). */
export function storedHashOf(json: IDataObject, hashField: string): string | undefined {
	const stored = json[hashField];
	return typeof stored === 'string' && stored.trim() !== '' ? stored.trim() : undefined;
}
