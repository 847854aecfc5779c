import { readdirSync } from 'fs';
import { join } from 'path';
import type { BenchReport, BenchSuite } from './types';

function table(rows: BenchReport['rows']): string {
	if (rows.length === 0) return '(no rows)';
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cell = (value: unknown) => (value === undefined ? '' : String(value));
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
	const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
	return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join(
		'\n',
	);
}

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const files = readdirSync(__dirname)
		.filter((file) => file.endsWith('.bench.ts'))
		.filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
		.sort();
	if (files.length === 0) throw new Error(`No benchmark matches ${wanted.join(', ')}`);
	const missed: string[] = [];
	for (const file of files) {
		const { suite } = (await import(join(__dirname, file))) as { suite: BenchSuite };
		console.log(`\n### ${suite.name} (${file})`);
		for (const report of await suite.run()) {
			console.log(`\n${report.title}\n${table(report.rows)}`);
			for (const note of report.notes ?? []) console.log(`  note: ${note}`);
			for (const line of report.missed) console.log(`  MISSED: ${line}`);
			missed.push(...report.missed.map((line) => `${suite.name}: ${line}`));
		}
	}
	console.log(missed.length === 0 ? '\nAll targets met.' : `\n${missed.length} target(s) missed.`);
	process.exitCode = missed.length === 0 ? 0 : 1;
}

// n8n-core's HTTP client leaves 300 s redirect timers behind; the figures are printed, so end now.
main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => process.exit());
