import type { IncomingMessage } from 'node:http';
import { problem } from '../accounting/errorShapes';
import { OAuthError, type IdentityService, type TokenCheck } from '../identity/identityService';
import type { OpenApiValidator } from '../validation/openapiValidator';
import { basicCredentials, headerValue, parseForm, queryObject } from './io';
import type { SandboxResponse } from './types';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function oauthError(error: OAuthError): SandboxResponse {
	return {
		status: error.status,
		json: error.description ? { error: error.error, error_description: error.description } : { error: error.error },
		headers: NO_STORE,
	};
}

/** Xero words expiry as "token expired at 01/14/2020 02:44:34" (UTC) */
function usDateTime(millis: number): string {
	const iso = new Date(millis).toISOString();
	return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

export function unauthorised(check: Exclude<TokenCheck, { ok: true }>): SandboxResponse {
	const detail = check.reason === 'expired' ? `TokenExpired: token expired at ${usDateTime(check.expiredAt ?? Date.now())}` : 'AuthenticationUnsuccessful';
	return {
		status: 401,
		json: problem(401, 'Unauthorized', detail),
		headers: { 'WWW-Authenticate': `Bearer error="invalid_token"` },
	};
}

export function authorize(identity: IdentityService, url: URL): SandboxResponse {
	try {
		return { status: 302, headers: { Location: identity.authorize(url.searchParams) } };
	} catch (error) {
		if (error instanceof OAuthError) return { status: 400, text: `Error: ${error.error}${error.description ? ` : ${error.description}` : ''}` };
		throw error;
	}
}

/** `outcome` is "issued" or the OAuth error code: the queue test counts refreshes refused as invalid_grant. */
export function token(
	identity: IdentityService,
	req: IncomingMessage,
	raw: Buffer,
	record: (grant: string, outcome: string) => void = () => undefined,
): SandboxResponse {
	const form = parseForm(raw);
	const answer = issueToken(identity, req, form);
	const outcome = answer.status === 200 ? 'issued' : String((answer.json as { error?: unknown } | undefined)?.error ?? answer.status);
	record(form.get('grant_type') ?? '', outcome);
	return answer;
}

function issueToken(identity: IdentityService, req: IncomingMessage, form: ReturnType<typeof parseForm>): SandboxResponse {
	const basic = basicCredentials(headerValue(req, 'authorization'));
	try {
		const client = identity.authenticateClient(basic.id ?? form.get('client_id') ?? undefined, basic.secret ?? form.get('client_secret') ?? undefined);
		const grant = form.get('grant_type');
		let body: Record<string, unknown>;
		if (grant === 'authorization_code') {
			body = identity.exchangeCode(client, form.get('code') ?? undefined, form.get('redirect_uri') ?? undefined, form.get('code_verifier') ?? undefined);
		}
		else if (grant === 'refresh_token') body = identity.refresh(client, form.get('refresh_token') ?? undefined);
		// xero-node sends the scopes of a client_credentials request as `scopes`
		else if (grant === 'client_credentials') body = identity.clientCredentials(client, form.get('scope') ?? form.get('scopes') ?? undefined);
		else throw new OAuthError('unsupported_grant_type');
		return { status: 200, json: body, headers: NO_STORE };
	} catch (error) {
		if (error instanceof OAuthError) return oauthError(error);
		throw error;
	}
}

export function revocation(identity: IdentityService, req: IncomingMessage, raw: Buffer): SandboxResponse {
	const form = parseForm(raw);
	const basic = basicCredentials(headerValue(req, 'authorization'));
	try {
		const client = identity.authenticateClient(basic.id ?? form.get('client_id') ?? undefined, basic.secret ?? form.get('client_secret') ?? undefined);
		identity.revoke(client, form.get('token') ?? undefined);
		return { status: 200 };
	} catch (error) {
		if (error instanceof OAuthError) return oauthError(error);
		throw error;
	}
}

/** GET /connections and DELETE /connections/{id}, validated against xero-identity.yaml */
export function connections(
	identity: IdentityService,
	validator: OpenApiValidator | undefined,
	req: IncomingMessage,
	url: URL,
): SandboxResponse {
	const check = identity.checkAccessToken(headerValue(req, 'authorization'));
	if (!check.ok) return unauthorised(check);
	const method = req.method ?? 'GET';
	const idMatch = /^\/connections\/([^/]+)\/?$/i.exec(url.pathname);
	const operationId = method === 'DELETE' && idMatch ? 'deleteConnection' : method === 'GET' && !idMatch ? 'getConnections' : undefined;
	if (!operationId) return { status: 405, text: 'Method not allowed' };
	const yamlPath = idMatch ? `/Connections/${idMatch[1]}` : '/Connections';
	const errors = validator?.validateRequest('xero-identity.yaml', operationId, {
		method,
		path: yamlPath,
		query: queryObject(url.searchParams),
		headers: req.headers,
	});
	if (errors) return { status: 400, json: { error: 'invalid_request', error_description: JSON.stringify(errors).slice(0, 500) } };
	let response: SandboxResponse;
	if (operationId === 'getConnections') {
		const authEventId = url.searchParams.get('authEventId');
		const list = identity.connectionsOf(check.grant).filter((connection) => !authEventId || connection.authEventId === authEventId);
		response = { status: 200, json: list };
	} else {
		response = identity.deleteConnection(check.grant, decodeURIComponent(idMatch?.[1] ?? '')) ? { status: 204 } : { status: 404, text: 'Resource not found' };
	}
	validator?.validateResponse('xero-identity.yaml', operationId, response.status, response.json);
	return response;
}

export { problem };
