import { createHmac, timingSafeEqual } from 'crypto';

/** What Xero sends in x-xero-signature: base64(HMAC-SHA256(raw body, webhook key)). */
export function xeroSignature(rawBody: Buffer | string, webhookKey: string): string {
	return createHmac('sha256', webhookKey).update(rawBody).digest('base64');
}

/**
 * Compares in constant time so the time to refuse a forged signature says nothing about how much of it was right.
 * The header is compared as the exact base64 text Xero sends; a missing or repeated header, or an empty key,
 * never verifies.
 */
export function isValidXeroSignature(
	rawBody: Buffer | string | undefined,
	header: string | string[] | undefined,
	webhookKey: string | undefined,
): boolean {
	if (rawBody === undefined || typeof header !== 'string' || header.length === 0) return false;
	if (typeof webhookKey !== 'string' || webhookKey.length === 0) return false;
	const expected = Buffer.from(xeroSignature(rawBody, webhookKey), 'utf8');
	const given = Buffer.from(header.trim(), 'utf8');
	if (given.length !== expected.length) return false;
	return timingSafeEqual(given, expected);
}
