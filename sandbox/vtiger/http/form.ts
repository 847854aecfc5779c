import type { IncomingMessage } from 'node:http';

export type Params = Record<string, string | undefined>;

// A file part of a multipart/form-data POST, as PHP puts it in $_FILES[field].
export interface UploadedFile {
	field: string;
	name: string;
	type: string;
	bytes: Buffer;
}

export interface PostBody {
	form: Params;
	files: UploadedFile[];
}

export function paramsOf(search: URLSearchParams): Params {
	const out: Params = {};
	for (const [key, value] of search) out[key] = value;
	return out;
}

// The body is split as latin1 so a file's bytes survive; text fields are read back as UTF-8. A part with a
// filename goes to $_FILES, not $_POST.
function multipart(body: Buffer, boundary: string): PostBody {
	const out: PostBody = { form: {}, files: [] };
	for (const part of body.toString('latin1').split(`--${boundary}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const head = Buffer.from(part.slice(0, split), 'latin1').toString('utf8');
		const name = /name="([^"]*)"/i.exec(head)?.[1];
		if (name === undefined) continue;
		const content = part.slice(split + 4).replace(/\r\n$/, '');
		const filename = /filename="([^"]*)"/i.exec(head)?.[1];
		if (filename === undefined) out.form[name] = Buffer.from(content, 'latin1').toString('utf8');
		else
			out.files.push({
				field: name,
				name: filename,
				type: /^content-type:\s*(.+)$/im.exec(head)?.[1].trim() ?? '',
				bytes: Buffer.from(content, 'latin1'),
			});
	}
	return out;
}

// Like PHP's $_POST/$_FILES: only form encodings are parsed; a JSON body leaves the POST parameters empty.
export async function readForm(req: IncomingMessage): Promise<PostBody> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const body = Buffer.concat(chunks);
	const type = (req.headers['content-type'] ?? '').toLowerCase();
	if (type.startsWith('application/x-www-form-urlencoded')) return { form: paramsOf(new URLSearchParams(body.toString('utf8'))), files: [] };
	const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1];
	if (boundary) return multipart(body, boundary);
	return { form: {}, files: [] };
}
