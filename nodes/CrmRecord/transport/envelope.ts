import { TransportCode, VtigerApiError } from './VtigerApiError';
import type { VtigerHttpResponse } from './types';

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function isEnvelope(value: unknown): value is { success: boolean; result?: unknown; error?: unknown } {
	return typeof value === 'object' && value !== null && typeof (value as { success?: unknown }).success === 'boolean';
}

const WRITE_OPERATIONS = new Set(['create', 'update', 'revise']);

/** What to do after an empty 500: a write may or may not have happened before PHP died; a read changed nothing. */
export function serverErrorAdvice(operation: string): string {
	if (WRITE_OPERATIONS.has(operation)) {
		return `The record may or may not have been written: run the workflow again (Upsert and Update are safe to repeat; for Create, check the CRM for the record first or use Upsert). If it fails again, check the CRM server's PHP error log.`;
	}
	if (operation === 'delete') {
		return `The record may or may not have been deleted: run the workflow again (a record that is already gone is then reported as missing). If it fails again, check the CRM server's PHP error log.`;
	}
	return `Nothing was changed by this call: run the workflow again; if it fails again, check the CRM server's PHP error log.`;
}

// Stock vtiger 7.5.0 passes webservice parameters to PHP handlers by name; on PHP 8 these operations die before they
// run (transcript 38). sync also needs the vtws_sync signature fix on PHP >= 7.1 (transcript 23z).
const NEEDS_OPERATION_MANAGER_PATCH = new Set(['query', 'retrieve_inventory', 'sync', 'logout']);
const OPERATION_MANAGER_PATCH =
	'include/Webservices/OperationManager.php, runOperation(): change both "call_user_func_array($this->handlerMethod,$params)" to "call_user_func_array($this->handlerMethod, array_values($params))" (needed on PHP 8)';
const GET_UPDATES_PATCH =
	'include/Webservices/GetUpdates.php: change "function vtws_sync($mtime,$elementType,$syncType,$user)" to "function vtws_sync($mtime,$elementType,$syncType=null,$user=null)" (needed on PHP 7.1 and later)';

/** Why a stock vtiger 7.5.0 may die on this operation, and the upstream lines to patch. */
export function phpPatchHint(operation: string): string {
	if (!NEEDS_OPERATION_MANAGER_PATCH.has(operation)) return 'vtiger 7.5 also does this for unknown operations.';
	const patches = operation === 'sync' ? `${OPERATION_MANAGER_PATCH}; and ${GET_UPDATES_PATCH}` : OPERATION_MANAGER_PATCH;
	return `Stock vtiger 7.5.0 on PHP 8 does this for every "${operation}" until it is patched: ${patches}.`;
}

/**
 * vtiger answers handled errors with HTTP 200 and success:false, and fatal PHP errors with HTTP 500 and an empty
 * body; anything else that is not the envelope means the URL is not a vtiger webservice at all.
 */
export function readEnvelope(operation: string, response: VtigerHttpResponse): unknown {
	const parsed = parseBody(response.body);
	if (isEnvelope(parsed)) {
		if (parsed.success) return parsed.result;
		const error = (parsed.error ?? {}) as { code?: unknown; message?: unknown };
		const code = error.code === undefined || error.code === null ? 'UNKNOWN' : String(error.code);
		const message = typeof error.message === 'string' ? error.message : 'vtiger reported a failure';
		throw new VtigerApiError(code, message, operation, response.status);
	}
	if (response.status >= 500 && parsed === undefined) {
		throw new VtigerApiError(
			TransportCode.emptyServerError,
			`The CRM failed with HTTP ${response.status} and an empty response to "${operation}" (a PHP fatal error on the server). ${phpPatchHint(operation)} ${serverErrorAdvice(operation)}`,
			operation,
			response.status,
		);
	}
	if (response.status >= 400) {
		throw new VtigerApiError(
			response.status === 404 ? TransportCode.notWebservice : TransportCode.httpError,
			`The CRM answered "${operation}" with HTTP ${response.status}${response.status === 404 ? ': there is no vtiger webservice.php at this URL' : ''}`,
			operation,
			response.status,
		);
	}
	const looksLikeHtml = typeof parsed === 'string' && /^\s*</.test(parsed);
	throw new VtigerApiError(
		TransportCode.notWebservice,
		`The URL did not answer "${operation}" like a vtiger webservice (${looksLikeHtml ? 'it sent an HTML page' : 'the response is not the vtiger JSON envelope'}). Check the instance URL.`,
		operation,
		response.status,
	);
}
