import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RecordedRequest {
	method: 'GET' | 'POST';
	url: string;
	query: Record<string, string> | null;
	form: Record<string, string> | null;
	content_type?: string | null;
	raw_body?: string | null;
}

export interface RecordedResponse {
	status: number;
	headers: Record<string, string>;
	body_raw: string;
	body: unknown;
}

export interface Exchange {
	request: RecordedRequest;
	response: RecordedResponse;
	note?: string;
}

export interface Transcript {
	file: string;
	scenario: string;
	recorded_at: string;
	// Files 31+ were recorded on a second vtiger instance (README of the transcripts), with its own state.
	endpoint: string;
	exchanges: Exchange[];
	created_ids?: string[];
}

// The recording run is the order the state was built in: files sorted by when they were recorded.
export function loadTranscripts(dir: string): Transcript[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Transcript, 'file'>) }))
		.sort((a, b) => Date.parse(a.recorded_at) - Date.parse(b.recorded_at));
}

// The second the recorded server worked in. The Date header is written when the response ends and can be a
// second later than the time() vtiger used, so the server's own timestamps win where the body has them.
export function serverTime(exchange: Exchange): number {
	const result = (exchange.response.body as { result?: Record<string, unknown> } | null)?.result;
	if (typeof result?.serverTime === 'number') return result.serverTime;
	if (typeof result?.modifiedtime === 'string') return Math.floor(Date.parse(result.modifiedtime.replace(' ', 'T') + 'Z') / 1000);
	return Math.floor(Date.parse(exchange.response.headers.Date) / 1000);
}
