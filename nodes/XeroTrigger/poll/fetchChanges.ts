import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { createXeroTransport, xeroPages } from '../../shared/xero/transport';
import type { XeroCredentialType } from '../../shared/xero/transport/types';
import type { ResourceSpec } from '../helpers/resources';
import { updatedMs } from '../helpers/resources';

const PAGE_SIZE = 100;

function listQuery(spec: ResourceSpec): IDataObject {
	// Oldest change first, so items come out in the order the changes happened; a record updated while the pages
	// are read moves to the end (see pagingHold for what that does to the pages already read).
	const qs: IDataObject = { order: 'UpdatedDateUTC ASC' };
	// Archiving is a change too (Xero webhooks report it as UPDATE), and archived contacts are hidden by default.
	if (spec.resource === 'organisation') qs.includeArchived = true;
	return qs;
}

export interface FetchedChanges {
	/** In the order the pages returned them. */
	records: IDataObject[];
	/** Server time (Date header) of the first page's answer, when more than one page was read. */
	pagedFromMs?: number;
}

/** Every record changed since `ifModifiedSince`; throws if any page fails, so nothing partial is processed. */
export async function fetchChanges(
	ctx: IPollFunctions,
	credentialType: XeroCredentialType,
	tenantId: string | undefined,
	spec: ResourceSpec,
	ifModifiedSince: string,
): Promise<FetchedChanges> {
	const transport = createXeroTransport(ctx, { credentialType, tenantId });
	const headers = { 'If-Modified-Since': ifModifiedSince };
	const qs = listQuery(spec);
	const paging = spec.paged ? { page: 1, pageSize: PAGE_SIZE } : {};
	const first = await transport.request({ method: 'GET', path: spec.path, qs: { ...qs, ...paging }, headers });
	const records = rowsOf(first.body, spec);
	if (!spec.paged || records.length < PAGE_SIZE) return { records };
	const pages = xeroPages(transport, spec.path, {
		itemsKey: spec.collection,
		qs,
		headers,
		pageSize: PAGE_SIZE,
		startPage: 2,
	});
	for await (const page of pages) records.push(...page);
	const served = Date.parse(first.headers.date ?? '');
	return { records, pagedFromMs: Number.isFinite(served) ? served : undefined };
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
