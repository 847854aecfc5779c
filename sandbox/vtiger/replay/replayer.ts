import { startVtigerSandbox } from '../index';
import { compareResponse } from './compare';
import type { ReplayContext } from './context';
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

function mapParams(ctx: ReplayContext, params: Record<string, string> | null): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(params ?? {})) {
		if (key === 'sessionName') out[key] = ctx.maps.sessions.get(value) ?? value;
		else if (key === 'accessKey') out[key] = ctx.accessKeys.get(value) ?? ctx.maps.mapAccessKey(value);
		else if (key === 'id' || key === 'element' || key === 'query') out[key] = ctx.maps.mapIdsInText(value);
		else out[key] = value;
	}
	return out;
}

async function replayExchange(ctx: ReplayContext, exchange: Exchange, offset: number): Promise<string[]> {
	ctx.sandbox.clock.set(serverTime(exchange) + offset);
	const { request, response } = exchange;
	const live: LiveRequest = {
		method: request.method,
		query: mapParams(ctx, request.query),
		form: request.method === 'POST' ? mapParams(ctx, request.form) : undefined,
	};
	const result = await send(ctx.sandbox.url, live);
	const body = response.body as { success?: boolean; result?: { token?: string } } | null;
	if (body?.success && typeof body.result?.token === 'string') ctx.maps.recordedTokens.push(body.result.token);
	// Comparing also binds the recorded tokens, session names and ids to the live ones for later requests.
	return compareResponse(response, result, ctx.maps);
}

async function runTranscript(ctx: ReplayContext, transcript: Transcript): Promise<ExchangeResult[]> {
	const plan = PLANS[transcript.file] ?? {};
	await plan.before?.(ctx, transcript);
	const results: ExchangeResult[] = [];
	for (const [index, exchange] of transcript.exchanges.entries()) {
		await plan.beforeExchange?.[index]?.(ctx, transcript);
		const diffs = await replayExchange(ctx, exchange, plan.clockOffset?.[index] ?? 0);
		const params = exchange.request.query ?? exchange.request.form ?? {};
		results.push({ index, operation: params.operation ?? '', note: exchange.note, diffs });
	}
	await plan.after?.(ctx, transcript);
	return results;
}

// A fresh sandbox (a fresh install, like the recording's) brought to the state the recording had when the
// target file started, by replaying every earlier file of the run, then the target file compared exchange by
// exchange.
export async function replayFile(target: Transcript, all: Transcript[]): Promise<FileResult> {
	const sandbox = await startVtigerSandbox({ data: 'empty', port: 0 });
	const ctx: ReplayContext = { sandbox, maps: new ReplayMaps(sandbox.accessKey), transcripts: all, accessKeys: new Map() };
	try {
		for (const transcript of all) {
			if (transcript === target) break;
			await runTranscript(ctx, transcript);
		}
		const exchanges = await runTranscript(ctx, target);
		const driftedIds = [...ctx.maps.crmids.drifted(), ...ctx.maps.lineIds.drifted().map((d) => `33x: ${d}`)];
		return { file: target.file, exchanges, driftedIds };
	} finally {
		await sandbox.close();
	}
}
