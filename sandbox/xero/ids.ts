import { randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
	return randomUUID();
}

/** opaque secrets: codes, refresh tokens, webhook entropy */
export function opaque(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}
