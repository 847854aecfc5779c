import type { IDataObject } from 'n8n-workflow';
import type { XeroTransport } from '../../shared/xero/transport';
import { changedInXero } from '../../shared/xero/storage';

/** What a previewed item would get; the same words as CRM Record's preview. */
export type PreviewAction = 'create' | 'update' | 'unchanged' | 'skip' | 'conflict' | 'fail';

export interface FieldChange {
	old: unknown;
	new: unknown;
}

/** Thrown instead of sending a write during a preview: a preview that reached a write call has a bug. */
export class PreviewWriteBlocked extends Error {
	constructor(method: string, path: string) {
		super(`Preview (No Writes) stopped a Xero ${method} ${path} call; nothing was written`);
		this.name = 'PreviewWriteBlocked';
	}
}

/** The transport a preview runs with: reads pass, any other method is refused before it is sent. */
export function readOnlyTransport(caller: XeroTransport): XeroTransport {
	return {
		organisation: caller.organisation,
		async request(request) {
			if (request.method !== 'GET') throw new PreviewWriteBlocked(request.method, request.path);
			return await caller.request(request);
		},
	};
}

/**
 * The fields writing `payload` over `stored` would change, old → new, by the same notion of equal that decides
 * "Unchanged" (shared/xero/storage.ts), so the preview and the real run agree. A create (no stored copy): every
 * field is new.
 */
export function fieldChanges(payload: IDataObject, stored: IDataObject | undefined, resource?: { unitAmountDecimals?: number }): Record<string, FieldChange> {
	const fields = stored ? changedInXero(payload, stored, resource) : Object.keys(payload);
	return Object.fromEntries(fields.map((field) => [field, { old: stored?.[field] ?? null, new: payload[field] ?? null }]));
}
