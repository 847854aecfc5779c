/**
 * The true floor: the least time `calls` can take under Xero's per-tenant limits, for any client.
 * - a sliding 60-second window admits at most 60 calls (a fresh window admits a burst of 60 at once), so call k can
 *   start no earlier than 60 s after call k-60 started;
 * - at most 5 calls are in flight, so call k can start no earlier than the earliest of the calls before it ends;
 * - each call lasts its latency (which grows with the size of the answer).
 * Calls are started as early as both limits allow, in the order given; dependencies between calls (a lookup before a
 * write) are ignored, so no real client can beat it. Pure; seconds in, seconds out.
 */
export interface XeroLimits {
	/** calls admitted by one sliding window (Xero: 60) */
	perWindow: number;
	/** the window's length in seconds (Xero: 60) */
	windowSeconds: number;
	/** calls in flight at once (Xero: 5) */
	concurrent: number;
}

export const XERO_LIMITS: XeroLimits = { perWindow: 60, windowSeconds: 60, concurrent: 5 };

/** `latencies`: one per call, in seconds, or one number for every call of `calls`. */
export function trueFloorSeconds(latencies: number[] | { calls: number; latency: number }, limits: XeroLimits = XERO_LIMITS): number {
	const durations = Array.isArray(latencies) ? latencies : Array.from({ length: latencies.calls }, () => latencies.latency);
	if (durations.some((d) => !(d >= 0))) throw new Error('latencies must be numbers >= 0');
	if (!(limits.perWindow >= 1 && limits.concurrent >= 1 && limits.windowSeconds >= 0)) throw new Error('limits must be positive');
	const starts: number[] = [];
	// the end times of the calls in flight, smallest first (at most `concurrent` of them)
	const running: number[] = [];
	let last = 0;
	for (const [k, duration] of durations.entries()) {
		let start = k >= limits.perWindow ? starts[k - limits.perWindow] + limits.windowSeconds : 0;
		if (running.length === limits.concurrent) start = Math.max(start, running.shift() as number);
		// calls start in order: never before the previous one
		if (k > 0) start = Math.max(start, starts[k - 1]);
		starts.push(start);
		const end = start + duration;
		running.splice(sortedIndex(running, end), 0, end);
		last = Math.max(last, end);
	}
	return last;
}

function sortedIndex(values: number[], value: number): number {
	let index = 0;
	while (index < values.length && values[index] <= value) index++;
	return index;
}

/** The figure benchmarks used to print: calls spread evenly at 60 a minute, no burst, no latency. */
export function naiveFloorSeconds(calls: number, limits: XeroLimits = XERO_LIMITS): number {
	return (calls / limits.perWindow) * limits.windowSeconds;
}
