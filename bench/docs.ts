import type { BenchReport } from './types';

/**
 * The generated parts of docs/benchmarks.md and README.md, between `<!-- bench:start -->` and `<!-- bench:end -->`,
 * from one full run, dated and with the command, so the figures in the docs are always a run's, never typed in.
 */
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const COMMAND = 'npm run bench -- --write-docs';

function markdown(rows: BenchReport['rows'], columns?: string[]): string {
	const names = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (value: unknown) => (value === undefined ? '' : String(value).replace(/\|/g, '\\|'));
	return [`| ${names.join(' | ')} |`, `|${names.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${names.map((c) => cell(r[c])).join(' | ')} |`)].join('\n');
}

function replaceBlock(text: string, block: string, file: string): string {
	const from = text.indexOf(START);
	const to = text.indexOf(END);
	if (from < 0 || to < from) throw new Error(`${file} has no ${START} … ${END} block`);
	return `${text.slice(0, from)}${START}\n${block}\n${text.slice(to)}`;
}

export function writeDocs(
	results: Array<{ suite: string; reports: BenchReport[] }>,
	missed: string[],
	started: Date,
	read: (path: string) => string,
): Record<string, string> {
	const when = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
	const stamp = `Measured ${when} with \`${COMMAND}\` (Node ${process.version}, ${process.platform}/${process.arch}).`;
	const full = results.flatMap(({ suite, reports }) =>
		reports.flatMap((report) => [
			`### ${suite}: ${report.title}`,
			'',
			markdown(report.rows),
			'',
			...(report.notes ?? []).map((note) => `- ${note}`),
			...(report.missed.length > 0 ? ['', '**Targets missed:**', '', ...report.missed.map((line) => `- ${line}`)] : []),
			'',
		]),
	);
	const verdict = missed.length === 0 ? 'All targets met.' : `${missed.length} target(s) missed (the command exits 1).`;
	const docs = replaceBlock(read('docs/benchmarks.md'), [stamp, verdict, '', ...full].join('\n').trimEnd(), 'docs/benchmarks.md');
	// README: the largest size of each run, both latencies, and the peer
	const compact = results.flatMap(({ reports }) => reports.flatMap((report) => report.rows)).filter((r, _i, all) => {
		const sameRun = all.filter((o) => o.run === r.run && o.latency === r.latency);
		return sameRun.every((o) => Number(String(o.records).replace(/,/g, '')) <= Number(String(r.records).replace(/,/g, '')));
	});
	const readme = replaceBlock(
		read('README.md'),
		[`${stamp} ${verdict} Details: [docs/benchmarks.md](docs/benchmarks.md).`, '', markdown(compact, ['run', 'latency', 'records', 'calls', '429s', 'failed', '× true floor', 'CPU ms/item', 'peak RSS (MB)'])].join('\n'),
		'README.md',
	);
	return { 'docs/benchmarks.md': docs, 'README.md': readme };
}
