import { startVtigerSandbox } from '../index';
import { compareResponse, type LiveResponse } from './compare';
import { RaceSchedule, raceOrder } from './race';
import { login, type ReplayContext } from './context';
import { RECORD_NUMBERS } from '../schema/wsIds';
import { send, type LiveRequest } from './http';
import { ReplayMaps } from './mapping';
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

async function liveRequest(ctx: ReplayContext, exchange: Exchange): Promise<LiveRequest> {
	const { request } = exchange;
	const live: LiveRequest = {
		method: request.method,
		query: await mapParams(ctx, request.query),
		form: request.method === 'POST' ? await mapParams(ctx, request.form) : undefined,
	};
	if (request.content_type?.startsWith('multipart/form-data') && request.raw_body && live.form) live.multipart = multipartBody(request, live.form);
	return live;
}

function compareLive(ctx: ReplayContext, exchange: Exchange, result: LiveResponse): string[] {
	const body = exchange.response.body as { success?: boolean; result?: { token?: string } } | null;
	if (body?.success && typeof body.result?.token === 'string') ctx.maps.recordedTokens.push(body.result.token);
	// Comparing also binds the recorded tokens, session names and ids to the live ones for later requests.
	return compareResponse(exchange.response, result, ctx.maps);
}

async function replayExchange(ctx: ReplayContext, exchange: Exchange, offset: number): Promise<string[]> {
	ctx.sandbox.clock.set(serverTime(exchange) + offset);
	const live = await liveRequest(ctx, exchange);
	if (ctx.secondInstance) skipUnrecordedCreates(ctx, exchange);
	return compareLive(ctx, exchange, await send(ctx.sandbox.url, live));
}

// The creates of one round sent with one session per thread really ran in parallel (37): they are sent at once,
// and the emulator's create steps are put in the order their recorded results show (race.ts).
function raceBatch(exchanges: Exchange[], order: number[], from: number): number[] {
	const round = (i: number) => /^round (\d+) .*start /.exec(exchanges[i].note ?? '')?.[1];
	const first = round(order[from]);
	if (first === undefined) return [];
	const batch: number[] = [];
	for (let k = from; k < order.length && round(order[k]) === first; k++) batch.push(order[k]);
	const sessions = batch.map((i) => exchanges[i].request.form?.sessionName);
	const parallel = batch.every((i) => exchanges[i].request.form?.operation === 'create') && new Set(sessions).size === batch.length;
	return parallel && batch.length > 1 ? batch : [];
}

async function replayRace(ctx: ReplayContext, file: Transcript, batch: number[]): Promise<Map<number, string[]>> {
	const exchanges = batch.map((i) => file.exchanges[i]);
	ctx.sandbox.clock.set(Math.min(...exchanges.map(serverTime)));
	const lives: LiveRequest[] = [];
	for (const exchange of exchanges) lives.push(await liveRequest(ctx, exchange));
	const engine = ctx.sandbox.engine();
	const created = exchanges
		.map((e) => (e.response.body as { success?: boolean; result?: Record<string, string> } | null)?.result)
		.filter((r): r is Record<string, string> => !!r && typeof r.id === 'string');
	if (ctx.secondInstance && created.length) {
		engine.store.skipTo(Math.min(...created.map((r) => Number(r.id.split('x')[1]))));
		const module = exchanges[0].request.form?.elementType ?? '';
		const numbering = RECORD_NUMBERS[module];
		const numbers = created.map((r) => Number(/(\d+)$/.exec(String(numbering ? r[numbering.field] : ''))?.[1])).filter(Number.isFinite);
		if (numbering && numbers.length) engine.store.skipRecordNumber(module, Math.min(...numbers) - 1);
	}
	const schedule = new RaceSchedule(raceOrder(exchanges.map((exchange, k) => ({ session: lives[k].form?.sessionName ?? '', exchange }))));
	const previous = engine.createStep;
	engine.createStep = schedule.step;
	let responses: LiveResponse[];
	try {
		responses = await Promise.all(
			lives.map(async (live) => {
				const response = await send(ctx.sandbox.url, live);
				schedule.finished(live.form?.sessionName ?? '');
				return response;
			}),
		);
	} finally {
		engine.createStep = previous;
	}
	const out = new Map<number, string[]>();
	batch
		.map((index, k) => ({ index, k }))
		.sort((a, b) => a.index - b.index)
		.forEach(({ index, k }) => out.set(index, compareLive(ctx, exchanges[k], responses[k])));
	return out;
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
	const record = (index: number, diffs: string[]) => {
		const exchange = transcript.exchanges[index];
		const params = exchange.request.query ?? exchange.request.form ?? {};
		results[index] = { index, operation: params.operation ?? '', note: exchange.note, diffs };
	};
	const order = sendingOrder(transcript.exchanges);
	for (let k = 0; k < order.length; ) {
		const batch = raceBatch(transcript.exchanges, order, k);
		for (const index of batch.length ? batch : [order[k]]) await plan.beforeExchange?.[index]?.(ctx, transcript);
		if (batch.length) {
			for (const [index, diffs] of await replayRace(ctx, transcript, batch)) record(index, diffs);
			k += batch.length;
			continue;
		}
		const index = order[k++];
		record(index, await replayExchange(ctx, transcript.exchanges[index], plan.clockOffset?.[index] ?? 0));
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
