import type { IncomingMessage } from 'node:http';

export type Params = Record<string, string | undefined>;

export function paramsOf(search: URLSearchParams): Params {
	const out: Params = {};
	for (const [key, value] of search) out[key] = value;
	return out;
}

function multipart(body: string, boundary: string): Params {
	const out: Params = {};
	for (const part of body.split(`--${boundary}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
		if (name === undefined) continue;
		out[name] = part.slice(split + 4).replace(/\r\n$/, '');
	}
	return out;
}

// Like PHP's $_POST: only form encodings are parsed; a JSON body leaves the POST parameters empty.
export async function readForm(req: IncomingMessage): Promise<Params> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const body = Buffer.concat(chunks).toString('utf8');
	const type = (req.headers['content-type'] ?? '').toLowerCase();
	if (type.startsWith('application/x-www-form-urlencoded')) return paramsOf(new URLSearchParams(body));
	const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1];
	if (boundary) return multipart(body, boundary);
	return {};
}
