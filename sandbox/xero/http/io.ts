import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxResponse } from './types';

// Xero refuses POST bodies over 3.5 MB.
/** Xero: "A single POST to the API has a size limit of 3.5MB" (decimal, the stricter reading; see README). */
export const MAX_BODY_BYTES = 3_500_000;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new BodyTooLarge());
				req.resume();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function serialise(response: SandboxResponse): { body: string; contentType?: string } {
	if (response.json !== undefined) return { body: JSON.stringify(response.json), contentType: 'application/json; charset=utf-8' };
	if (response.text !== undefined) return { body: response.text, contentType: 'text/plain; charset=utf-8' };
	return { body: '' };
}

export function send(res: ServerResponse, response: SandboxResponse): string {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	if (response.binary) {
		headers['Content-Type'] = response.binary.contentType;
		headers['Content-Length'] = String(response.binary.bytes.length);
		res.writeHead(response.status, headers);
		res.end(response.binary.bytes);
		return '';
	}
	const { body, contentType } = serialise(response);
	if (contentType) headers['Content-Type'] = contentType;
	headers['Content-Length'] = String(Buffer.byteLength(body));
	res.writeHead(response.status, headers);
	res.end(body);
	return body;
}

/** form bodies (the token endpoint) and client credentials from Basic auth or the body */
export function parseForm(raw: Buffer): URLSearchParams {
	return new URLSearchParams(raw.toString('utf8'));
}

export function basicCredentials(header: string | undefined): { id?: string; secret?: string } {
	const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!match) return {};
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return {};
	return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export function queryObject(query: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of query) out[key] = value;
	return out;
}
