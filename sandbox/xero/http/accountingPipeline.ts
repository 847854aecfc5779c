import type { IncomingMessage, ServerResponse } from 'node:http';
import { postDataInvalid, problem } from '../accounting/errorShapes';
import { matchAccountingRoute } from '../accounting/routes';
import { parseIfModifiedSince } from '../dates';
import { acceptedScopes, hasAnyScope } from '../identity/scopes';
import type { SandboxCore } from '../sandboxCore';
import type { Tenant } from '../store/tenant';
import { faultResponse, rateLimited } from './faultResponses';
import { unauthorised } from './identityRoutes';
import { headerValue, queryObject, send, serialise } from './io';
import type { AccountingCall, RouteResult, SandboxResponse } from './types';

const API_ROOT = '/api.xro/2.0';
const WRITE_METHODS = ['PUT', 'POST', 'DELETE'];

function forbidden(): SandboxResponse {
	return { status: 403, json: problem(403, 'Forbidden', 'AuthenticationUnsuccessful') };
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** the records an answer carries: its longest list (Invoices, Contacts, …); 0 for an answer without one */
function recordsIn(json: unknown): number {
	if (json === null || typeof json !== 'object') return 0;
	let most = 0;
	for (const value of Object.values(json)) if (Array.isArray(value)) most = Math.max(most, value.length);
	return most;
}

function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
	if (raw.length === 0) return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(raw.toString('utf8')) };
	} catch (error) {
		return { ok: false, message: `JSON for post data was invalid,${error instanceof Error ? error.message : String(error)}` };
	}
}

/**
 * One accounting call, in the order Xero appears to apply its checks: token, tenant, route, scope, injected faults,
 * rate limits, the OpenAPI contract, Idempotency-Key replay, then the work itself.
 */
/** IIS's default maxQueryString, which Xero's answers match (404 from 2,049 characters on). */
export const MAX_QUERY_STRING = 2048;

