/** Xero recommends at most 50 elements per write; larger batches risk the 3.5 MB request limit and timeouts. */
export const MAX_BATCH_SIZE = 50;

export function clampBatchSize(requested: unknown): number {
	const size = Math.trunc(Number(requested));
	if (!Number.isFinite(size) || size < 1) return MAX_BATCH_SIZE;
	return Math.min(size, MAX_BATCH_SIZE);
}

export function splitIntoBatches<T>(entries: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < entries.length; start += size) batches.push(entries.slice(start, start + size));
	return batches;
}
