import { sleep } from '../../sleep';

/**
 * Xero's windows (60 calls a minute, Retry-After, backoff) last real minutes; the sandbox can run them faster. Tests,
 * the benchmark and e2e runs tell the transport the same scale, so its waits shrink with the sandbox's clock.
 * Production never sets it (1).
 */
let clockScale = readEnvScale();

function readEnvScale(): number {
	const value = Number(process.env.XERO_CRM_CLOCK_SCALE ?? '1');
	return Number.isFinite(value) && value > 0 ? value : 1;
}

export function setXeroClockScale(scale: number): void {
	if (!(Number.isFinite(scale) && scale > 0)) throw new Error(`Clock scale must be a positive number, got ${scale}`);
	clockScale = scale;
}

export function getXeroClockScale(): number {
	return clockScale;
}

/** A duration in Xero's time, in real milliseconds under the current scale. */
export function scaled(xeroMs: number): number {
	return xeroMs / clockScale;
}

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep,
};
