import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { FaultSpec } from './control/faults';
import { createSandboxServer } from './http/server';
import { builtInClients, type SandboxClient } from './identity/clients';
import { resolveOptions, SandboxCore } from './sandboxCore';
import { SandboxControl } from './sandboxControl';
import { DEMO_TENANT_ID, SECOND_TENANT_ID } from './store/demoData';
import type { XeroSandboxOptions } from './types';

export type { XeroSandboxOptions, WebhookSettings, DemoData, LatencyModel } from './types';
export type { FaultKind, FaultSpec } from './control/faults';
export type { SandboxClient } from './identity/clients';
export type { WebhookDelivery, IntentToReceiveResult, WebhookEvent } from './webhooks/webhookSender';
export { xeroSignature } from './webhooks/signature';
export { DEMO_TENANT_ID, SECOND_TENANT_ID };

export interface TokenSet {
	access_token: string;
	refresh_token?: string;
	id_token?: string;
	expires_in: number;
	token_type: string;
	scope: string;
}

export interface AuthorizeOptions {
	clientId?: string;
	clientSecret?: string;
	scopes?: string[];
	redirectUri?: string;
	/** tenant ids to connect (default: all) */
	tenants?: string[];
}

export const DEFAULT_WEB_SCOPES = [
	'openid',
	'profile',
	'email',
	'offline_access',
	'accounting.contacts',
	'accounting.invoices',
	'accounting.payments',
	'accounting.settings',
];

export interface XeroSandbox extends SandboxControl {
	/** http://127.0.0.1:PORT; identity, login, connections and accounting all live here */
	url: string;
	port: number;
	tenants: Array<{ tenantId: string; tenantName: string }>;
	clients: { web: SandboxClient; custom: SandboxClient; customNoScope: SandboxClient };
	/** the whole authorization-code flow over HTTP, as an app would run it; returns the token response */
	authorize(options?: AuthorizeOptions): Promise<TokenSet>;
	/** a Custom Connection token (client_credentials) */
	clientCredentialsToken(clientId?: string, clientSecret?: string): Promise<TokenSet>;
	close(): Promise<void>;
}

async function postForm(url: string, form: Record<string, string>, basic: { id: string; secret: string }): Promise<TokenSet> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}`,
		},
		body: new URLSearchParams(form).toString(),
	});
	const body = (await response.json()) as TokenSet & { error?: string };
	if (!response.ok) throw new Error(`token endpoint answered ${response.status} ${body.error ?? ''}`);
	return body;
}

/** Starts a Xero sandbox on 127.0.0.1 (port 0 = a free port). See sandbox/xero/README.md. */
export async function startXeroSandbox(options: XeroSandboxOptions = {}): Promise<XeroSandbox> {
	const resolved = resolveOptions(options);
	const core = new SandboxCore(resolved, options);
	await core.init();
	const control = new SandboxControl(core);
	const server: Server = createSandboxServer(core, control, options.log);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	core.baseUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
	const clients = builtInClients();
	const sockets = new Set<import('node:net').Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	const sandbox = Object.assign(control, {
		url: core.baseUrl,
		port: address.port,
		tenants: [...core.tenants.values()].map((tenant) => ({ tenantId: tenant.id, tenantName: tenant.name })),
		clients: { web: clients[0], custom: clients[1], customNoScope: clients[2] },
		async authorize(authorizeOptions: AuthorizeOptions = {}): Promise<TokenSet> {
			const clientId = authorizeOptions.clientId ?? clients[0].clientId;
			const clientSecret = authorizeOptions.clientSecret ?? clients[0].clientSecret;
			const redirectUri = authorizeOptions.redirectUri ?? 'http://127.0.0.1/oauth2-callback';
			const consent = new URL('/identity/connect/authorize', core.baseUrl);
			consent.search = new URLSearchParams({
				response_type: 'code',
				client_id: clientId,
				redirect_uri: redirectUri,
				scope: (authorizeOptions.scopes ?? DEFAULT_WEB_SCOPES).join(' '),
				state: 'sandbox',
				...(authorizeOptions.tenants ? { tenants: authorizeOptions.tenants.join(',') } : {}),
			}).toString();
			const redirect = await fetch(consent, { redirect: 'manual' });
			const location = redirect.headers.get('location');
			if (redirect.status !== 302 || !location) throw new Error(`authorize answered ${redirect.status}`);
			const code = new URL(location).searchParams.get('code') ?? '';
			return postForm(`${core.baseUrl}/connect/token`, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, { id: clientId, secret: clientSecret });
		},
		clientCredentialsToken(clientId = clients[1].clientId, clientSecret = clients[1].clientSecret): Promise<TokenSet> {
			return postForm(`${core.baseUrl}/connect/token`, { grant_type: 'client_credentials' }, { id: clientId, secret: clientSecret });
		},
		async close(): Promise<void> {
			await core.webhooks.close();
			core.validator?.flush();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
		},
	});
	return sandbox as XeroSandbox;
}

/** For sandbox/cli.ts: starts a sandbox and returns the lines a person needs to point a credential at it. */
export async function runXeroSandboxCli(options: XeroSandboxOptions = {}): Promise<{ sandbox: XeroSandbox; banner: string[] }> {
	const sandbox = await startXeroSandbox({ data: 'demo', ...options });
	const { web, custom, customNoScope } = sandbox.clients;
	const banner = [
		`Xero sandbox: ${sandbox.url}  (base URL override for the Xero credentials)`,
		`  authorize  ${sandbox.url}/identity/connect/authorize   token  ${sandbox.url}/connect/token`,
		`  API        ${sandbox.url}/api.xro/2.0                connections  ${sandbox.url}/connections`,
		`  OAuth2 web app:        client id ${web.clientId}  secret ${web.clientSecret}  (any redirect URI)`,
		`  Custom Connection:     client id ${custom.clientId}  secret ${custom.clientSecret}`,
		`  without accounting scope: client id ${customNoScope.clientId}  secret ${customNoScope.clientSecret}`,
		...sandbox.tenants.map((tenant) => `  tenant ${tenant.tenantName}: ${tenant.tenantId}`),
		`  control: ${sandbox.url}/__sandbox/state, /__sandbox/stats, /__sandbox/faults (see sandbox/xero/README.md)`,
	];
	return { sandbox, banner };
}

export type { FaultSpec as SandboxFaultSpec };
