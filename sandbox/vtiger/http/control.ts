import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VtigerSandbox } from '../index';
import { sendControlJson } from './respond';

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	if (!text) return {};
	const parsed: unknown = JSON.parse(text);
	return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

// The same control the in-process object offers, for the demo and e2e runs that start the sandbox elsewhere.
export async function handleControl(sandbox: VtigerSandbox, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const route = `${req.method} ${url.pathname.replace(/^\/__sandbox/, '')}`;
	try {
		switch (route) {
			case 'GET /state':
				return sendControlJson(res, 200, sandbox.state());
			case 'GET /records':
				return sendControlJson(res, 200, sandbox.records(url.searchParams.get('module') ?? ''));
			case 'POST /reset': {
				const body = await readJson(req);
				const data = body.data === 'empty' || body.data === 'demo' ? body.data : undefined;
				sandbox.reset(data);
				return sendControlJson(res, 200, sandbox.state());
			}
			case 'POST /faults': {
				const body = await readJson(req);
				if (body.clear) sandbox.faults.clear();
				if (typeof body.sessions === 'string') sandbox.faults.breakSessions(body.sessions as 'invalid' | 'expired' | 'idle');
				if (typeof body.http500 === 'number') sandbox.faults.fail500(body.http500);
				if (typeof body.latencyMs === 'number') sandbox.faults.latency(body.latencyMs);
				if (typeof body.saveGapMs === 'number') sandbox.faults.slowSaves(body.saveGapMs);
				if (body.expireChallenges) sandbox.faults.expireChallenges();
				return sendControlJson(res, 200, sandbox.state().faults);
			}
			case 'POST /clock': {
				const body = await readJson(req);
				if ('set' in body) sandbox.clock.set(typeof body.set === 'number' ? body.set : null);
				if (typeof body.advance === 'number') sandbox.clock.advance(body.advance);
				return sendControlJson(res, 200, { now: sandbox.clock.now() });
			}
			case 'POST /settings': {
				const body = await readJson(req);
				if (body.currencyDecimals === 0 || body.currencyDecimals === 2) sandbox.setCurrencyDecimals(body.currencyDecimals);
				if (typeof body.syncPatched === 'boolean') sandbox.setSyncPatched(body.syncPatched);
				if (typeof body.operationManagerPatched === 'boolean') sandbox.setOperationManagerPatched(body.operationManagerPatched);
				return sendControlJson(res, 200, sandbox.state().settings);
			}
			default:
				return sendControlJson(res, 404, { error: `unknown control route ${route}` });
		}
	} catch (error) {
		sendControlJson(res, 400, { error: (error as Error).message });
	}
}
