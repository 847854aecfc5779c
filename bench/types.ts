/**
 * A benchmark file (bench/<name>.bench.ts) exports `suite`. `npm run bench` runs every suite, or those named on the
 * command line (`npm run bench -- xeroSync`), prints each report as a table and exits 1 when a target was missed.
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
