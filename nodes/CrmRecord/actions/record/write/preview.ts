import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { normaliseValue, type FieldTypes } from '../../../helpers/normalise';
import { isUnchanged } from '../../../helpers/unchanged';
import type { VtigerClient } from '../../../transport';
import type { WriteInput } from './types';

/** What a previewed item would get; the same words as Xero Sync's preview. */
export type PreviewAction = 'create' | 'update' | 'unchanged' | 'skip' | 'conflict' | 'fail';

export interface FieldChange {
	old: unknown;
	new: unknown;
}

/** Thrown by the preview's client instead of sending a write: a preview that reached a write has a bug. */
export class PreviewWriteBlocked extends Error {
	constructor(operation: string) {
		super(`Preview (No Writes) stopped a CRM ${operation} call; nothing was written`);
		this.name = 'PreviewWriteBlocked';
	}
}

/**
 * The client a preview runs with: reads pass, every POST (create, revise, delete) is refused before it is sent, so
 * "only reads are made" holds for every path, those that write on the side (missing organisations, the fallback
 * service) included. Login does not go through `call`.
 */
export function readOnlyClient(client: VtigerClient): VtigerClient {
	return new Proxy(client, {
		get(target, property, receiver) {
			if (property !== 'call') return Reflect.get(target, property, receiver) as unknown;
			return async (operation: string, method: string, params?: Record<string, string>) => {
				if (method !== 'GET') throw new PreviewWriteBlocked(operation);
				return await target.call(operation, 'GET', params);
			};
		},
	});
}

function shown(value: unknown, type: string | undefined): unknown {
	if (value === undefined) return null;
	return typeof value === 'string' ? normaliseValue(value, type) : value;
}

/**
 * The fields that writing `element` over `existing` would change, old → new, each compared the way the unchanged
 * check compares it (helpers/unchanged.ts), so the preview and the real run agree on what "changed" means. Without
 * an existing record (a create) every field is new.
 */
export function fieldChanges(
	existing: Record<string, unknown> | undefined,
	element: Record<string, unknown>,
	types: FieldTypes,
): Record<string, FieldChange> {
	const changes: Record<string, FieldChange> = {};
	for (const [field, value] of Object.entries(element)) {
		if (field === 'id') continue;
		if (existing && isUnchanged(existing, { [field]: value }, types)) continue;
		changes[field] = { old: existing ? shown(existing[field], types.get(field)) : null, new: shown(value, types.get(field)) };
	}
	return changes;
}

export interface PreviewDetails {
	id?: string | null;
	label?: string;
	changes?: Record<string, FieldChange>;
	message?: string;
	code?: string | null;
}

/** A previewed item: `{ syncResult: 'Preview', action, … }`, paired with its input item. */
export function previewItem(input: WriteInput, action: PreviewAction, details: PreviewDetails = {}): INodeExecutionData {
	const json: IDataObject = { syncResult: 'Preview', action, module: input.module };
	for (const [key, value] of Object.entries(details)) if (value !== undefined && value !== '') json[key] = value as IDataObject[string];
	if (input.xeroId) json.xeroId = input.xeroId;
	return { json, pairedItem: { item: input.itemIndex } };
}
