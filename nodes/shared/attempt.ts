export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `work` and hands back its failure as a value, for code that recovers from some failures (a missing record,
 * a retryable answer) and passes every other one on unchanged. What it passes on is one of our typed errors
 * (XeroApiError, VtigerApiError), which each node's router turns into a sync-log entry or a NodeApiError, so n8n
 * never receives a raw error.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
	try {
		return { ok: true, value: await work() };
	} catch (error) {
		return { ok: false, error };
	}
}
