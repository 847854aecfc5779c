import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { safeMessage } from '../shared/syncLog';
import { createXeroTransport } from '../shared/xero/transport';
import type { XeroResourceSpec } from '../shared/xero/resources';
import { recordId } from '../shared/xero/resources';
import type { XeroCredentialType } from '../shared/xero/transport/types';
import type { FetchGroup } from './helpers/events';

/** Xero reads IDs from the query string; 50 GUIDs keep the URL well under any proxy's limit. */
const IDS_PER_REQUEST = 50;

export interface FetchedGroup {
	records: Map<string, IDataObject>;
	/** Why the records could not be fetched; the events are still emitted, thin, so none is lost. */
	error?: string;
}

/** The full records behind one tenant + category of thin events: one GET with IDs=… per 50 records. */
export async function fetchGroupRecords(
	ctx: IWebhookFunctions,
	credentialType: XeroCredentialType,
	spec: XeroResourceSpec,
	group: FetchGroup,
): Promise<FetchedGroup> {
	const records = new Map<string, IDataObject>();
	try {
		const transport = createXeroTransport(ctx, {
			credentialType,
			tenantId: credentialType === 'xeroSyncOAuth2Api' ? group.tenantId : undefined,
		});
		for (let start = 0; start < group.resourceIds.length; start += IDS_PER_REQUEST) {
			const ids = group.resourceIds.slice(start, start + IDS_PER_REQUEST);
			const qs: IDataObject = { IDs: ids.join(',') };
			if (spec.changes?.includeArchived === true) qs.includeArchived = true;
			if (spec.changes?.fetchByIdsPaged === true) qs.page = 1;
			const response = await transport.request({ method: 'GET', path: spec.path, qs });
			const list = response.body[spec.collection];
			for (const record of Array.isArray(list) ? (list as IDataObject[]) : []) {
				const id = recordId(spec, record);
				if (id !== '') records.set(id.toLowerCase(), record);
			}
		}
		return { records };
	} catch (error) {
		return { records, error: safeMessage(error instanceof Error ? error.message : String(error)) };
	}
}
