import type { IDataObject } from 'n8n-workflow';

/** One failed attempt, read off whatever n8n's request helpers threw. */
export type ClassifiedFailure =
	| { kind: 'network'; code: string }
	| { kind: 'token'; oauthError: string }
	| { kind: 'other'; message: string };

export function plainHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (typeof headers !== 'object' || headers === null) return out;
	const source =
		typeof (headers as { toJSON?: () => unknown }).toJSON === 'function'
			? ((headers as { toJSON: () => unknown }).toJSON() as IDataObject)
			: (headers as IDataObject);
	for (const [key, value] of Object.entries(source)) {
		if (value === undefined || value === null) continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

/** @n8n/client-oauth2 turns the OAuth2 error code into RFC 6749's sentence; n8n keeps only the sentence. */
const OAUTH_ERROR_SENTENCES: Array<[string, RegExp]> = [
	['invalid_client', /^Client authentication failed/],
	['invalid_grant', /^The provided authorization grant/],
	['unauthorized_client', /^The client is not authorized/],
	['invalid_scope', /^The requested scope is invalid/],
	['unsupported_grant_type', /^The authorization grant type is not supported/],
	['invalid_request', /^The request is missing a required parameter/],
];

interface ErrorLike {
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	body?: unknown;
}

function oauthErrorOf(error: ErrorLike): string {
	const fromBody = (error.body as IDataObject | undefined)?.error;
	if (typeof fromBody === 'string') return fromBody;
	const message = typeof error.message === 'string' ? error.message : '';
	return OAUTH_ERROR_SENTENCES.find(([, sentence]) => sentence.test(message))?.[0] ?? 'token request refused';
}

/**
 * HTTP answers come back as responses (the transport asks n8n not to throw on status codes), so what is thrown is a
 * network failure or a failed token request: either raw, or wrapped by n8n in a NodeApiError that keeps the code in
 * `httpCode` and drops the cause. Only codes and n8n's fixed sentences are read, never the request (it holds the
 * token).
 */
export function classifyFailure(thrown: unknown): ClassifiedFailure {
	const error = (thrown ?? {}) as ErrorLike;
	const code = typeof error.code === 'string' ? error.code : typeof error.httpCode === 'string' ? error.httpCode : '';
	if (code === 'EAUTH') return { kind: 'token', oauthError: oauthErrorOf(error) };
	if (/^E[A-Z_]+$/.test(code)) return { kind: 'network', code };
	const message = typeof error.message === 'string' ? error.message : '';
	if (/socket hang up/i.test(message)) return { kind: 'network', code: 'SOCKET_HANG_UP' };
	const inMessage = /\b(ECONNRESET|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EPIPE|EAI_AGAIN|ECONNABORTED)\b/.exec(message);
	if (inMessage) return { kind: 'network', code: inMessage[1] };
	return { kind: 'other', message: message || 'unknown error' };
}

/** The HTTP status a thrown request error carries (n8n's NodeApiError keeps it as the string `httpCode`), if any. */
export function statusOfThrown(thrown: unknown): number | undefined {
	const status = Number((thrown as ErrorLike | undefined)?.httpCode);
	return Number.isInteger(status) && status >= 400 && status <= 599 ? status : undefined;
}
