import { startVtigerSandbox } from '../index';
import { compareResponse } from './compare';
import { login, type ReplayContext } from './context';
import { RECORD_NUMBERS } from '../schema/wsIds';
import { send, type LiveRequest } from './http';
import { ReplayMaps } from './mapping';
import { NOT_YET_REPRODUCED } from './gaps';
import { PLANS } from './plan';
import { serverTime, type Exchange, type Transcript } from './transcripts';

export interface ExchangeResult {
	index: number;
	operation: string;
	note?: string;
	diffs: string[];
}

export interface FileResult {
	file: string;
	exchanges: ExchangeResult[];
	// crmids / line item ids the sandbox allocated differently from the recording (expected: none).
	driftedIds: string[];
}

async function mapParams(ctx: ReplayContext, params: Record<string, string> | null): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(params ?? {})) {
		// The second instance's files leave their logins out: a session seen for the first time was logged in then.
		if (key === 'sessionName' && ctx.secondInstance && !ctx.maps.sessions.get(value)) ctx.maps.sessions.bindOrCheck(value, await login(ctx));
		if (key === 'sessionName') out[key] = ctx.maps.sessions.get(value) ?? value;
		else if (key === 'accessKey') out[key] = ctx.accessKeys.get(value) ?? ctx.maps.mapAccessKey(value);
		else if (key === 'id' || key === 'element' || key === 'query') out[key] = ctx.maps.mapIdsInText(value);
		else out[key] = value;
	}
	return out;
}

async function replayExchange(ctx: ReplayContext, exchange: Exchange, offset: number, gap: boolean): Promise<string[]> {
	ctx.sandbox.clock.set(serverTime(exchange) + offset);
	const { request, response } = exchange;
	const live: LiveRequest = {
		method: request.method,
		query: await mapParams(ctx, request.query),
		form: request.method === 'POST' ? await mapParams(ctx, request.form) : undefined,
	};
	if (request.content_type?.startsWith('multipart/form-data') && request.raw_body && live.form) live.multipart = multipartBody(request, live.form);
	if (ctx.secondInstance) skipUnrecordedCreates(ctx, exchange);
	const result = await send(ctx.sandbox.url, live);
	const body = response.body as { success?: boolean; result?: { token?: string } } | null;
	if (body?.success && typeof body.result?.token === 'string') ctx.maps.recordedTokens.push(body.result.token);
	// Comparing also binds the recorded tokens, session names and ids to the live ones for later requests.
	return compareResponse(response, result, gap ? ctx.maps.scratch() : ctx.maps);
}

// The recorded multipart body with each recorded form value swapped for its live one (session name, ids).
function multipartBody(request: Exchange['request'], liveForm: Record<string, string>): LiveRequest['multipart'] {
	let body = request.raw_body ?? '';
	for (const [key, value] of Object.entries(request.form ?? {})) {
		const live = liveForm[key];
		if (live !== undefined && live !== value) body = body.split(`name="${key}"\r\n\r\n${value}\r\n`).join(`name="${key}"\r\n\r\n${live}\r\n`);
	}
	return { contentType: request.content_type ?? '', body };
}

// Concurrent requests (37: "round N …, start <time>") were recorded in thread order; the server handled them in
// the order they started (with one shared session PHP's session lock serialises them), so they are sent so.
function sendingOrder(exchanges: Exchange[]): number[] {
	const roundOf = (e: Exchange) => /^round (\d+) .*start (\S+?),?\s/.exec(e.note ?? '');
	const order = exchanges.map((_, i) => i);
	return order.sort((a, b) => {
		const ra = roundOf(exchanges[a]);
		const rb = roundOf(exchanges[b]);
		if (!ra || !rb || ra[1] !== rb[1]) return a - b;
		return Date.parse(ra[2]) - Date.parse(rb[2]) || a - b;
	});
}

async function runTranscript(ctx: ReplayContext, transcript: Transcript): Promise<ExchangeResult[]> {
	const plan = PLANS[transcript.file] ?? {};
	await plan.before?.(ctx, transcript);
	const results: ExchangeResult[] = [];
	for (const index of sendingOrder(transcript.exchanges)) {
		const exchange = transcript.exchanges[index];
		await plan.beforeExchange?.[index]?.(ctx, transcript);
		const gap = NOT_YET_REPRODUCED[transcript.file]?.exchanges.includes(index) ?? false;
		const diffs = await replayExchange(ctx, exchange, plan.clockOffset?.[index] ?? 0, gap);
		const params = exchange.request.query ?? exchange.request.form ?? {};
		results[index] = { index, operation: params.operation ?? '', note: exchange.note, diffs };
	}
	await plan.after?.(ctx, transcript);
	return results;
}

const SECOND_INSTANCE_KEY = 'HvTestKey0123456';

// The second instance's database holds records from runs that were not recorded (crmids ~2239+, ACC2099 …): a
// create whose recorded id or number lies ahead of the sandbox's sequences shows that many creates happened in
// between, so the sequences move forward to it (never back).
function skipUnrecordedCreates(ctx: ReplayContext, exchange: Exchange): void {
	const params = { ...(exchange.request.query ?? {}), ...(exchange.request.form ?? {}) };
	const result = (exchange.response.body as { success?: boolean; result?: Record<string, unknown> } | null)?.result;
	if (!result || typeof result !== 'object') return;
	const store = ctx.sandbox.engine().store;
	// Line items (re)written by this call: their ids come from their own sequence.
	if (/"LineItems"\s*:\s*\[\s*\{/.test(params.element ?? '') && Array.isArray(result.LineItems)) {
		const ids = (result.LineItems as Array<{ id?: string }>).map((line) => Number(String(line.id).split('x')[1])).filter(Number.isFinite);
		if (ids.length) store.skipLineTo(Math.min(...ids));
	}
	if (params.operation !== 'create' || typeof result.id !== 'string') return;
	store.skipTo(Number(result.id.split('x')[1]));
	const numbering = RECORD_NUMBERS[params.elementType ?? ''];
	const number = numbering && /^\D*(\d+)$/.exec(String(result[numbering.field] ?? ''))?.[1];
	if (numbering && number) store.skipRecordNumber(params.elementType ?? '', Number(number) - 1);
}

// A fresh sandbox (a fresh install, like the recording's) brought to the state the recording had when the
// target file started, by replaying every earlier file of the run, then the target file compared exchange by
// exchange.
export async function replayFile(target: Transcript, all: Transcript[]): Promise<FileResult> {
	const secondInstance = target.endpoint !== all[0].endpoint;
	const sandbox = await startVtigerSandbox(
		secondInstance ? { data: 'empty', port: 0, accessKey: SECOND_INSTANCE_KEY, xeroCustomFields: true } : { data: 'empty', port: 0 },
	);
	const ctx: ReplayContext = { sandbox, maps: new ReplayMaps(sandbox.accessKey), transcripts: all, accessKeys: new Map(), secondInstance };
	try {
		for (const transcript of all) {
			if (transcript === target) break;
			if (transcript.endpoint !== target.endpoint) continue;
			await runTranscript(ctx, transcript);
		}
		const exchanges = await runTranscript(ctx, target);
		const driftedIds = [...ctx.maps.crmids.drifted(), ...ctx.maps.lineIds.drifted().map((d) => `33x: ${d}`)];
		return { file: target.file, exchanges, driftedIds };
	} finally {
		await sandbox.close();
	}
}
