import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { ChangePageReader, ReadChangesResult } from '../../shared/xero/changeCursor';
import { readChanges, updatedMs } from '../../shared/xero/changeCursor';
import { createXeroTransport } from '../../shared/xero/transport';
import type { XeroCredentialType } from '../../shared/xero/transport/types';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { watchedStatus } from '../../shared/xero/resources';

const PAGE_SIZE = 100;

function listQuery(spec: XeroResourceSpec): IDataObject {
	// Oldest change first: the change reader pages on UpdatedDateUTC, and items come out in the order the changes
	// happened.
	const qs: IDataObject = { order: 'UpdatedDateUTC ASC' };
	if (spec.changes?.includeArchived === true) qs.includeArchived = true;
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
	spec: XeroResourceSpec,
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

function rowsOf(body: IDataObject, spec: XeroResourceSpec): IDataObject[] {
	const list = body[spec.collection];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** The most recently changed record that could trigger, for a manual test run. */
export async function fetchLatest(
	ctx: IPollFunctions,
	credentialType: XeroCredentialType,
	tenantId: string | undefined,
	spec: XeroResourceSpec,
	statuses: string[],
): Promise<IDataObject | undefined> {
	const transport = createXeroTransport(ctx, { credentialType, tenantId });
	const qs: IDataObject = { ...listQuery(spec), order: 'UpdatedDateUTC DESC' };
	if (spec.paged) Object.assign(qs, { page: 1, pageSize: PAGE_SIZE });
	if (spec.statusesParameter !== undefined && statuses.length > 0) qs[spec.statusesParameter] = statuses.join(',');
	const response = await transport.request({ method: 'GET', path: spec.path, qs });
	const matching = rowsOf(response.body, spec).filter(
		(row) => statuses.length === 0 || statuses.includes(watchedStatus(spec, row)),
	);
	// Sorted here as well: the newest record is the sample even where the order parameter is not honoured.
	return matching.sort((a, b) => (updatedMs(b) || 0) - (updatedMs(a) || 0))[0];
}
