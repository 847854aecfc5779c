import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { writeDocs } from './docs';
import { QUICK, type BenchReport, type BenchSuite } from './types';

/**
 * `npm run bench [-- <suite>…] [-- --write-docs]`: runs the suites, prints their tables and the targets missed, and
 * exits 1 when one was. --write-docs regenerates docs/benchmarks.md and README's table from this run's figures.
 */
function table(rows: BenchReport['rows']): string {
	if (rows.length === 0) return '(no rows)';
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (value: unknown) => (value === undefined ? '' : String(value));
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
	const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
	return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const write = args.includes('--write-docs');
	const wanted = args.filter((arg) => !arg.startsWith('--'));
	const files = readdirSync(__dirname)
		.filter((file) => file.endsWith('.bench.ts'))
		.filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
		.sort();
	if (files.length === 0) throw new Error(`No benchmark matches ${wanted.join(', ')}`);
	if (write && (QUICK || wanted.length > 0)) throw new Error('--write-docs takes a full run of every suite (no BENCH_QUICK, no suite names)');
	const started = new Date();
	const results: Array<{ suite: string; reports: BenchReport[] }> = [];
	const missed: string[] = [];
	for (const file of files) {
		const { suite } = (await import(join(__dirname, file))) as { suite: BenchSuite };
		console.log(`\n### ${suite.name} (${file})${QUICK ? ' — quick mode' : ''}`);
		const reports = await suite.run();
		results.push({ suite: suite.name, reports });
		for (const report of reports) {
			console.log(`\n${report.title}\n${table(report.rows)}`);
			for (const note of report.notes ?? []) console.log(`  note: ${note}`);
			for (const line of report.missed) console.log(`  MISSED: ${line}`);
			missed.push(...report.missed.map((line) => `${suite.name}: ${line}`));
		}
	}
	console.log(missed.length === 0 ? '\nAll targets met.' : `\n${missed.length} target(s) missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
	if (write) {
		const root = join(__dirname, '..');
		for (const [file, text] of Object.entries(writeDocs(results, missed, started, (path) => readFileSync(join(root, path), 'utf8')))) {
			writeFileSync(join(root, file), text);
			console.log(`wrote ${file}`);
		}
	}
	process.exitCode = missed.length === 0 ? 0 : 1;
}

// n8n-core's HTTP client leaves 300 s redirect timers behind; the figures are printed, so end now.
main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => process.exit());
