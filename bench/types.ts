/**
 * A benchmark file (bench/<name>.bench.ts) exports `suite`. `npm run bench` runs every suite, or those named on the
 * command line (`npm run bench -- sync`), prints each report as a table and exits 1 when a target was missed.
 */
export interface BenchReport {
	title: string;
	rows: Array<Record<string, string | number>>;
	/** One line per missed target; empty when every target was met. */
	missed: string[];
	notes?: string[];
}

export interface BenchSuite {
	name: string;
	run(): Promise<BenchReport[]>;
}

/** BENCH_QUICK=1: small sizes, a couple of minutes, for trying a change; the docs' figures come from a full run */
export const QUICK = process.env.BENCH_QUICK === '1';
