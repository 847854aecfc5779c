import { createHash, randomBytes } from 'node:crypto';
import { DAY, MINUTE, type SandboxClock } from '../clock';
import { newId, opaque } from '../ids';
import { builtInClients, type SandboxClient } from './clients';
import { ConnectionStore, type Connection, type TenantRef } from './connectionStore';
import { signJwt, verifyJwt } from './jwt';

export type { Connection, TenantRef };

export const ACCESS_TOKEN_LIFETIME = 30 * MINUTE;
export const REFRESH_TOKEN_LIFETIME = 60 * DAY;
const CODE_LIFETIME = 5 * MINUTE;
export const SANDBOX_USER_ID = '9bcf3f0f-6bc6-4b8b-8a4c-3a9e4b8f1a10';

interface AuthCode {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	tenantIds: string[];
	expiresAt: number;
	/** PKCE: the challenge the token request's code_verifier must answer */
	challenge?: { value: string; method: 'S256' | 'plain' };
}

interface RefreshToken {
	clientId: string;
	scopes: string[];
	grantId: string;
	issuedAt: number;
	used: boolean;
	/** When it was first used (sandbox ms): it still works until REFRESH_RETRY_GRACE has passed since. */
	usedAt?: number;
	revoked: boolean;
}

/**
 * Xero: "If you don't receive a response from a token refresh you can retry using your existing refresh token for up
 * to 30 minutes" (developer.xero.com/faq/oauth2). A used refresh token is refused only after that grace period.
 */
const REFRESH_RETRY_GRACE = 30 * 60_000;

export interface AccessGrant {
	jti: string;
	clientId: string;
	kind: SandboxClient['kind'];
	scopes: string[];
	grantId: string;
	expiresAt: number;
}

export type TokenCheck =
	| { ok: true; grant: AccessGrant }
	| { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'revoked'; expiredAt?: number };

export class OAuthError extends Error {
	constructor(readonly error: string, readonly description?: string, readonly status = 400) {
		super(error);
	}
}

/**
 * Xero's identity side: one sandbox user who can reach every tenant, apps (clients), the connections each app has
 * to tenants, and the tokens. A grant is one app's authorisation by the user; revoking it ends its tokens.
 */
export class IdentityService {
	readonly clients = new Map<string, SandboxClient>();
	private readonly codes = new Map<string, AuthCode>();
	private readonly refreshTokens = new Map<string, RefreshToken>();
	private readonly expiredEarly = new Set<string>();
	/** grant -> when it was revoked; tokens issued before then stop working, a later consent starts afresh */
	private readonly revokedGrants = new Map<string, number>();
	private readonly connections: ConnectionStore;
	private readonly signingKey = randomBytes(32);
	private allAccessExpiredBefore = 0;

	constructor(private readonly clock: SandboxClock, private readonly tenants: () => TenantRef[]) {
		this.connections = new ConnectionStore(clock, tenants);
		for (const client of builtInClients()) this.addClient(client);
	}

	addClient(client: SandboxClient): void {
		this.clients.set(client.clientId, { ...client });
	}

	authenticateClient(clientId: string | undefined, clientSecret: string | undefined): SandboxClient {
		const client = clientId ? this.clients.get(clientId) : undefined;
		if (!client || client.clientSecret !== clientSecret) throw new OAuthError('invalid_client');
		return client;
	}

	boundTenant(client: SandboxClient): string {
		return client.tenantId ?? this.tenants()[0]?.id ?? '';
	}

