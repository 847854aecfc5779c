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
	const readme = replaceBlock(read('README.md'), [`${stamp} ${verdict}`, '', markdown(readmeRows(results.flatMap(({ reports }) => reports.flatMap((report) => report.rows))))].join('\n'), 'README.md');
	return { 'docs/benchmarks.md': docs, 'README.md': readme };
}

const num = (value: unknown) => Number(String(value ?? '').replace(/,/g, ''));

/** README keeps three rows: the largest send (first / unchanged / 10% changed), the largest read, and the peer */
function readmeRows(rows: BenchReport['rows']): BenchReport['rows'] {
	const pick = (prefix: string, latency: string) => {
		const matching = rows.filter((r) => String(r.run).startsWith(prefix) && r.latency === latency);
		const largest = Math.max(...matching.map((r) => num(r.records)));
		return matching.filter((r) => num(r.records) === largest);
	};
	const joined = (list: BenchReport['rows'], column: string) => list.map((r) => String(r[column] ?? '')).join(' / ');
	const sends = pick('send:', 'default');
	const slowSends = pick('send:', 'slow');
	const reads = pick('read', 'default');
	const slowReads = pick('read', 'slow');
	const peer = rows.filter((r) => String(r.run).startsWith('peer'));
	const out: BenchReport['rows'] = [];
	if (sends.length > 0) {
		out.push({ run: 'Xero Sync send: first / re-send unchanged / 10% changed', records: String(sends[0].records), calls: joined(sends, 'calls'), 'records written': joined(sends, 'records written'), '429s': joined(sends, '429s'), failed: joined(sends, 'failed'), '× true floor (default · slow) or outcome': `${joined(sends, '× true floor')} · ${joined(slowSends, '× true floor')}` });
	}
	if (reads.length > 0) {
		out.push({ run: 'Xero Sync read', records: String(reads[0].records), calls: joined(reads, 'calls'), 'records written': '0', '429s': joined(reads, '429s'), failed: joined(reads, 'failed'), '× true floor (default · slow) or outcome': `${joined(reads, '× true floor')} · ${joined(slowReads, '× true floor')}` });
	}
	if (peer.length > 0) {
		out.push({ run: "n8n's Xero node: create contacts / create invoices / get invoices / update contacts", records: joined(peer, 'records'), calls: joined(peer, 'calls'), 'records written': '', '429s': joined(peer, '429s'), failed: joined(peer, 'failed'), '× true floor (default · slow) or outcome': joined(peer, 'workflow failed').replace(/yes/g, 'workflow failed').replace(/\bno\b/g, 'ok') });
	}
	return out;
}
