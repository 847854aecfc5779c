import { randomBytes } from 'node:crypto';

// PHP's json_encode escapes "/" and non-ASCII characters; byte-level fidelity keeps clients that
// compare raw bodies (or log them) honest.
export function phpJsonEncode(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

let uniqCounter = 0;

// uniqid() is 13 hex characters derived from the microsecond clock; tokens must look the same.
export function phpUniqid(): string {
	const micros = BigInt(Date.now()) * 1000n + BigInt(uniqCounter++ % 1000);
	return micros.toString(16).slice(-13).padStart(13, '0');
}

// Session names in the transcripts are 19-21 hex characters (a random prefix plus uniqid()).
export function sessionName(): string {
	return randomBytes(4).toString('hex') + phpUniqid();
}

export function phpDateTime(unixSeconds: number): string {
	return new Date(unixSeconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function parseDateTime(value: string): number {
	return Math.floor(Date.parse(value.replace(' ', 'T') + 'Z') / 1000);
}
