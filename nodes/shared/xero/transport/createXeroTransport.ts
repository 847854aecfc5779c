import { randomUUID } from 'node:crypto';
import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { announcedClockScale, realClock } from './clock';
import { xeroEndpoints } from './endpoints';
import { errorBeforeSending, errorFromNetwork, errorFromResponse, errorFromTokenRequest } from './errorMessages';
import { classifyFailure, plainHeaders, statusOfThrown } from './failures';
import { limiterFor, type TenantLimiter } from './limiter';
import { type AttemptFailure, decideRetry, DEFAULT_RETRY, isRateLimit, type RetrySettings } from './retryPolicy';
import { refreshOnce, refreshStateFor } from './tokenRefresh';
import type { XeroCredentialType, XeroRequest, XeroResponse } from './types';
import { XeroApiError } from './XeroApiError';
import { attempt } from '../../attempt';

/** What the transport needs from any n8n context (execute, poll, webhook, load options). */
export interface XeroContext {
	getNode(): INode;
	getCredentials(type: string): Promise<IDataObject>;
	helpers: {
		httpRequestWithAuthentication(credentialsType: string, requestOptions: IHttpRequestOptions): Promise<unknown>;
		refreshOAuth2Token?(credentialsType: string): Promise<unknown>;
	};
}

export interface XeroTransportOptions {
	credentialType: XeroCredentialType;
	/** Required for OAuth2 (a token can reach several organisations); ignored for a Custom Connection. */
	tenantId?: string;
	retry?: Partial<RetrySettings>;
}

export interface XeroTransport {
	request<T = IDataObject>(request: XeroRequest): Promise<XeroResponse<T>>;
	/** Which organisation the calls reach, as this process tells them apart (its limiter key). */
	readonly organisation?: string;
}

const WRITES = new Set(['PUT', 'POST', 'DELETE']);

/**
 * `/Collection` or `/Collection/<id>`: the only shapes the nodes call. An ID from the input that reached a path
 * unchecked (`../Contacts`, `x?where=…`, `%2e%2e`) would otherwise change which endpoint is called.
 */
const SAFE_PATH = /^(\/[A-Za-z]+)+(\/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})?(\/[A-Za-z]+)?$/;

interface FullResponse {
	body: unknown;
	headers: unknown;
	statusCode: number;
}

export function credentialKey(ctx: XeroContext, credentialType: XeroCredentialType): string {
	const credential = ctx.getNode().credentials?.[credentialType];
	return `${credentialType}:${credential?.id ?? credential?.name ?? 'default'}`;
}

/** The limiter key: limits are per organisation, and a Custom Connection is bound to exactly one. */
function limiterKey(ctx: XeroContext, options: XeroTransportOptions): string {
	if (options.credentialType === 'xeroSyncOAuth2Api') return `tenant:${options.tenantId}`;
	return credentialKey(ctx, options.credentialType);
}

/**
 * The only code that sends HTTP to Xero's accounting API. Authenticates through n8n, renews an expired token (OAuth2
 * with n8n's own refresh, which saves the rotated token), keeps every call inside the tenant's limits, and
 * retries what may succeed later, so callers see either Xero's answer or one XeroApiError that says what to do.
 */
