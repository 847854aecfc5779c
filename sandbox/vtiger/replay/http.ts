import { request } from 'node:http';
import type { LiveResponse } from './compare';

export interface LiveRequest {
	method: 'GET' | 'POST';
	query: Record<string, string>;
	form?: Record<string, string>;
	// A multipart/form-data body sent as recorded (34's upload), in place of the urlencoded form.
	multipart?: { contentType: string; body: string };
}

// node:http rather than fetch: the replay checks raw header names (vtiger sends "Content-type").
export function send(baseUrl: string, req: LiveRequest): Promise<LiveResponse> {
	const url = new URL('/webservice.php', baseUrl);
	for (const [k, v] of Object.entries(req.query)) url.searchParams.set(k, v);
	const body = req.multipart?.body ?? (req.form ? new URLSearchParams(req.form).toString() : undefined);
	const contentType = req.multipart?.contentType ?? 'application/x-www-form-urlencoded';
	return new Promise((resolve, reject) => {
		const r = request(
			url,
			{
				method: req.method,
				headers: body === undefined ? {} : { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const headers: Record<string, string> = {};
					for (let i = 0; i < res.rawHeaders.length; i += 2) {
						const name = res.rawHeaders[i];
						headers[name.toLowerCase()] = res.rawHeaders[i + 1];
						headers[`raw:${name}`] = res.rawHeaders[i + 1];
					}
					resolve({ status: res.statusCode ?? 0, headers, bodyRaw: Buffer.concat(chunks).toString('utf8') });
				});
				res.on('error', reject);
			},
		);
		r.on('error', reject);
		if (body !== undefined) r.write(body);
		r.end();
	});
}
