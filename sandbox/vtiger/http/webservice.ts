import type { ServerResponse } from 'node:http';
import type { Engine } from '../engine';
import { Errors, FatalError, VtigerError } from '../errors';
import { failsWithoutOperationManagerPatch, OPERATIONS } from '../ops/table';
import type { Params, UploadedFile } from './form';
import { sendError, sendFatal, sendSuccess } from './respond';

export interface WebserviceRequest {
	method: string;
	query: Params;
	form: Params;
	files?: UploadedFile[];
}

// The order of checks follows webservice.php: operation lookup (outside the try block), session, method.
export async function handleWebservice(engine: Engine, request: WebserviceRequest, res: ServerResponse): Promise<void> {
	const merged = { ...request.query, ...request.form };
	// webservice.php lower-cases the operation name before looking it up.
	const name = (merged.operation ?? '').toLowerCase();
	const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
	if (!operation) return sendFatal(res, false);
	try {
		let user;
		if (!operation.preLogin) {
			const sessionName = merged.sessionName;
			user = engine.sessions.validate(sessionName && sessionName !== 'null' ? sessionName : undefined);
		}
		if (operation.type === 'POST' && request.method !== 'POST') throw Errors.accessDenied();
		if (!engine.settings.operationManagerPatched && failsWithoutOperationManagerPatch(operation))
			throw new FatalError(`Unknown named parameter in OperationManager.php:152 (${name})`);
		const params = operation.type === 'GET' ? request.query : request.form;
		const result = await operation.run(engine, { ...params, sessionName: merged.sessionName }, user, request.files ?? []);
		sendSuccess(res, result);
	} catch (error) {
		if (error instanceof VtigerError) return sendError(res, error.code, error.message);
		if (error instanceof FatalError) return sendFatal(res, true);
		// Anything else is a sandbox bug; vtiger would also die with an empty 500, so clients see the same thing.
		console.error('[vtiger sandbox]', error);
		sendFatal(res, true);
	}
}
