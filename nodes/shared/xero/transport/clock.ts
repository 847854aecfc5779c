import { ApplicationError, sleep } from 'n8n-workflow';

/**
 * Xero's windows (60 calls a minute, backoff) last real minutes; the sandbox can run its clock faster. The transport
 * then has to shrink its waits by the same factor, and it learns the factor without any setting a user could change:
 * - in-process tests and the benchmark call setXeroClockScale();
 * - a sandbox announces its scale on every response (SANDBOX_CLOCK_HEADER), and the transport believes the
 *   announcement only from a server on this machine's loopback interface, i.e. from a base-URL override that points
 *   at a sandbox the operator started. Xero itself and any remote host are never believed, so no response from the
 *   internet can make the nodes call faster than Xero's limits.
 * Production never has either: the scale is 1.
 */
let clockScale = 1;

export const SANDBOX_CLOCK_HEADER = 'x-sandbox-clock-scale';

export function setXeroClockScale(scale: number): void {
	// Only tests and the benchmark set the scale: a bad one is a programming error, not a user's.
	if (!isScale(scale)) throw new ApplicationError(`Clock scale must be a positive number, got ${scale}`);
	clockScale = scale;
}

export function getXeroClockScale(): number {
	return clockScale;
}

/** A duration in Xero's time, in real milliseconds under the given scale (by default the process's). */
export function scaled(xeroMs: number, scale: number = clockScale): number {
	return xeroMs / scale;
}

/** The clock scale a response announces, if it came from a loopback host; otherwise undefined. */
export function announcedClockScale(url: string | undefined, headers: Record<string, string>): number | undefined {
	const raw = headers[SANDBOX_CLOCK_HEADER];
	if (raw === undefined || url === undefined) return undefined;
	const scale = Number(raw);
	return isScale(scale) && isLoopback(url) ? scale : undefined;
}

function isScale(value: number): boolean {
	return Number.isFinite(value) && value > 0;
}

function isLoopback(url: string): boolean {
	let hostname: string;
	try {
		hostname = new URL(url).hostname;
	} catch {
		return false;
	}
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(Math.max(0, ms)),
};
