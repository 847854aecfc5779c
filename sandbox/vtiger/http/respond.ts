import type { ServerResponse } from 'node:http';
import { phpJsonEncode } from '../php';

// PHP's session_cache_limiter('nocache') headers; vtiger sends no cookie, the session travels in sessionName.
const NO_CACHE = {
	Expires: 'Thu, 19 Nov 1981 08:52:00 GMT',
	'Cache-Control': 'no-store, no-cache, must-revalidate',
	Pragma: 'no-cache',
};

export function sendEnvelope(res: ServerResponse, body: unknown): void {
	const text = phpJsonEncode(body);
	res.writeHead(200, { 'X-Powered-By': 'PHP/8.2.36', ...NO_CACHE, 'Content-type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

export function sendSuccess(res: ServerResponse, result: unknown): void {
	sendEnvelope(res, { success: true, result });
}

// The key order is message, then code; the duplicate-detection error carries the integer code 0.
export function sendError(res: ServerResponse, code: string | number, message: string): void {
	sendEnvelope(res, { success: false, error: { message, code } });
}

// A PHP fatal error with display_errors=0: status 500, PHP's default content type, nothing in the body.
// The no-cache headers only exist once webservice.php has started the session (not for an unknown operation).
export function sendFatal(res: ServerResponse, sessionStarted: boolean): void {
	const cache = sessionStarted ? NO_CACHE : {};
	res.writeHead(500, { 'X-Powered-By': 'PHP/8.2.36', ...cache, 'Content-type': 'text/html; charset=UTF-8', 'Content-Length': 0 });
	res.end();
}

export function sendControlJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}
