/**
 * Sandbox time. Timestamps (UpdatedDateUTC, token issue times) follow the wall clock plus any offset a test added;
 * every duration (rate-limit windows, token lifetimes, Retry-After) is divided by the scale, so clockScale 60 makes
 * one sandbox minute last one real second.
 */
export class SandboxClock {
	private offsetMs = 0;

	constructor(readonly scale: number) {
		if (!(scale > 0)) throw new Error(`clockScale must be > 0, got ${scale}`);
	}

	now(): number {
		return Date.now() + this.offsetMs;
	}

	/** real milliseconds that a sandbox duration lasts */
	real(sandboxMs: number): number {
		return sandboxMs / this.scale;
	}

	/** moves sandbox time forward, e.g. past a refresh token's 60 days, without waiting */
	advance(sandboxMs: number): void {
		this.offsetMs += this.real(sandboxMs);
	}

	/** Retry-After in real seconds: a whole number at scale 1 (as Xero sends), fractional when scaled */
	retryAfter(realMs: number): string {
		const seconds = Math.max(realMs, 0) / 1000;
		if (this.scale === 1) return String(Math.max(1, Math.ceil(seconds)));
		return String(Math.max(0.001, Math.ceil(seconds * 1000) / 1000));
	}
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
