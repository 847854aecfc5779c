import { phpJsonEncode } from '../php';
import type { ReplayMaps } from './mapping';
import type { RecordedResponse } from './transcripts';

export interface LiveResponse {
	status: number;
	headers: Record<string, string>;
	bodyRaw: string;
}

const COMPARED_HEADERS = ['Content-type', 'Expires', 'Cache-Control', 'Pragma'];

function kind(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function show(value: unknown): string {
	const text = JSON.stringify(value) ?? 'absent';
	return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

// Structural comparison: same JSON types everywhere, same keys in the same order, same array lengths, and
// equal scalars once tokens, session names and ids are mapped recorded -> live.
export function compareJson(recorded: unknown, live: unknown, maps: ReplayMaps, path = '$', out: string[] = []): string[] {
	const rk = kind(recorded);
	const lk = kind(live);
	if (rk !== lk) {
		out.push(`${path}: type ${rk} ${show(recorded)} recorded, ${lk} ${show(live)} live`);
		return out;
	}
	if (rk === 'array') {
		const r = recorded as unknown[];
		const l = live as unknown[];
		if (r.length !== l.length) out.push(`${path}: ${r.length} items recorded, ${l.length} live`);
		for (let i = 0; i < Math.min(r.length, l.length); i++) compareJson(r[i], l[i], maps, `${path}[${i}]`, out);
		return out;
	}
	if (rk === 'object') {
		const r = recorded as Record<string, unknown>;
		const l = live as Record<string, unknown>;
		const rKeys = Object.keys(r);
		const lKeys = Object.keys(l);
		const missing = rKeys.filter((k) => !(k in l));
		const extra = lKeys.filter((k) => !(k in r));
		if (missing.length) out.push(`${path}: missing keys ${missing.join(', ')}`);
		if (extra.length) out.push(`${path}: extra keys ${extra.join(', ')}`);
		if (!missing.length && !extra.length && rKeys.join('\u0000') !== lKeys.join('\u0000')) {
			const at = rKeys.findIndex((k, i) => lKeys[i] !== k);
			out.push(`${path}: key order differs at #${at}: recorded ${rKeys[at]}, live ${lKeys[at]}`);
		}
		for (const key of rKeys) if (key in l) compareJson(r[key], l[key], maps, `${path}.${key}`, out);
		return out;
	}
	if (!scalarMatches(recorded, live, path, maps)) out.push(`${path}: ${show(recorded)} recorded, ${show(live)} live`);
	return out;
}

function scalarMatches(recorded: unknown, live: unknown, path: string, maps: ReplayMaps): boolean {
	if (typeof recorded !== 'string' || typeof live !== 'string') return recorded === live;
	const key = path.slice(path.lastIndexOf('.') + 1);
	if (key === 'token') return maps.tokens.bindOrCheck(recorded, live) && /^[0-9a-f]{13}$/.test(live);
	if (key === 'sessionName') return maps.sessions.bindOrCheck(recorded, live);
	if (/^hdnProductId\d+$/.test(key)) return maps.crmids.bindOrCheck(recorded, live);
	const rId = /^(\d+)x(\d+)$/.exec(recorded);
	const lId = /^(\d+)x(\d+)$/.exec(live);
	if (rId && lId) return rId[1] === lId[1] && maps.idSpace(rId[1]).bindOrCheck(rId[2], lId[2]);
	return recorded === live;
}

export function compareResponse(recorded: RecordedResponse, live: LiveResponse, maps: ReplayMaps): string[] {
	const out: string[] = [];
	if (recorded.status !== live.status) out.push(`status ${recorded.status} recorded, ${live.status} live`);
	for (const header of COMPARED_HEADERS) {
		const liveValue = live.headers[header.toLowerCase()];
		if (recorded.headers[header] !== liveValue) out.push(`header ${header}: ${show(recorded.headers[header])} recorded, ${show(liveValue)} live`);
	}
	if ('set-cookie' in live.headers) out.push('live response sets a cookie');
	// PHP writes the header name as "Content-type"; clients that look headers up case-sensitively notice.
	if (!('raw:Content-type' in live.headers)) out.push('live response has no header spelled "Content-type"');
	if (recorded.body_raw === '' || live.bodyRaw === '') {
		if (recorded.body_raw !== live.bodyRaw) out.push(`body: ${show(recorded.body_raw)} recorded, ${show(live.bodyRaw)} live`);
		return out;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(live.bodyRaw);
	} catch {
		out.push(`live body is not JSON: ${show(live.bodyRaw)}`);
		return out;
	}
	// The recorded bodies are exactly what this encoder produces (escaped "/", \u escapes), so the live
	// bytes must be too.
	if (phpJsonEncode(parsed) !== live.bodyRaw) out.push('live body is not encoded like PHP json_encode');
	return compareJson(recorded.body, parsed, maps, '$', out);
}
