import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { ChangePageReader, ReadChangesResult } from '../../shared/xero/changeCursor';
import { readChanges, updatedMs } from '../../shared/xero/changeCursor';
import { createXeroTransport } from '../../shared/xero/transport';
import type { XeroCredentialType } from '../../shared/xero/transport/types';
import type { ResourceSpec } from '../helpers/resources';

const PAGE_SIZE = 100;

function listQuery(spec: ResourceSpec): IDataObject {
	// Oldest change first: the change reader pages on UpdatedDateUTC, and items come out in the order the changes
	// happened.
	const qs: IDataObject = { order: 'UpdatedDateUTC ASC' };
	// Archiving is a change too (Xero webhooks report it as UPDATE), and archived contacts are hidden by default.
	if (spec.resource === 'organisation') qs.includeArchived = true;
	return qs;
}

/**
 * Every record changed since `fromMs`, read with the shared change reader (keyset paging, so no record is passed
 * over when the result shifts between page reads); throws if any page fails, so nothing partial is processed.
 */
export async function fetchChanges(
	ctx: IPollFunctions,
	credentialType: XeroCredentialType,
	tenantId: string | undefined,
	spec: ResourceSpec,
	fromMs: number,
): Promise<ReadChangesResult> {
	const transport = createXeroTransport(ctx, { credentialType, tenantId });
	const qs = listQuery(spec);
	const read: ChangePageReader = async (ifModifiedSince, page) => {
		const headers = ifModifiedSince ? { 'If-Modified-Since': ifModifiedSince } : undefined;
		const paging = spec.paged ? { page, pageSize: PAGE_SIZE } : {};
		const response = await transport.request({ method: 'GET', path: spec.path, qs: { ...qs, ...paging }, headers });
		const rows = rowsOf(response.body, spec);
		return { rows, full: rows.length >= PAGE_SIZE };
	};
	return await readChanges(read, fromMs, { idField: spec.idField, paged: spec.paged });
}

function rowsOf(body: IDataObject, spec: ResourceSpec): IDataObject[] {
	const list = body[spec.collection];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** The most recently changed record that could trigger, for a manual test run. */
export async function fetchLatest(
	ctx: IPollFunctions,
	credentialType: XeroCredentialType,
	tenantId: string | undefined,
	spec: ResourceSpec,
	statuses: string[],
): Promise<IDataObject | undefined> {
	const transport = createXeroTransport(ctx, { credentialType, tenantId });
	const qs: IDataObject = { ...listQuery(spec), order: 'UpdatedDateUTC DESC' };
	if (spec.paged) Object.assign(qs, { page: 1, pageSize: PAGE_SIZE });
	if (spec.resource === 'invoice' && statuses.length > 0) qs.Statuses = statuses.join(',');
	const response = await transport.request({ method: 'GET', path: spec.path, qs });
	const matching = rowsOf(response.body, spec).filter(
		(row) => statuses.length === 0 || statuses.includes(String(row[spec.statusField ?? ''] ?? '')),
	);
	// Sorted here as well: the newest record is the sample even where the order parameter is not honoured.
	return matching.sort((a, b) => (updatedMs(b) || 0) - (updatedMs(a) || 0))[0];
}