export function createXeroTransport(ctx: XeroContext, options: XeroTransportOptions): XeroTransport {
	const { credentialType, tenantId } = options;
	if (credentialType === 'xeroSyncOAuth2Api' && !tenantId) {
		throw new XeroApiError('Choose the Xero Organisation (tenant) to work in: an OAuth2 credential can reach several.', {
			type: 'MissingTenant',
		});
	}
	const call: CallSetup = {
		ctx,
		credentialType,
		retry: { ...DEFAULT_RETRY, ...options.retry },
		limiter: limiterFor(limiterKey(ctx, options)),
		refresh: refreshStateFor(credentialKey(ctx, credentialType)),
	};
	let accountingRoot: Promise<string> | undefined;
	const root = async () => {
		accountingRoot ??= ctx.getCredentials(credentialType).then((data) => xeroEndpoints(data.baseUrl).accounting);
		return await accountingRoot;
	};

	return {
		organisation: limiterKey(ctx, options),
		async request<T>(request: XeroRequest): Promise<XeroResponse<T>> {
			if (!SAFE_PATH.test(request.path)) {
				throw new XeroApiError(
					`Refused to call Xero at "${request.path.slice(0, 80)}": a path holds only a collection and a Xero ID (a GUID). Check the IDs in the input.`,
					{ type: 'BadPath' },
				);
			}
			const segment = request.numberSegment;
			if (segment !== undefined && (segment.trim() === '' || segment === '.' || segment === '..')) {
				throw new XeroApiError(`Refused to call Xero with the number "${segment}": it is no record number.`, { type: 'BadPath' });
			}
			const url = `${await root()}${request.path}${segment === undefined ? '' : `/${encodeURIComponent(segment)}`}`;
			const headers: Record<string, string> = { Accept: request.binaryAccept ?? 'application/json', ...(request.headers ?? {}) };
			if (credentialType === 'xeroSyncOAuth2Api') headers['xero-tenant-id'] = tenantId as string;
			// A write must carry one key for all its attempts, so a retry after a lost answer is a replay, not a copy.
			const idempotencyKey = request.idempotencyKey ?? (WRITES.has(request.method) ? randomUUID() : undefined);
			if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
			const httpOptions: IHttpRequestOptions = {
				method: request.method,
				url,
				qs: request.qs,
				body: request.body,
				headers,
				json: request.binaryAccept === undefined,
				...(request.binaryAccept === undefined ? {} : { encoding: 'arraybuffer' as const }),
				returnFullResponse: true,
				// Status codes come back as answers: n8n's error for them would drop Retry-After and the limit headers.
				ignoreHttpStatusErrors: true,
			};
			return await send<T>(call, httpOptions, request, new URL(url).host);
		},
	};
}

export interface CallSetup {
	ctx: XeroContext;
	credentialType: XeroCredentialType;
	retry: RetrySettings;
	limiter: TenantLimiter;
	refresh: ReturnType<typeof refreshStateFor>;
}

/**
 * OAuth2 renews through n8n's refresh (it saves the rotated refresh token). A Custom Connection's token comes from
 * the credential's preAuthentication, which n8n runs again only when a request it sends throws a 401: so the same
 * request goes once more without ignoring status codes, and the loop then resends it with the new token.
 */
async function renewToken(call: CallSetup, httpOptions: IHttpRequestOptions): Promise<void> {
	const { ctx, credentialType } = call;
	if (credentialType === 'xeroSyncOAuth2Api') {
		if (!ctx.helpers.refreshOAuth2Token) throw new ApplicationError('this n8n cannot refresh OAuth2 tokens from a node');
		await ctx.helpers.refreshOAuth2Token.call(ctx, credentialType);
		return;
	}
	// The check call counts against the tenant's limits like any other.
	const permit = await call.limiter.acquire();
	try {
		await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
			...httpOptions,
			method: 'GET',
			body: undefined,
			url: httpOptions.url.replace(/\/api\.xro\/2\.0\/.*$/, '/api.xro/2.0/Organisation'),
			qs: undefined,
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: false,
		});
	} finally {
		permit.release();
	}
}

/**
 * A call that waited long for its turn (rate limits) can meet a second expiry after its first renewal; a new token
 * refused twice in a row is not an expiry any more.
 */
const MAX_RENEWALS_PER_CALL = 2;

/** Long enough for another process's token request to come back and its save to reach the database. */
const OTHER_REFRESH_WAIT_MS = 1_500;

/** Waits as the retry policy says and counts the retry; false when the policy says not to retry. */
async function waitToRetry(
	failure: AttemptFailure,
	retries: { errors: number; rateLimits: number },
	call: CallSetup,
): Promise<boolean> {
	const decision = decideRetry(failure, retries, { ...call.retry, clockScale: call.limiter.clockScale() });
	if (!decision.retry) return false;
	if (isRateLimit(failure)) retries.rateLimits++;
	else retries.errors++;
	if (decision.pauseTenantMs !== undefined) call.limiter.pauseUntil(realClock.now() + decision.pauseTenantMs);
	await realClock.sleep(decision.delayMs);
	return true;
}

