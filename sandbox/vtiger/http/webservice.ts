import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine';
import { Errors, FatalError, VtigerError } from '../errors';
import { OPERATIONS } from '../ops/table';
import { sendError, sendFatal, sendSuccess } from './respond';

export type Params = Record<string, string | undefined>;

export interface WebserviceRequest {
	method: string;
	query: Params;
	form: Params;
}

export function paramsOf(search: URLSearchParams): Params {
	const out: Params = {};
	for (const [key, value] of search) out[key] = value;
	return out;
}

export async function readForm(req: IncomingMessage): Promise<Params> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const body = Buffer.concat(chunks).toString('utf8');
	if (!body) return {};
	return paramsOf(new URLSearchParams(body));
}

// The order of checks follows webservice.php: operation lookup (outside the try block), session, method.
export function handleWebservice(engine: Engine, request: WebserviceRequest, res: ServerResponse): void {
	const merged = { ...request.query, ...request.form };
	const operation = OPERATIONS[merged.operation ?? ''];
	if (!operation) return sendFatal(res, false);
	try {
		let user;
		if (!operation.preLogin) {
			const sessionName = merged.sessionName;
			user = engine.sessions.validate(sessionName && sessionName !== 'null' ? sessionName : undefined);
		}
		if (operation.type === 'POST' && request.method !== 'POST') throw Errors.accessDenied();
		const params = operation.type === 'GET' ? request.query : request.form;
		const result = operation.run(engine, { ...params, sessionName: merged.sessionName }, user);
		sendSuccess(res, result);
	} catch (error) {
		if (error instanceof VtigerError) return sendError(res, error.code, error.message);
		if (error instanceof FatalError) return sendFatal(res, true);
		// Anything else is a sandbox bug; vtiger would also die with an empty 500, so clients see the same thing.
		console.error('[vtiger sandbox]', error);
		sendFatal(res, true);
	}
}
