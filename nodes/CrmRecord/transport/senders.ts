import type { IHttpRequestOptions } from 'n8n-workflow';

import { TransportCode, VtigerApiError } from './VtigerApiError';
import { randomBytes } from 'node:crypto';

import type { VtigerHttpRequest, VtigerHttpResponse, VtigerSend, VtigerUpload } from './types';

const TIMEOUT_MS = 60_000;

interface HttpRequestHelper {
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
}

interface LegacyRequestHelper {
	helpers: { request: (uriOrObject: string | object, options?: object) => Promise<unknown> };
}

interface FullResponse {
	body?: unknown;
	statusCode?: number;
	headers?: Record<string, unknown>;
}

function encodeForm(params: Record<string, string>): string {
	return new URLSearchParams(params).toString();
}

/** A quoted multipart header value: a name may hold quotes or line breaks, which would end the header. */
function headerValue(value: string): string {
	return value.replace(/[\r\n"]/g, '_');
}

/**
 * The multipart/form-data body vtiger's webservice.php reads a file upload from (34): the parameters as text
 * parts ($_POST) and each file as a part with a filename ($_FILES[field]). Built here because the package ships
 * without runtime dependencies.
 */
export function multipartBody(params: Record<string, string>, files: VtigerUpload[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nVtiger${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(params)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${headerValue(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
	}
	for (const file of files) {
		const head = `--${boundary}\r\nContent-Disposition: form-data; name="${headerValue(file.field)}"; filename="${headerValue(file.name)}"\r\nContent-Type: ${headerValue(file.type || 'application/octet-stream')}\r\n\r\n`;
		parts.push(Buffer.from(head, 'utf8'), file.bytes, Buffer.from('\r\n', 'utf8'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** How long a query parameter is in the URL the sender builds, for callers that keep URLs under a server's limit. */
export function encodedParamLength(value: string): number {
	return encodeForm({ q: value }).length - 2;
}

/**
 * GET parameters go into the URL here, not through n8n's `qs` option: its encoder works in 1024-character chunks
 * and splits an emoji that straddles a chunk edge, which corrupts the next character of a long VTQL query (often a
 * literal's closing quote).
 */
function urlWithParams(url: string, params: Record<string, string>): string {
	return `${url}${url.includes('?') ? '&' : '?'}${encodeForm(params)}`;
}

function toResponse(raw: unknown): VtigerHttpResponse {
	const full = (raw ?? {}) as FullResponse;
	const contentType = full.headers?.['content-type'];
	return {
		status: full.statusCode ?? 0,
		body: full.body,
		contentType: typeof contentType === 'string' ? contentType : undefined,
	};
}

/** Network failures carry the request (with its form) in n8n's error object: keep only a safe reason. */
function unreachable(request: VtigerHttpRequest, error: unknown): VtigerApiError {
	const code = (error as { code?: unknown }).code;
	const reason = typeof code === 'string' ? code : 'no response';
	const host = (() => {
		try {
			return new URL(request.url).host;
		} catch {
			return request.url;
		}
	})();
	return new VtigerApiError(
		TransportCode.unreachable,
		`The CRM at ${host} could not be reached (${reason}). Check the instance URL and that the server is up.`,
		request.params.operation ?? 'request',
	);
}

/** For execute, load-options and resource-mapper contexts. */
export function senderFromHttpRequest(ctx: HttpRequestHelper): VtigerSend {
	return async (request) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.method === 'GET' ? urlWithParams(request.url, request.params) : request.url,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
			timeout: TIMEOUT_MS,
		};
		if (request.files?.length) {
			const multipart = multipartBody(request.params, request.files);
			options.body = multipart.body;
			options.headers = { 'Content-Type': multipart.contentType };
		} else if (request.method !== 'GET') {
			options.body = encodeForm(request.params);
			options.headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
		}
		try {
			return toResponse(await ctx.helpers.httpRequest(options));
		} catch (error) {
			throw unreachable(request, error);
		}
	};
}

/** Credential tests only get n8n's legacy request helper. */
export function senderFromLegacyRequest(ctx: LegacyRequestHelper): VtigerSend {
	return async (request) => {
		const options: Record<string, unknown> = {
			method: request.method,
			uri: request.method === 'GET' ? urlWithParams(request.url, request.params) : request.url,
			resolveWithFullResponse: true,
			simple: false,
			json: false,
			timeout: TIMEOUT_MS,
		};
		if (request.method !== 'GET') {
			options.body = encodeForm(request.params);
			options.headers = { 'content-type': 'application/x-www-form-urlencoded' };
		}
		try {
			return toResponse(await ctx.helpers.request(options));
		} catch (error) {
			throw unreachable(request, error);
		}
	};
}
