import type { VtigerSandbox } from '../index';
import { send, type LiveRequest } from './http';
import { md5, type ReplayMaps } from './mapping';
import type { Transcript } from './transcripts';

export interface ReplayContext {
	sandbox: VtigerSandbox;
	maps: ReplayMaps;
	transcripts: Transcript[];
	// Recorded accessKeys whose challenge was not recorded, with the live key to send instead.
	accessKeys: Map<string, string>;
	// The second instance: logins were left out of its files, and its database was not fresh.
	secondInstance: boolean;
}

type Envelope = { success: boolean; result?: Record<string, unknown>; error?: { code: unknown; message: string } };

export async function call(ctx: ReplayContext, req: LiveRequest): Promise<Envelope> {
	const res = await send(ctx.sandbox.url, req);
	const body = JSON.parse(res.bodyRaw) as Envelope;
	if (!body.success) throw new Error(`setup call ${JSON.stringify(req)} failed: ${JSON.stringify(body.error)}`);
	return body;
}

export async function challenge(ctx: ReplayContext): Promise<string> {
	const body = await call(ctx, { method: 'GET', query: { operation: 'getchallenge', username: 'admin' } });
	return String(body.result?.token);
}

export async function login(ctx: ReplayContext): Promise<string> {
	const token = await challenge(ctx);
	const body = await call(ctx, {
		method: 'POST',
		query: {},
		form: { operation: 'login', username: 'admin', accessKey: md5(token + ctx.sandbox.accessKey) },
	});
	return String(body.result?.sessionName);
}

export async function create(ctx: ReplayContext, session: string, elementType: string, element: Record<string, unknown>) {
	const body = await call(ctx, {
		method: 'POST',
		query: {},
		form: { operation: 'create', sessionName: session, elementType, element: JSON.stringify(element) },
	});
	return body.result as Record<string, unknown>;
}