export async function handleAccounting(core: SandboxCore, req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const path = url.pathname.slice(API_ROOT.length) || '/';
	// Xero's front end refuses a query string over 2,048 characters (as sent, percent-encoded) before the API sees
	// it, with a 404 (README "Request URL length" for the sources).
	const rawQuery = (req.url ?? '').split('?').slice(1).join('?');
	if (rawQuery.length > MAX_QUERY_STRING) {
		send(res, { status: 404, text: "The resource you're looking for cannot be found" });
		return;
	}

	const check = core.identity.checkAccessToken(headerValue(req, 'authorization'));
	if (!check.ok) {
		send(res, unauthorised(check));
		return;
	}
	const grant = check.grant;
	const allowed = core.identity.tenantIdsOf(grant);
	const askedTenant = headerValue(req, 'xero-tenant-id')?.toLowerCase();
	const tenantId = grant.kind === 'custom' ? (askedTenant ?? allowed[0]) : askedTenant;
	const tenant: Tenant | undefined = tenantId && allowed.includes(tenantId) ? core.tenants.get(tenantId) : undefined;
	if (!tenant) {
		send(res, forbidden());
		return;
	}

	const matched = matchAccountingRoute(method, path, headerValue(req, 'accept'));
	if (matched === undefined || matched === 'method') {
		core.stats.record(tenant.id, method, path, matched ? 405 : 404);
		send(res, matched ? { status: 405, text: 'The requested resource does not support http method ' + method } : { status: 404, text: "The resource you're looking for cannot be found" });
		return;
	}
	const { route, params } = matched;

	const yamlScopes = core.validator?.spec('xero_accounting.yaml').scopes.get(route.operationId) ?? core.scopesFor(route.resource, method);
	if (!hasAnyScope(grant.scopes, acceptedScopes(route.resource, yamlScopes))) {
		core.stats.record(tenant.id, method, route.template, 401);
		send(res, { status: 401, json: problem(401, 'Unauthorized', 'AuthorizationUnsuccessful') });
		return;
	}

	const client = core.identity.clients.get(grant.clientId);
	const respond = (result: SandboxResponse, limitHeaders: Record<string, string>, problemName?: string): string => {
		core.stats.record(tenant.id, method, route.template, result.status, problemName);
		const headers = { ...limitHeaders, 'Xero-Correlation-Id': core.correlationId(), ...(result.headers ?? {}) };
		return send(res, { ...result, headers });
	};

	const forced = core.faults.take(method, route.template, tenant.id, 'before', url.searchParams.has('page') ? Number(url.searchParams.get('page')) : undefined);
	if (forced && forced !== 'reset-after-commit') {
		const { response, problem } = faultResponse(core.clock, forced);
		respond(response, core.limiter.headers(tenant.id, grant.clientId), problem);
		return;
	}

	const admission = core.limiter.admit(tenant.id, grant.clientId);
	if (!admission.ok) {
		// A refusal still costs the client a round trip; Retry-After counts from when the answer leaves.
		const roundTrip = core.clock.real(core.options.latency.baseMs);
		if (roundTrip > 0) await sleep(roundTrip);
		const retryAfterMs = admission.retryAfterMs === undefined ? undefined : Math.max(0, admission.retryAfterMs - roundTrip);
		respond(rateLimited(core.clock, admission.problem ?? 'minute', retryAfterMs), admission.headers, admission.problem);
		return;
	}
	// The modelled latency is the whole of a call's time at Xero: the sandbox's own work (parsing, the route, the
	// answer's JSON) happens inside it, not on top of it, or a scaled clock would bill the bench our CPU × scale.
	const admittedAt = performance.now();
	core.stats.tenant(tenant.id).maxInFlight = Math.max(core.stats.tenant(tenant.id).maxInFlight, core.limiter.inFlight(tenant.id).now);
	res.once('close', admission.release);
	try {
		const parsed = parseJson(raw);
		if (!parsed.ok) {
			respond({ status: 400, json: postDataInvalid(parsed.message) }, admission.headers);
			return;
		}
		if (core.validator) {
			const headers = { ...req.headers };
			// Custom Connections need no xero-tenant-id, which the yaml marks required for every call (README).
			if (grant.kind === 'custom' && !headers['xero-tenant-id']) headers['xero-tenant-id'] = tenant.id;
			const query = queryObject(url.searchParams);
			// Invoice writes take allowBackorders since yaml 19.0 (xero-node 20 sends it); 16.1 does not know it yet.
			if (route.resource === 'Invoices' && method !== 'GET') delete query.allowBackorders;
			const errors = core.validator.validateRequest('xero_accounting.yaml', route.operationId, {
				method,
				path: route.yamlPath(params),
				query,
				headers,
				body: parsed.value,
			});
			if (errors) {
				respond({ status: 400, json: postDataInvalid(`The request does not match Xero's OpenAPI description: ${JSON.stringify(errors).slice(0, 1500)}`) }, admission.headers);
				return;
			}
		}

		const idempotencyKey = WRITE_METHODS.includes(method) ? headerValue(req, 'idempotency-key') : undefined;
		if (idempotencyKey) {
			const earlier = core.idempotency.get(grant.clientId, tenant.id, idempotencyKey);
			if (earlier) {
				const stored = await earlier.catch(() => undefined);
				if (stored) {
					core.stats.tenant(tenant.id).idempotentReplays++;
					respond({ status: stored.status, json: stored.json, text: stored.text }, admission.headers);
					return;
				}
			}
		}
		const pendingKey = idempotencyKey ? core.idempotency.begin(grant.clientId, tenant.id, idempotencyKey) : undefined;
		if (core.options.latencyMs > 0) await sleep(core.options.latencyMs);

		const call: AccountingCall = {
			method,
			path,
			params,
			query: url.searchParams,
			headers: req.headers,
			body: parsed.value,
			tenant,
			providerName: client?.name ?? grant.clientId,
			now: core.clock.now(),
			highVolumeThreshold: core.options.highVolumeThreshold,
		};
		let result: RouteResult;
		try {
			result = route.run(call, parseIfModifiedSince(headerValue(req, 'if-modified-since')), core.currencyCodes());
		} catch (error) {
			pendingKey?.forget();
			throw error;
		}
		// A PDF is checked as the `string` (format binary) the yaml declares.
		const checked = result.binary ? result.binary.bytes.toString('latin1') : result.json;
		core.validator?.validateResponse('xero_accounting.yaml', route.operationId, result.status, checked);
		if (result.changes && result.changes.length > 0) core.afterCommit(tenant, result.changes);
		// kept as text so a later change to the records cannot alter the replay
		if (pendingKey) pendingKey.settle({ status: result.status, json: result.json === undefined ? undefined : JSON.parse(serialise(result).body), text: result.text });

		const modelled = core.options.latency.baseMs + core.options.latency.perRecordMs * recordsIn(result.json);
		const tenantStats = core.stats.tenant(tenant.id);
		tenantStats.latenciesMs.push(modelled);
		tenantStats.recordsWritten += result.changes?.filter((change) => !change.silent).length ?? 0;
		const latencyLeft = core.clock.real(modelled) - (performance.now() - admittedAt);
		if (latencyLeft > 0) await sleep(latencyLeft);

		if (result.changes && core.faults.take(method, route.template, tenant.id, 'after-commit')) {
			core.stats.record(tenant.id, method, route.template, 0);
			// The write is in; the client only sees its connection drop (ECONNRESET) and must retry safely.
			req.socket.destroy();
			return;
		}
		respond({ status: result.status, json: result.json, text: result.text, binary: result.binary, headers: result.headers }, admission.headers);
	} finally {
		if (res.writableEnded || res.destroyed) admission.release();
	}
}
