import { sleepWithAbort } from 'n8n-workflow';

/**
 * Keys a Send in this process is looking up and writing, for records Xero does not refuse a second copy of (a bill's
 * supplier + number, a payment's invoice + date + amount + reference): Send finds them before writing, and two
 * executions that look up the same key at once (a schedule that starts a run while the last one still runs) would
 * both find nothing and both create. A run that holds a key makes the other wait until its write is done; the other
 * then finds the record. Several keys are claimed together once none is held, so no run holds some while waiting for
 * others. Queue-mode workers are separate processes: there the lookup alone protects, as before.
 */
const held = new Map<string, Promise<void>>();

/** A run that waited this long for another's key gives up, so one call hung on Xero cannot stall every later run. */
const MAX_WAIT_MS = 10 * 60_000;

export class KeyWaitTimeout extends Error {
	constructor(minutes: number) {
		super(
			`another run of this workflow in this n8n has been writing the same record for ${minutes} minutes (its call to Xero may hang); run this one again later`,
		);
		this.name = 'KeyWaitTimeout';
	}
}

/** Settles when `busy` does or after `ms`, whichever is first; the timer never outlives the wait. */
async function waitAtMost(busy: Array<Promise<void>>, ms: number): Promise<void> {
	const timer = new AbortController();
	try {
		await Promise.race([Promise.all(busy), sleepWithAbort(ms, timer.signal).catch(() => undefined)]);
	} finally {
		timer.abort();
	}
}

export async function withKeysHeld<T>(keys: string[], work: () => Promise<T>, maxWaitMs = MAX_WAIT_MS): Promise<T> {
	const unique = [...new Set(keys)];
	if (unique.length === 0) return await work();
	const started = Date.now();
	for (;;) {
		const busy = unique.flatMap((key) => held.get(key) ?? []);
		if (busy.length === 0) break;
		const left = maxWaitMs - (Date.now() - started);
		if (left <= 0) throw new KeyWaitTimeout(Math.round(maxWaitMs / 60_000));
		await waitAtMost(busy, left);
	}
	// No await since the check above: claiming all the keys is one step.
	let release: () => void = () => undefined;
	const mine = new Promise<void>((resolve) => {
		release = resolve;
	});
	for (const key of unique) held.set(key, mine);
	try {
		return await work();
	} finally {
		for (const key of unique) if (held.get(key) === mine) held.delete(key);
		release();
	}
}
