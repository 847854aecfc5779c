import { createHmac } from 'node:crypto';

/** Xero's access tokens are JWTs that clients may decode (exp, scope); these are signed with a per-sandbox key. */
export function signJwt(payload: Record<string, unknown>, key: Buffer): string {
	const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
	const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
	const signature = createHmac('sha256', key).update(`${header}.${body}`).digest('base64url');
	return `${header}.${body}.${signature}`;
}

export function verifyJwt(token: string, key: Buffer): Record<string, unknown> | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest('base64url');
	if (expected !== parts[2]) return undefined;
	try {
		return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}
