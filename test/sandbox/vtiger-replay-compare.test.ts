import { compareJson, compareResponse } from '../../sandbox/vtiger/replay/compare';
import { ReplayMaps } from '../../sandbox/vtiger/replay/mapping';

// The transcript replay is only as strong as this comparison; these cases show what it rejects.
describe('transcript replay comparison', () => {
	const maps = () => new ReplayMaps('key');

	it('rejects other value types, key sets, key orders and row counts', () => {
		expect(compareJson({ a: '2.000' }, { a: 2 }, maps())).toEqual(['$.a: type string "2.000" recorded, number 2 live']);
		expect(compareJson({ a: '', b: '' }, { b: '', a: '' }, maps())).toEqual(['$: key order differs at #0: recorded a, live b']);
		expect(compareJson({ a: '' }, { a: '', label: '' }, maps())).toEqual(['$: extra keys label']);
		expect(compareJson([{}, {}], [{}], maps())).toEqual(['$: 2 items recorded, 1 live']);
		expect(compareJson({ code: 0 }, { code: '0' }, maps())).toEqual(['$.code: type number 0 recorded, string "0" live']);
		expect(compareJson({ v: '1.000' }, { v: '1.00000' }, maps())).toEqual(['$.v: "1.000" recorded, "1.00000" live']);
	});

	it('maps ids, tokens and session names consistently and rejects a mapping that changes', () => {
		const m = maps();
		expect(compareJson({ id: '11x2', token: '6b01858feb325' }, { id: '11x7', token: '0123456789abc' }, m)).toEqual([]);
		expect(compareJson({ account_id: '11x2' }, { account_id: '11x7' }, m)).toEqual([]);
		expect(compareJson({ account_id: '11x2' }, { account_id: '11x8' }, m)).toHaveLength(1);
		expect(compareJson({ other: '11x3' }, { other: '11x7' }, m)).toHaveLength(1);
		expect(compareJson({ id: '11x2' }, { id: '12x7' }, m)).toHaveLength(1);
		expect(m.mapIdsInText("SELECT * FROM Accounts WHERE id IN ('11x2', '11x999');")).toBe("SELECT * FROM Accounts WHERE id IN ('11x7', '11x999');");
	});

	it('checks status, the raw Content-type header, empty bodies and PHP encoding', () => {
		const recorded = { status: 500, headers: { 'Content-type': 'text/html; charset=UTF-8' }, body_raw: '', body: null };
		const live = { status: 500, headers: { 'content-type': 'text/html; charset=UTF-8', 'raw:Content-type': 'text/html; charset=UTF-8' }, bodyRaw: '' };
		expect(compareResponse(recorded, live, maps())).toEqual([]);
		expect(compareResponse(recorded, { ...live, bodyRaw: '{}' }, maps())).toEqual(['body: "" recorded, "{}" live']);
		expect(compareResponse(recorded, { ...live, status: 200 }, maps())).toContain('status 500 recorded, 200 live');
		const json = { status: 200, headers: { 'Content-type': 'application/json' }, body_raw: '{"a":"https:\\/\\/x"}', body: { a: 'https://x' } };
		const liveJson = { status: 200, headers: { 'content-type': 'application/json', 'raw:Content-type': 'application/json' }, bodyRaw: '{"a":"https://x"}' };
		expect(compareResponse(json, liveJson, maps())).toEqual(['live body is not encoded like PHP json_encode']);
		expect(compareResponse(json, { ...liveJson, headers: { 'content-type': 'application/json', 'raw:Content-Type': 'application/json' }, bodyRaw: '{"a":"https:\\/\\/x"}' }, maps())).toEqual([
			'live response has no header spelled "Content-type"',
		]);
	});
});
