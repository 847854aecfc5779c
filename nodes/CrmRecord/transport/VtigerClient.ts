import { sleep } from 'n8n-workflow';
import { attempt } from '../../shared/attempt';
import { webserviceUrl } from './endpoint';
import { readEnvelope } from './envelope';
import { decodeDescribeLabels, decodeRecord } from './htmlText';
import { handshake, type HandshakeOptions } from './handshake';
import { sessionEntry, sessionKey, type SessionEntry } from './sessionCache';
import { SESSION_CODES, TransportCode, VtigerApiError } from './VtigerApiError';
import type {
	DescribeResult,
	ListTypesResult,
	RelatedTypesResult,
	SyncResult,
	VtigerCredentials,
	VtigerMethod,
	VtigerSend,
	VtigerSessionInfo,
	VtigerUpload,
} from './types';

export type VtigerRecord = Record<string, unknown>;

/**
 * A proxy's 502/503/504 or a dropped connection says nothing about the request; reads are repeated, writes are not
 * (a create that reached vtiger would be made twice). An empty 500 is a PHP fatal error and would only repeat.
 */
const TRANSIENT_RETRIES = 2;
const TRANSIENT_DELAY_MS = 400;

function isTransient(error: VtigerApiError): boolean {
	if (error.code === TransportCode.unreachable) return true;
	return error.code === TransportCode.httpError && [502, 503, 504].includes(error.httpStatus ?? 0);
}

export interface VtigerClientOptions {
	/** One session per scope and credential: the execution id in a run, "editor" for the UI's lookups. */
	scope: string;
	/** Do not share the session with other clients of the same scope (credential tests). */
	ephemeral?: boolean;
	handshake?: HandshakeOptions;
}

/** The vtiger web-service operations this package uses, on one shared session with one re-login on expiry. */
export class VtigerClient {
	private readonly url: string;

	private readonly entry: SessionEntry;

	constructor(
		private readonly send: VtigerSend,
		private readonly credentials: VtigerCredentials,
		private readonly options: VtigerClientOptions,
	) {
		this.url = webserviceUrl(credentials.instanceUrl);
		this.entry = sessionEntry(sessionKey(options.scope, this.url, credentials), Date.now(), options.ephemeral);
	}

	async session(): Promise<VtigerSessionInfo> {
		if (!this.entry.session) {
			const pending = handshake(this.send, this.url, this.credentials, this.options.handshake);
			this.entry.session = pending;
			pending.catch(() => {
				if (this.entry.session === pending) this.entry.session = undefined;
			});
		}
		return await this.entry.session;
	}

	/** Several items may see the same expired session at once; only the first of them logs in again. */
	private async renew(expired: VtigerSessionInfo): Promise<VtigerSessionInfo> {
		const current = this.entry.session ? await this.entry.session.catch(() => undefined) : undefined;
		if (!current || current.sessionName === expired.sessionName) this.entry.session = undefined;
		return await this.session();
	}

	async call(
		operation: string,
		method: VtigerMethod,
		params: Record<string, string> = {},
		files?: VtigerUpload[],
	): Promise<unknown> {
		let session = await this.session();
		let renewed = false;
		let transientRetries = 0;
		for (;;) {
			const sent = await attempt(async () => {
				const response = await this.send({
					method,
					url: this.url,
					params: { operation, sessionName: session.sessionName, ...params },
					files,
				});
				this.entry.lastUsed = Date.now();
				return readEnvelope(operation, response);
			});
			if (sent.ok) return sent.value;
			const error = sent.error;
			if (!(error instanceof VtigerApiError)) throw error;
			if (SESSION_CODES.has(error.code) && !renewed) {
				renewed = true;
				session = await this.renew(session);
				continue;
			}
			if (method === 'GET' && isTransient(error) && transientRetries < TRANSIENT_RETRIES) {
				transientRetries++;
				await sleep(TRANSIENT_DELAY_MS * transientRetries);
				continue;
			}
			throw error;
		}
	}

	async listTypes(): Promise<ListTypesResult> {
		return (await this.call('listtypes', 'GET')) as ListTypesResult;
	}

	async describe(module: string): Promise<DescribeResult> {
		let pending = this.entry.describes.get(module);
		if (!pending) {
			pending = this.call('describe', 'GET', { elementType: module }).then((result) => decodeDescribeLabels(result as DescribeResult));
			this.entry.describes.set(module, pending);
			pending.catch(() => this.entry.describes.delete(module));
		}
		return await pending;
	}

	async retrieve(id: string): Promise<VtigerRecord> {
		return decodeRecord((await this.call('retrieve', 'GET', { id })) as VtigerRecord);
	}

	async create(module: string, element: VtigerRecord): Promise<VtigerRecord> {
		const created = await this.call('create', 'POST', { elementType: module, element: JSON.stringify(element) });
		return decodeRecord(created as VtigerRecord);
	}

	/** A create with a file upload (Documents: the file in the part "filename", filelocationtype "I"; 34). */
	async createWithFile(module: string, element: VtigerRecord, file: VtigerUpload): Promise<VtigerRecord> {
		const params = { elementType: module, element: JSON.stringify(element) };
		return decodeRecord((await this.call('create', 'POST', params, [file])) as VtigerRecord);
	}

	/** The modules a record of `module` can be related to, and the label of each related list (34). */
	async relatedTypes(module: string): Promise<RelatedTypesResult> {
		return (await this.call('relatedtypes', 'GET', { elementType: module })) as RelatedTypesResult;
	}

	/** The records of `relatedType` in the record's related list `relatedLabel` (full records, without label). */
	async retrieveRelated(id: string, relatedType: string, relatedLabel: string): Promise<VtigerRecord[]> {
		const found = (await this.call('retrieve_related', 'GET', { id, relatedType, relatedLabel })) as VtigerRecord[];
		return found.map((record) => decodeRecord(record));
	}

	/** Relates two records. vtiger answers "successfull" even for a related id that does not exist (34). */
	async addRelated(sourceRecordId: string, relatedRecordId: string, relationIdLabel: string): Promise<void> {
		await this.call('add_related', 'POST', { sourceRecordId, relatedRecordId, relationIdLabel });
	}

	async revise(element: VtigerRecord): Promise<VtigerRecord> {
		return decodeRecord((await this.call('revise', 'POST', { element: JSON.stringify(element) })) as VtigerRecord);
	}

	async delete(id: string): Promise<void> {
		await this.call('delete', 'POST', { id });
	}

	/** One VTQL statement, at most 100 rows; paging is the caller's plan (see helpers/paging). */
	async query(vtql: string): Promise<VtigerRecord[]> {
		return ((await this.call('query', 'GET', { query: vtql })) as VtigerRecord[]).map((row) => decodeRecord(row));
	}

	async sync(module: string, modifiedTime: number): Promise<SyncResult> {
		const result = (await this.call('sync', 'GET', { modifiedTime: String(modifiedTime), elementType: module })) as SyncResult;
		return { ...result, updated: result.updated.map((record) => decodeRecord(record)) };
	}
}
