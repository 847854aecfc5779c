import { createHmac } from 'node:crypto';

/** x-xero-signature: base64(HMAC-SHA256(raw body, webhook key)) */
export function xeroSignature(rawBody: string, key: string): string {
	return createHmac('sha256', key).update(rawBody, 'utf8').digest('base64');
}
