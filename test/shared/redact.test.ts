import { excerpt, redact, shortQuote } from '../../nodes/shared/redact';
import { safeMessage, syncLogEntry } from '../../nodes/shared/syncLog';
import { errorFromResponse } from '../../nodes/shared/xero/transport/errorMessages';
import { errorFacts } from '../../nodes/XeroSync/helpers/errorFacts';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** Issue 11, defect 9: messages carry too much. */
describe('secrets are hidden on every path, in any case', () => {
	it.each([
		`Authorization: Bearer ${JWT}`,
		`authorization: bearer abc.def-ghi`,
		`AUTHORIZATION: BEARER abc.def-ghi`,
		'{"access_token":"at-123456","refresh_token":"rt-987654"}',
		'grant_type=refresh_token&refresh_token=rt-987654&client_secret=cs-555',
		`token ${JWT} was rejected`,
		'Basic c2FuZGJveC13ZWItY2xpZW50OnNhbmRib3gtd2ViLXNlY3JldA==',
		'{"user_name":"admin","user_hash":"at-123456"}',
	])('%s', (text) => {
		const out = redact(text);
		for (const secret of ['abc.def-ghi', 'at-123456', 'rt-987654', 'cs-555', JWT, 'c2FuZGJveC13ZWItY2xpZW50']) {
			expect(out).not.toContain(secret);
		}
		expect(out).toMatch(/\[hidden\]/);
	});

	it('vtiger password hashes are hidden wherever a body quotes a Users row', () => {
		const hash = '$2y$10$abcdefghijklmnopqrstuuCs5551234567890ABCDEFGHIJKLMNOPQ';
		expect(redact(`SQL error near row (admin, ${hash}, 1)`)).not.toContain(hash.slice(7));
		expect(redact('{"user_hash":"d41d8cd98f00b204e9800998ecf8427e"}')).not.toContain('d41d8cd98f');
	});

	it('a non-JSON error body becomes a short redacted excerpt, never 300 characters of an echoed request', () => {
		const echoed = `<html><body>Bad gateway. Request was: GET /api.xro/2.0/Contacts Authorization: bearer ${JWT} ${'x'.repeat(500)}</body></html>`;
		const error = errorFromResponse({ status: 502, headers: {}, body: echoed }, { method: 'GET', path: '/Contacts', attempts: 1 });
		expect(error.message).not.toContain(JWT.slice(0, 20));
		expect(error.message).not.toContain('<html>');
		expect(error.message.length).toBeLessThan(400);
		expect(excerpt('y'.repeat(1000)).length).toBe(120);
	});

	it('errorFacts and sync-log entries redact whatever reached them, and stay bounded', () => {
		expect(errorFacts(new Error(`failed with BEARER ${JWT}`)).message).not.toContain(JWT);
		const entry = syncLogEntry({ app: 'Xero', action: 'Send Contact', flow: 'CRM → Xero', message: `x ${'v'.repeat(10_000_000)} bearer secret-token` });
		expect(entry.message.length).toBeLessThanOrEqual(2000);
		expect(safeMessage('refresh_token=abc')).toBe('refresh_token=[hidden]');
	});

	it('quotes a user value shortened', () => {
		expect(shortQuote('a'.repeat(10_000_000)).length).toBeLessThan(120);
		expect(shortQuote('short')).toBe('short');
	});
});
