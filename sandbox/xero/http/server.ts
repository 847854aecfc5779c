import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SandboxControl } from '../sandboxControl';
import type { SandboxCore } from '../sandboxCore';
import { handleAccounting } from './accountingPipeline';
import { handleControl } from './controlRoutes';
import { authorize, connections, revocation, token } from './identityRoutes';
import { SANDBOX_CLOCK_HEADER } from '../../../nodes/shared/xero/transport/clock';
import { BodyTooLarge, readBody, send } from './io';

async function dispatch(core: SandboxCore, control: SandboxControl, req: IncomingMessage, res: ServerResponse, log?: (line: string) => void): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', core.baseUrl || 'http://127.0.0.1');
	const path = url.pathname;
	let raw: Buffer;
	try {
		raw = await readBody(req);
	} catch (error) {
		if (error instanceof BodyTooLarge) {
			send(res, { status: 413, text: 'The request was too large. Requests are limited to 3.5 MB.' });
			return;
		}
		throw error;
	}
	// one line per call, without query strings: codes and tokens must never reach a log
	log?.(`${method} ${path}`);
	if (path.startsWith('/__sandbox/')) {
		send(res, await handleControl(control, method, path, raw, url));
		return;
	}
	if (path.startsWith('/api.xro/2.0/') || path === '/api.xro/2.0') {
		await handleAccounting(core, req, res, url, raw);
		return;
	}
	const lower = path.toLowerCase().replace(/\/+$/, '');
	core.stats.recordIdentity(`${method} ${lower.startsWith('/connections/') ? '/connections/{id}' : lower}`);
	if (method === 'GET' && lower === '/identity/connect/authorize') send(res, authorize(core.identity, url));
	else if (method === 'POST' && lower === '/connect/token') {
		send(res, token(core.identity, req, raw, (grant, outcome) => core.stats.recordIdentity(`token ${grant}: ${outcome}`)));
	}
	else if (method === 'POST' && lower === '/connect/revocation') send(res, revocation(core.identity, req, raw));
	else if (lower === '/connections' || lower.startsWith('/connections/')) send(res, connections(core.identity, core.validator, req, url));
	else if (method === 'GET' && (lower === '' || lower === '/')) send(res, { status: 200, json: { name: 'Xero sandbox', tenants: [...core.tenants.values()].map((tenant) => ({ tenantId: tenant.id, tenantName: tenant.name })) } });
	else send(res, { status: 404, text: "The resource you're looking for cannot be found" });
}

export function createSandboxServer(core: SandboxCore, control: SandboxControl, log?: (line: string) => void): Server {
	const server = createServer((req, res) => {
		// Tells the nodes' transport how fast this sandbox's clock runs (see SANDBOX_CLOCK_HEADER in the transport).
		res.setHeader(SANDBOX_CLOCK_HEADER, String(core.clock.scale));
		dispatch(core, control, req, res, log).catch((error: unknown) => {
			// A crash here is a sandbox bug; say so loudly rather than look like a Xero 500.
			process.stderr.write(`[xero-sandbox] internal error on ${req.method} ${req.url?.split('?')[0]}: ${error instanceof Error ? error.stack : String(error)}\n`);
			if (!res.headersSent) send(res, { status: 500, text: 'Xero sandbox internal error (a sandbox bug, not a simulated fault)' });
			else res.destroy();
		});
	});
	server.keepAliveTimeout = 5000;
	return server;
}