	authorize(params: URLSearchParams): string {
		const clientId = params.get('client_id');
		const redirectUri = params.get('redirect_uri');
		const client = clientId ? this.clients.get(clientId) : undefined;
		if (!client) throw new OAuthError('unauthorized_client', 'Unknown client or client not enabled');
		if (client.kind !== 'web') throw new OAuthError('unauthorized_client', 'Invalid grant type for client');
		if (!redirectUri) throw new OAuthError('invalid_request', 'redirect_uri is required');
		if (params.get('response_type') !== 'code') throw new OAuthError('unsupported_response_type');
		const scopes = (params.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
		if (scopes.length === 0) throw new OAuthError('invalid_scope', 'scope is required');
		const known = this.tenants().map((tenant) => tenant.id);
		// The consent screen lets the user tick organisations; `tenants` (a sandbox extension) plays that part.
		const picked = (params.get('tenants') ?? '').split(',').filter(Boolean);
		const tenantIds = picked.length > 0 ? picked.filter((id) => known.includes(id)) : known;
		const challenge = params.get('code_challenge');
		const method = params.get('code_challenge_method') ?? 'plain';
		if (challenge && method !== 'S256' && method !== 'plain') throw new OAuthError('invalid_request', 'code_challenge_method');
		const code = opaque();
		this.codes.set(code, {
			clientId: client.clientId,
			redirectUri,
			scopes,
			tenantIds,
			expiresAt: this.clock.now() + this.clock.real(CODE_LIFETIME),
			...(challenge ? { challenge: { value: challenge, method: method as 'S256' | 'plain' } } : {}),
		});
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		const state = params.get('state');
		if (state !== null) target.searchParams.set('state', state);
		target.searchParams.set('scope', scopes.join(' '));
		return target.toString();
	}

	exchangeCode(client: SandboxClient, code: string | undefined, redirectUri: string | undefined, verifier?: string): Record<string, unknown> {
		const entry = code ? this.codes.get(code) : undefined;
		if (code) this.codes.delete(code);
		if (!entry || entry.clientId !== client.clientId || entry.expiresAt < this.clock.now()) {
			throw new OAuthError('invalid_grant');
		}
		if (entry.redirectUri !== redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri mismatch');
		if (entry.challenge) {
			const answer = entry.challenge.method === 'S256' && verifier ? createHash('sha256').update(verifier).digest('base64url') : verifier;
			if (answer !== entry.challenge.value) throw new OAuthError('invalid_grant', 'code_verifier does not match');
		}
		const grantId = `${client.clientId}`;
		const authEventId = newId();
		this.connections.connect(grantId, authEventId, entry.tenantIds);
		return this.issue(client, entry.scopes, grantId, authEventId);
	}

	refresh(client: SandboxClient, token: string | undefined): Record<string, unknown> {
		const entry = token ? this.refreshTokens.get(token) : undefined;
		if (!entry || entry.revoked || entry.clientId !== client.clientId) throw new OAuthError('invalid_grant');
		if (entry.used && !(entry.usedAt !== undefined && this.clock.now() - entry.usedAt <= this.clock.real(REFRESH_RETRY_GRACE))) {
			throw new OAuthError('invalid_grant');
		}
		const revokedAt = this.revokedGrants.get(entry.grantId);
		if (revokedAt !== undefined && entry.issuedAt <= revokedAt) throw new OAuthError('invalid_grant');
		if (this.clock.now() - entry.issuedAt > this.clock.real(REFRESH_TOKEN_LIFETIME)) {
			throw new OAuthError('invalid_grant');
		}
		if (!entry.used) entry.usedAt = this.clock.now();
		entry.used = true;
		return this.issue(client, entry.scopes, entry.grantId, undefined);
	}

	clientCredentials(client: SandboxClient, requested: string | undefined): Record<string, unknown> {
		if (client.kind !== 'custom') throw new OAuthError('unauthorized_client');
		const asked = (requested ?? '').split(/\s+/).filter(Boolean);
		const invalid = asked.filter((scope) => !client.scopes.includes(scope));
		if (invalid.length > 0) throw new OAuthError('invalid_scope');
		const grantId = `custom:${client.clientId}`;
		return this.issue(client, asked.length > 0 ? asked : client.scopes, grantId, undefined);
	}

	revoke(client: SandboxClient, token: string | undefined): void {
		const entry = token ? this.refreshTokens.get(token) : undefined;
		// RFC 7009: an unknown token is not an error.
		if (!entry || entry.clientId !== client.clientId) return;
		entry.revoked = true;
		this.revokedGrants.set(entry.grantId, this.clock.now());
		this.connections.drop(entry.grantId);
	}

	private issue(
		client: SandboxClient,
		scopes: string[],
		grantId: string,
		authEventId: string | undefined,
	): Record<string, unknown> {
		const now = this.clock.now();
		const lifetime = this.clock.real(ACCESS_TOKEN_LIFETIME);
		const payload = {
			nbf: Math.floor(now / 1000),
			exp: Math.floor((now + lifetime) / 1000),
			iatMs: now,
			expMs: now + lifetime,
			iss: 'https://identity.xero.com',
			aud: 'https://identity.xero.com/resources',
			client_id: client.clientId,
			sub: client.kind === 'web' ? SANDBOX_USER_ID : undefined,
			xero_userid: client.kind === 'web' ? SANDBOX_USER_ID : undefined,
			authentication_event_id: authEventId,
			jti: newId(),
			grant_id: grantId,
			kind: client.kind,
			scope: scopes,
		};
		const body: Record<string, unknown> = {
			access_token: signJwt(payload, this.signingKey),
			// real seconds, like Retry-After: at clockScale 60 the token lives 30 s and says so
			expires_in: Math.max(1, Math.round(lifetime / 1000)),
			token_type: 'Bearer',
			scope: scopes.join(' '),
		};
		if (client.kind === 'web' && scopes.includes('openid')) {
			body.id_token = signJwt(
				{ sub: SANDBOX_USER_ID, aud: client.clientId, iss: 'https://identity.xero.com', exp: payload.exp },
				this.signingKey,
			);
		}
		if (client.kind === 'web' && scopes.includes('offline_access')) {
			const refreshToken = opaque();
			this.refreshTokens.set(refreshToken, {
				clientId: client.clientId,
				scopes,
				grantId,
				issuedAt: now,
				used: false,
				revoked: false,
			});
			body.refresh_token = refreshToken;
		}
		return body;
	}

	checkAccessToken(authorization: string | undefined): TokenCheck {
		const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
		if (!match) return { ok: false, reason: 'missing' };
		const payload = verifyJwt(match[1], this.signingKey);
		if (!payload) return { ok: false, reason: 'invalid' };
		const grant: AccessGrant = {
			jti: String(payload.jti),
			clientId: String(payload.client_id),
			kind: payload.kind === 'custom' ? 'custom' : 'web',
			scopes: Array.isArray(payload.scope) ? (payload.scope as string[]) : [],
			grantId: String(payload.grant_id),
			expiresAt: Number(payload.expMs),
		};
		const issuedAt = Number(payload.iatMs);
		const revokedAt = this.revokedGrants.get(grant.grantId);
		if ((revokedAt !== undefined && issuedAt <= revokedAt) || !this.clients.has(grant.clientId)) {
			return { ok: false, reason: 'revoked' };
		}
		const expired =
			grant.expiresAt <= this.clock.now() || this.expiredEarly.has(grant.jti) || issuedAt <= this.allAccessExpiredBefore;
		if (expired) return { ok: false, reason: 'expired', expiredAt: Math.min(grant.expiresAt, this.clock.now()) };
		return { ok: true, grant };
	}

	/** fault injection: one token (or every token issued so far) stops working before its 30 minutes are up */
	expireAccessTokens(accessToken?: string): number {
		if (accessToken) {
			const check = this.checkAccessToken(`Bearer ${accessToken}`);
			if (!check.ok) return 0;
			this.expiredEarly.add(check.grant.jti);
			return 1;
		}
		this.allAccessExpiredBefore = this.clock.now();
		return -1;
	}

	/** fault injection: a refresh token used elsewhere (another n8n worker rotated it) longer ago than the grace period */
	invalidateRefreshToken(token: string): boolean {
		const entry = this.refreshTokens.get(token);
		if (!entry) return false;
		entry.used = true;
		entry.usedAt = undefined;
		return true;
	}

	connectionsOf(grant: AccessGrant): Connection[] {
		if (grant.kind === 'custom') {
			const client = this.clients.get(grant.clientId);
			const tenant = this.tenants().find((candidate) => candidate.id === (client ? this.boundTenant(client) : ''));
			if (!tenant) return [];
			// A Custom Connection is connected from the start, to its one organisation.
			if (!this.connections.has(grant.grantId)) this.connections.connect(grant.grantId, newId(), [tenant.id]);
		}
		return this.connections.list(grant.grantId);
	}

	deleteConnection(grant: AccessGrant, connectionId: string): boolean {
		this.connectionsOf(grant);
		return this.connections.remove(grant.grantId, connectionId);
	}

	/** the tenants this token may call; Custom Connections reach exactly their one organisation */
	tenantIdsOf(grant: AccessGrant): string[] {
		return this.connectionsOf(grant).map((connection) => connection.tenantId);
	}
}
