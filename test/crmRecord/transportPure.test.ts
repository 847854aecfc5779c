import { readFileSync } from 'fs';
import { join } from 'path';

import { webserviceUrl } from '../../nodes/CrmRecord/transport/endpoint';
import { readEnvelope } from '../../nodes/CrmRecord/transport/envelope';
import { VtigerApiError } from '../../nodes/CrmRecord/transport/VtigerApiError';
import { collectSync, cursorToSave, startTime } from '../../nodes/CrmRecord/helpers/syncPages';
import type { SyncResult } from '../../nodes/CrmRecord/transport/types';

const TRANSCRIPTS = '/work/shared/vtiger-7.5-transcripts';

function recorded(file: string, index: number) {
	const data = JSON.parse(readFileSync(join(TRANSCRIPTS, file), 'utf8'));
	const { status, body_raw: body, headers } = data.exchanges[index].response;
	return { status, body, contentType: headers?.['Content-type'] ?? headers?.['Content-Type'] };
}

function thrown(run: () => unknown): VtigerApiError {
	try {
		run();
	} catch (error) {
		if (error instanceof VtigerApiError) return error;
		throw error;
	}
	throw new Error('did not throw');
}

describe('webserviceUrl', () => {
	test.each([
		['https://crm.example.com', 'https://crm.example.com/webservice.php'],
		['https://crm.example.com/', 'https://crm.example.com/webservice.php'],
		['crm.example.com/vtiger/index.php?module=Home', 'https://crm.example.com/vtiger/webservice.php'],
		['http://127.0.0.1:8088/webservice.php', 'http://127.0.0.1:8088/webservice.php'],
	])('%s', (input, expected) => {
		expect(webserviceUrl(input)).toBe(expected);
	});
});

describe('readEnvelope on recorded responses', () => {
	test('success returns the result', () => {
		expect(readEnvelope('getchallenge', recorded('01_getchallenge.json', 0))).toHaveProperty('token');
	});

	test('success:false becomes a typed error with vtiger code and message', () => {
		const error = thrown(() => readEnvelope('login', recorded('03_login_wrong_accesskey.json', 1)));
		expect(error.code).toBe('INVALID_USER_CREDENTIALS');
		expect(error.message).toBe('Invalid username or password');
	});

	test('the integer code 0 of duplicate detection becomes "0"', () => {
		const error = thrown(() => readEnvelope('create', recorded('30_duplicate_detection.json', 0)));
		expect(error.code).toBe('0');
		expect(error.message).toBe('Duplicate(s) detected!');
	});

	test('an empty HTTP 500 is a clear error, not a JSON parse failure', () => {
		const response = recorded('24_invalid_session.json', 3);
		expect(response.status).toBe(500);
		const error = thrown(() => readEnvelope('nosuchop', response));
		expect(error.code).toBe('HTTP_500_EMPTY');
		expect(error.message).toMatch(/HTTP 500 and an empty response/);
		expect(error.message).toMatch(/Nothing was changed by this call: run the workflow again/);
	});

	test('an empty HTTP 500 to a write says it may have been written and how to repeat it safely', () => {
		const response = recorded('24_invalid_session.json', 3);
		const create = thrown(() => readEnvelope('create', response));
		expect(create.message).toMatch(/^The CRM failed with HTTP 500 and an empty response to "create" \(a PHP fatal error/);
		expect(create.message).toMatch(
			/The record may or may not have been written: run the workflow again \(Upsert and Update are safe to repeat; for Create, check the CRM for the record first or use Upsert\)/,
		);
		expect(thrown(() => readEnvelope('revise', response)).message).toMatch(/may or may not have been written: run the workflow again/);
		expect(thrown(() => readEnvelope('delete', response)).message).toMatch(/may or may not have been deleted: run the workflow again/);
	});

	test('an HTML page or a 404 says the URL is not a vtiger webservice', () => {
		expect(thrown(() => readEnvelope('getchallenge', { status: 200, body: '<!doctype html><html></html>' })).message).toMatch(
			/not answer .* like a vtiger webservice \(it sent an HTML page\)/,
		);
		const notFound = thrown(() => readEnvelope('getchallenge', { status: 404, body: 'Not Found' }));
		expect(notFound.code).toBe('NOT_A_VTIGER_WEBSERVICE');
		expect(readEnvelope('listtypes', { status: 200, body: { success: true, result: { types: [] } } })).toEqual({ types: [] });
	});

	test('JSON that is not the envelope is not mistaken for success', () => {
		expect(thrown(() => readEnvelope('getchallenge', { status: 200, body: '{"ok":true}' })).code).toBe(
			'NOT_A_VTIGER_WEBSERVICE',
		);
	});
});

describe('sync paging', () => {
	function pages(...results: Array<Partial<SyncResult>>) {
		const asked: number[] = [];
		let n = 0;
		return {
			asked,
			fetch: async (time: number) => {
				asked.push(time);
				return { updated: [], deleted: [], more: false, lastModifiedTime: time, ...results[n++] } as SyncResult;
			},
		};
	}

	test('follows more until done and returns the last lastModifiedTime as cursor', async () => {
		const { asked, fetch } = pages(
			{ updated: [{ id: '11x2', v: 1 }, { id: '11x3' }], more: true, lastModifiedTime: 200 },
			{ updated: [{ id: '11x2', v: 2 }], deleted: ['11x4'], more: false, lastModifiedTime: 260 },
		);
		const collected = await collectSync(fetch, 100);
		expect(asked).toEqual([100, 200]);
		expect(collected.cursor).toBe(260);
		expect(collected.changes).toEqual([
			{ kind: 'updated', id: '11x3', record: { id: '11x3' } },
			{ kind: 'updated', id: '11x2', record: { id: '11x2', v: 2 } },
			{ kind: 'deleted', id: '11x4' },
		]);
	});

	test('a record changed and then deleted is reported once, as deleted', async () => {
		const { fetch } = pages(
			{ updated: [{ id: '11x5' }], more: true, lastModifiedTime: 300 },
			{ deleted: ['11x5'], lastModifiedTime: 301 },
		);
		expect((await collectSync(fetch, 1)).changes).toEqual([{ kind: 'deleted', id: '11x5' }]);
	});

	test('more:true without progress stops with an error instead of looping', async () => {
		const { fetch } = pages({ more: true, lastModifiedTime: 50 });
		await expect(collectSync(fetch, 50)).rejects.toThrow(/did not advance/);
	});

	test('the start time: an explicit date wins, then the cursor, never 0 (vtiger fails on 0)', () => {
		expect(startTime('2026-11-21T00:00:00Z', 5)).toBe(1795219200);
		expect(startTime('', 1795261839)).toBe(1795261839);
		expect(startTime(undefined, undefined)).toBe(1);
		expect(startTime('', 0)).toBe(1);
		expect(() => startTime('yesterday-ish', undefined)).toThrow(/not a date/);
	});
});

describe('cursorToSave', () => {
	test('a cursor in the server\'s current or previous second steps back one second', () => {
		expect(cursorToSave(1000, 1000.4)).toBe(999);
		expect(cursorToSave(999, 1000.9)).toBe(998);
	});

	test('an older cursor is saved as it is', () => {
		expect(cursorToSave(990, 1000)).toBe(990);
	});

	test('never below 1 (vtiger fails on 0)', () => {
		expect(cursorToSave(1, 1)).toBe(1);
	});
});
