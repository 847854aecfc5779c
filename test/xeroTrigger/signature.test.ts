import { createHmac } from 'crypto';

import { isValidXeroSignature, xeroSignature } from '../../nodes/XeroWebhookTrigger/helpers/signature';

const KEY = 'pq7s+Y2nBz9kX8Q4Jm0vWc3tR6uE1aLh5gFdSyNiPoK=';
const body = JSON.stringify({
	events: [
		{
			resourceUrl: 'https://api.xero.com/api.xro/2.0/Invoices/2a3c5a1e-54a8-4a1b-9c5d-0e8f7a6b5c4d',
			resourceId: '2a3c5a1e-54a8-4a1b-9c5d-0e8f7a6b5c4d',
			tenantId: 'c2cc9b6e-9458-4c7d-93cc-f02b81b0594f',
			tenantType: 'ORGANISATION',
			eventCategory: 'INVOICE',
			eventType: 'UPDATE',
			eventDateUtc: '2026-11-21T12:00:01.123',
		},
	],
	firstEventSequence: 1,
	lastEventSequence: 1,
	entropy: 'FXNGWLCCGVANWHKILRUB',
});

function independentSignature(raw: string | Buffer, key: string): string {
	return createHmac('sha256', Buffer.from(key, 'utf8')).update(raw).digest('base64');
}

describe('Xero webhook signature', () => {
	it('matches an independently computed HMAC-SHA256 in base64', () => {
		expect(xeroSignature(body, KEY)).toBe(independentSignature(body, KEY));
		expect(Buffer.from(xeroSignature(body, KEY), 'base64')).toHaveLength(32);
	});

	it('accepts a delivery signed with the webhook key, as a Buffer or a string', () => {
		const signature = independentSignature(body, KEY);
		expect(isValidXeroSignature(Buffer.from(body, 'utf8'), signature, KEY)).toBe(true);
		expect(isValidXeroSignature(body, signature, KEY)).toBe(true);
	});

	it('accepts the empty "intent to receive" delivery when it is signed', () => {
		const intent = '{"events":[],"firstEventSequence":0,"lastEventSequence":0,"entropy":"ABCDEFGHIJ"}';
		expect(isValidXeroSignature(Buffer.from(intent), independentSignature(intent, KEY), KEY)).toBe(true);
	});

	it('refuses a signature made with another key', () => {
		const signature = independentSignature(body, `${KEY}x`);
		expect(isValidXeroSignature(Buffer.from(body), signature, KEY)).toBe(false);
	});

	it('refuses a missing, empty or repeated header', () => {
		expect(isValidXeroSignature(Buffer.from(body), undefined, KEY)).toBe(false);
		expect(isValidXeroSignature(Buffer.from(body), '', KEY)).toBe(false);
		const signature = independentSignature(body, KEY);
		expect(isValidXeroSignature(Buffer.from(body), [signature, signature], KEY)).toBe(false);
	});

	it('refuses a body changed after signing, even by one byte or by re-serialising the same JSON', () => {
		const signature = independentSignature(body, KEY);
		const tampered = body.replace('"UPDATE"', '"CREATE"');
		expect(isValidXeroSignature(Buffer.from(tampered), signature, KEY)).toBe(false);
		const reformatted = JSON.stringify(JSON.parse(body), null, 2);
		expect(isValidXeroSignature(Buffer.from(reformatted), signature, KEY)).toBe(false);
		expect(isValidXeroSignature(Buffer.from(`${body} `), signature, KEY)).toBe(false);
	});

	it('refuses signatures of the wrong length or encoding without throwing', () => {
		const signature = independentSignature(body, KEY);
		expect(isValidXeroSignature(Buffer.from(body), signature.slice(0, -1), KEY)).toBe(false);
		expect(isValidXeroSignature(Buffer.from(body), `${signature}A`, KEY)).toBe(false);
		const hex = createHmac('sha256', KEY).update(body).digest('hex');
		expect(isValidXeroSignature(Buffer.from(body), hex, KEY)).toBe(false);
	});

	it('never verifies without a key or without a body', () => {
		const signature = independentSignature(body, '');
		expect(isValidXeroSignature(Buffer.from(body), signature, '')).toBe(false);
		expect(isValidXeroSignature(Buffer.from(body), signature, undefined)).toBe(false);
		expect(isValidXeroSignature(undefined, independentSignature(body, KEY), KEY)).toBe(false);
	});
});