function errorBodyOf(body: unknown): unknown {
	if (!Buffer.isBuffer(body)) return body;
	const text = body.toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** A 401 that a new access token can fix; a missing scope cannot be fixed by refreshing. */
function tokenMayHaveExpired(body: unknown): boolean {
	const detail = (body as IDataObject | undefined)?.Detail;
	return !(typeof detail === 'string' && detail.startsWith('AuthorizationUnsuccessful'));
}

/**
 * One call with limits, retries and token renewal (see MAX_RENEWALS_PER_CALL); the core of the transport and of
 * listConnections.
 */
export async function send<T>(
	call: CallSetup,
	httpOptions: IHttpRequestOptions,
	request: Pick<XeroRequest, 'method' | 'path'>,
	host: string,
): Promise<XeroResponse<T>> {
	const { ctx, credentialType, limiter } = call;
	const retries = { errors: 0, rateLimits: 0 };
	let renewals = 0;
	let waitedForOtherRefresh = false;
	for (let attempts = 1; ; attempts++) {
		const context = { method: request.method, path: request.path, attempts };
		const exhaustedMs = limiter.dayExhaustedForMs();
		if (exhaustedMs > 0) {
			const headers = { 'x-rate-limit-problem': 'day', 'retry-after': String(exhaustedMs / 1000) };
			throw errorFromResponse({ status: 429, headers, body: undefined }, { ...context, attempts: attempts - 1 });
		}
		const generationWhenSent = call.refresh.generation;
		const permit = await limiter.acquire();
		// Options are copied: n8n signs them in place, and each attempt must carry the current token.
		const sent = await attempt(
			async () =>
				(await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
					...httpOptions,
					headers: { ...httpOptions.headers },
				})) as FullResponse,
		);
		permit.release();
		if (!sent.ok) {
			const failure = classifyFailure(sent.error);
			if (failure.kind === 'token') throw errorFromTokenRequest(failure.oauthError, context);
			if (failure.kind === 'other') throw errorBeforeSending(failure.message, context);
			if (!(await waitToRetry(failure, retries, call))) throw errorFromNetwork(failure.code, host, context);
			continue;
		}
		const response = sent.value;

		const status = response.statusCode;
		// A binary request's refusal arrives as bytes too; Xero's error JSON is what the checks below read.
		if (status >= 400) response.body = errorBodyOf(response.body);
		const headers = plainHeaders(response.headers);
		const announcedScale = announcedClockScale(httpOptions.url, headers);
		if (announcedScale !== undefined) limiter.noteClockScale(announcedScale);
		if (status !== 429 && headers['x-minlimit-remaining'] !== undefined) {
			limiter.noteRemaining(Number(headers['x-minlimit-remaining']));
		}
		if (status < 400) return { status, headers, body: response.body as T };

		if (status === 401 && renewals < MAX_RENEWALS_PER_CALL && tokenMayHaveExpired(response.body)) {
			renewals++;
			const renewed = await attempt(
				async () => await refreshOnce(call.refresh, generationWhenSent, async () => await renewToken(call, httpOptions)),
			);
			if (!renewed.ok) {
				const error = renewed.error;
				const failure = classifyFailure(error);
				if (failure.kind === 'token' && failure.oauthError === 'invalid_grant' && !waitedForOtherRefresh) {
					// Another n8n process (a queue worker) may have used the same single-use refresh token a moment
					// earlier and be saving the new tokens. n8n reads the credential afresh on every call, so after a
					// pause the call goes again with whatever is stored then (and refreshes once more if it must).
					waitedForOtherRefresh = true;
					renewals--;
					await realClock.sleep(OTHER_REFRESH_WAIT_MS);
					continue;
				}
				if (failure.kind === 'token') throw errorFromTokenRequest(failure.oauthError, context);
				const status = statusOfThrown(error);
				// The Custom Connection's check call met Xero's limits or an outage (its new token may already be
				// stored): waited out like any busy answer, then the call goes again and renews if it must.
				if (status !== undefined && (await waitToRetry({ kind: 'http', status, headers: {} }, retries, call))) {
					renewals--;
					continue;
				}
				if (failure.kind === 'network') throw errorFromNetwork(failure.code, host, context);
				throw new XeroApiError(`Renewing the Xero access token failed: ${failure.message}`, { status: 401 });
			}
			continue;
		}

		if (await waitToRetry({ kind: 'http', status, headers }, retries, call)) continue;
		const error = errorFromResponse({ status, headers, body: response.body }, context);
		if (error.dailyLimit) limiter.markDayExhausted(realClock.now() + (error.retryAfterSeconds ?? 60) * 1000);
		throw error;
	}
}
