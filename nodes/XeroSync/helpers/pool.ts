/**
 * Runs `work` over `tasks` with at most `limit` running at once, starting them in order. Xero allows 5 calls in
 * flight per organisation; with one call per batch in the common case, that many batches in flight keeps a run at
 * the rate limit instead of at the sum of response times.
 */
export async function runPool<T>(tasks: T[], limit: number, work: (task: T, index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			await work(tasks[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
