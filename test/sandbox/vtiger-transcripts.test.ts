import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTranscripts } from '../../sandbox/vtiger/replay/transcripts';
import { replayFile, type FileResult } from '../../sandbox/vtiger/replay/replayer';

const DIR = process.env.VTIGER_TRANSCRIPTS_DIR ?? resolve(__dirname, '../../../shared/vtiger-7.5-transcripts');
const EXPECTED_FILES = 63;


const transcripts = existsSync(DIR) ? loadTranscripts(DIR) : [];
const results: FileResult[] = [];

describe('vtiger sandbox replays the real vtiger 7.5 transcripts', () => {
	it(`finds all ${EXPECTED_FILES} transcript files in ${DIR}`, () => {
		expect(transcripts.map((t) => t.file)).toHaveLength(EXPECTED_FILES);
	});

	it.each(transcripts.map((t) => [t.file, t] as const))('%s', async (_file, transcript) => {
		const result = await replayFile(transcript, transcripts);
		results.push(result);
		// Every exchange of every file, the second instance's (31+) included, is reproduced.
		const failures = result.exchanges
			.filter((e) => e.diffs.length)
			.map((e) => ({ exchange: e.index, operation: e.operation, note: e.note, diffs: e.diffs.slice(0, 12) }));
		expect(failures).toEqual([]);
		expect(result.exchanges).toHaveLength(transcript.exchanges.length);
		// The state before each file is rebuilt faithfully enough that every crmid is the recorded one.
		expect(result.driftedIds).toEqual([]);
	});

	afterAll(() => {
		const files = results.filter((r) => r.exchanges.every((e) => e.diffs.length === 0)).length;
		const total = results.reduce((n, r) => n + r.exchanges.length, 0);
		const matched = results.reduce((n, r) => n + r.exchanges.filter((e) => e.diffs.length === 0).length, 0);
		console.log(`vtiger transcript replay: ${files}/${transcripts.length} files, ${matched}/${total} exchanges matched`);
	});
});
