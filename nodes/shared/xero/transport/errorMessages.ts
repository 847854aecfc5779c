import type { IDataObject } from 'n8n-workflow';

import { excerpt } from '../../redact';
import { XeroApiError } from './XeroApiError';

/** Xero's own sentences (validation messages, Detail) are short; anything longer is not Xero talking. */
const MAX_TEXT = 300;
/** A body that is not Xero's JSON (a proxy's page, an echo of the request) is quoted this much at most. */
const MAX_RAW = 120;

function text(value: unknown, max = MAX_TEXT): string | undefined {
	if (typeof value !== 'string') return undefined;
	const trimmed = value.replace(/\s+/g, ' ').trim();
	if (trimmed === '') return undefined;
	return excerpt(trimmed, max);
}

function messagesOf(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value.map((v) => text((v as IDataObject)?.Message)).filter((m): m is string => m !== undefined);
}

/** What a person would call the record (number, code or name) as Xero echoed it back, to say which one failed. */
function labelOf(element: IDataObject): string | undefined {
	const contact = element.Contact as IDataObject | undefined;
	return text(element.InvoiceNumber) ?? text(element.Code) ?? text(element.Name) ?? text(contact?.Name);
}

/** Every validation message of a Xero answer, one line per failed record, labelled when Xero echoed a label. */
export function flattenValidationErrors(body: IDataObject): string[] {
	const lines: string[] = [];
	const own = messagesOf(body.ValidationErrors);
	if (own.length > 0) lines.push(own.join(' '));
	const elements = Array.isArray(body.Elements) ? (body.Elements as IDataObject[]) : [];
	for (const element of elements) {
		const messages = messagesOf(element.ValidationErrors);
		if (messages.length === 0) continue;
		const label = labelOf(element);
		lines.push(label ? `${label}: ${messages.join(' ')}` : messages.join(' '));
	}
	return lines;
}

function describeBody(body: unknown): { type?: string; detail?: string } {
	if (typeof body === 'string') return { detail: text(body.replace(/<[^>]*>/g, ' '), MAX_RAW) };
	if (typeof body !== 'object' || body === null) return {};
	const b = body as IDataObject;
	const detail = text(b.Detail) ?? text(b.Message) ?? text(b.Title) ?? text(b.error_description) ?? text(b.error);
	const type = text(b.Type) ?? text(b.error) ?? /^(\w+)/.exec(text(b.Detail) ?? "")?.[1];
	return { type, detail };
}

function waitText(seconds: number): string {
	if (seconds >= 3600) return `${Math.round(seconds / 360) / 10} hours`;
	if (seconds >= 60) return `${Math.round(seconds / 60)} minutes`;
	return `${Math.ceil(seconds)} seconds`;
}

export interface HttpFailure {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

/** The error for an answer we will not retry (or no longer retry), with a message that says how to fix it. */
export function errorFromResponse(
	failure: HttpFailure,
	context: { method: string; path: string; attempts: number },
): XeroApiError {
	const { status, headers, body } = failure;
	const { type, detail } = describeBody(body);
	const common = { status, type, attempts: context.attempts };
	const call = `${context.method} ${context.path}`;

	if (status === 429) {
		const problem = headers['x-rate-limit-problem'];
		const retryAfterSeconds = Number(headers['retry-after']) || undefined;
		if (problem === 'day') {
			const when = retryAfterSeconds ? ` Xero accepts calls again in about ${waitText(retryAfterSeconds)}.` : '';
			return new XeroApiError(
				`Xero's daily API limit for this organisation is used up (${call} was not sent).${when} Unsent records were not changed in Xero; run the workflow again after the limit resets.`,
				{ ...common, type: 'RateLimitDay', rateLimitProblem: problem, dailyLimit: true, retryAfterSeconds },
			);
		}
		return new XeroApiError(
			`Xero kept refusing ${call} with 429 (too many calls${problem ? `: ${problem} limit` : ''}) after ${context.attempts} attempts. Try again in a minute, or run fewer workflows against this organisation at once.`,
			{ ...common, type: 'RateLimit', rateLimitProblem: problem, retryAfterSeconds },
		);
	}

	const validationErrors = typeof body === 'object' && body !== null ? flattenValidationErrors(body as IDataObject) : [];
	if (validationErrors.length > 0) {
		const elements = Array.isArray((body as IDataObject).Elements)
			? ((body as IDataObject).Elements as IDataObject[])
			: undefined;
		return new XeroApiError(`Xero rejected ${call}: ${validationErrors.join('; ')}`, {
			...common,
			validationErrors,
			elements,
		});
	}
	if (status === 401) {
		const lacksScope = type === 'AuthorizationUnsuccessful';
		const hint = lacksScope
			? 'The connection was not granted the scope this call needs: reconnect the credential with the scopes the node lists (or add them to the Custom Connection in the Xero developer portal).'
			: 'Reconnect the Xero credential.';
		return new XeroApiError(`Xero refused ${call} (401${detail ? `: ${detail}` : ''}). ${hint}`, common);
	}
	if (status === 403) {
		return new XeroApiError(
			`Xero refused access to this organisation for ${call} (403${detail ? `: ${detail}` : ''}). Check the Xero Organisation chosen in the node, and that the credential is still connected to it.`,
			common,
		);
	}
	if (status === 404) {
		return new XeroApiError(`Xero has no such record or endpoint: ${call} (404).`, common);
	}
	if (status >= 500) {
		return new XeroApiError(
			`Xero could not answer ${call} (${status}${detail ? `: ${detail}` : ''}) after ${context.attempts} attempts. Xero may be down or the organisation offline; try again later.`,
			common,
		);
	}
	return new XeroApiError(`Xero answered ${call} with ${status}${detail ? `: ${detail}` : ''}.`, common);
}

export function errorFromNetwork(
	code: string,
	host: string,
	context: { method: string; path: string; attempts: number },
): XeroApiError {
	const unreachable = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
	const why = unreachable
		? `Could not reach ${host} (${code}). Check the network, and the credential's Base URL override if one is set.`
		: `The connection to ${host} failed during ${context.method} ${context.path} (${code}) after ${context.attempts} attempts.`;
	return new XeroApiError(why, { type: code, attempts: context.attempts });
}

/** Getting or renewing the OAuth2 token failed: the grant is gone, or the client id/secret are wrong. */
export function errorFromTokenRequest(oauthError: string, context: { method: string; path: string }): XeroApiError {
	const call = `${context.method} ${context.path}`;
	const message =
		oauthError === 'invalid_client'
			? `Xero rejected the credential's client ID or secret (invalid_client) while getting a token for ${call}. Copy them again from the Xero developer portal.`
			: `Xero refused to issue an access token for ${call} (${oauthError}). Reconnect the Xero credential: refresh tokens can be used once and expire after 60 days unused.`;
	return new XeroApiError(message, { status: 401, type: oauthError });
}

/**
 * A failure before anything was sent. n8n's OAuth2 client says "Unable to sign without access token" for a
 * credential that was never connected; the user needs the step to take, not the client's words.
 */
export function errorBeforeSending(message: string, context: { method: string; path: string; attempts: number }): XeroApiError {
	if (/sign without access token/i.test(message)) {
		return new XeroApiError(
			'The Xero credential is not connected yet: open it and press "Connect my account" (sign in to Xero and allow access), then try again.',
			{ attempts: context.attempts, type: 'NOT_CONNECTED' },
		);
	}
	return new XeroApiError(`Calling Xero (${context.method} ${context.path}) failed: ${message}`, { attempts: context.attempts });
}
