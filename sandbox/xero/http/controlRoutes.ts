import { FAULT_KINDS, type FaultKind } from '../control/faults';
import type { SandboxControl } from '../sandboxControl';
import type { WebhookSettings } from '../types';
import type { SandboxResponse } from './types';

function parse(raw: Buffer): Record<string, unknown> {
	if (raw.length === 0) return {};
	const value = JSON.parse(raw.toString('utf8')) as unknown;
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const json = (value: unknown, status = 200): SandboxResponse => ({ status, json: value });

/** /__sandbox/… : the same control the in-process object gives, for the demo and e2e runs in other processes */
export async function handleControl(control: SandboxControl, method: string, path: string, raw: Buffer, url: URL): Promise<SandboxResponse> {
	let body: Record<string, unknown>;
	try {
		body = parse(raw);
	} catch {
		return json({ error: 'body must be JSON' }, 400);
	}
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	switch (route) {
		case 'GET /__sandbox/state': {
			const state = control.state();
			const tenantId = url.searchParams.get('tenantId');
			return json(tenantId ? (state[tenantId] ?? null) : state);
		}
		case 'GET /__sandbox/stats':
			return json(control.stats());
		case 'POST /__sandbox/stats/reset':
			control.resetStats();
			return json({ ok: true });
		case 'POST /__sandbox/reset':
			control.reset(body.data === 'empty' || body.data === 'demo' ? body.data : undefined);
			return json({ ok: true });
		case 'POST /__sandbox/seed': {
			const count = (key: string) => (typeof body[key] === 'number' ? (body[key] as number) : undefined);
			try {
				return json(control.seed({ tenantId: typeof body.tenantId === 'string' ? body.tenantId : undefined, contacts: count('contacts'), items: count('items'), invoices: count('invoices'), prefix: typeof body.prefix === 'string' ? body.prefix : undefined }));
			} catch (error) {
				return json({ error: error instanceof Error ? error.message : String(error) }, 400);
			}
		}
		case 'GET /__sandbox/faults':
			return json(control.faults());
		case 'POST /__sandbox/faults': {
			if (!FAULT_KINDS.includes(body.kind as FaultKind)) return json({ error: `kind must be one of ${FAULT_KINDS.join(', ')}` }, 400);
			control.injectFault({
				kind: body.kind as FaultKind,
				count: typeof body.count === 'number' ? body.count : undefined,
				method: typeof body.method === 'string' ? body.method : undefined,
				path: typeof body.path === 'string' ? body.path : undefined,
				tenantId: typeof body.tenantId === 'string' ? body.tenantId : undefined,
			});
			return json(control.faults());
		}
		case 'DELETE /__sandbox/faults':
			control.clearFaults();
			return json({ ok: true });
		case 'POST /__sandbox/tokens/expire':
			control.expireAccessTokens(typeof body.accessToken === 'string' ? body.accessToken : undefined);
			return json({ ok: true });
		case 'POST /__sandbox/tokens/invalidate-refresh':
			return json({ ok: typeof body.refreshToken === 'string' && control.invalidateRefreshToken(body.refreshToken) });
		case 'POST /__sandbox/clock/advance':
			if (typeof body.ms !== 'number') return json({ error: 'ms (sandbox milliseconds) is required' }, 400);
			control.advanceClock(body.ms);
			return json({ ok: true });
		case 'GET /__sandbox/validation':
			return json(control.validation());
		case 'POST /__sandbox/validation/expect-violations':
			control.expectRequestViolations(typeof body.count === 'number' ? body.count : 1);
			return json({ ok: true });
		case 'GET /__sandbox/webhooks':
			return json(control.webhookSettings());
		case 'POST /__sandbox/webhooks':
			control.configureWebhooks(body as WebhookSettings);
			return json(control.webhookSettings());
		case 'GET /__sandbox/webhooks/deliveries':
			return json(control.webhookDeliveries());
		case 'POST /__sandbox/webhooks/flush':
			await control.flushWebhooks();
			return json(control.webhookDeliveries());
		case 'POST /__sandbox/webhooks/intent-to-receive':
			return json(await control.intentToReceive(typeof body.url === 'string' ? body.url : undefined, typeof body.key === 'string' ? body.key : undefined));
		default:
			return json({ error: `unknown sandbox route ${route}` }, 404);
	}
}
