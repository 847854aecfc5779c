import { DAY, MINUTE, type SandboxClock } from '../clock';

export type LimitProblem = 'minute' | 'day' | 'concurrent' | 'appminute';

export interface LimitSettings {
	minute: number;
	day: number;
	concurrent: number;
	appMinute: number;
}

/** timestamps (real ms) of accepted calls inside a sliding window */
class Window {
	private stamps: number[] = [];
	private start = 0;

	constructor(private readonly lengthMs: () => number) {}

	prune(now: number): void {
		const cutoff = now - this.lengthMs();
		while (this.start < this.stamps.length && this.stamps[this.start] <= cutoff) this.start++;
		// compact now and then so a 100,000-call benchmark does not keep every stamp
		if (this.start > 4096 && this.start * 2 > this.stamps.length) {
			this.stamps = this.stamps.slice(this.start);
			this.start = 0;
		}
	}

	count(now: number): number {
		this.prune(now);
		return this.stamps.length - this.start;
	}

	add(now: number): void {
		this.stamps.push(now);
	}

	/** real ms until the oldest call leaves the window */
	msUntilFree(now: number): number {
		this.prune(now);
		const oldest = this.stamps[this.start];
		return oldest === undefined ? 0 : oldest + this.lengthMs() - now;
	}

	clear(): void {
		this.stamps = [];
		this.start = 0;
	}
}

export interface Admission {
	ok: boolean;
	problem?: LimitProblem;
	retryAfterMs?: number;
	headers: Record<string, string>;
	release: () => void;
}

class TenantLimits {
	readonly minute: Window;
	readonly day: Window;
	inFlight = 0;
	maxInFlight = 0;

	constructor(clock: SandboxClock) {
		this.minute = new Window(() => clock.real(MINUTE));
		this.day = new Window(() => clock.real(DAY));
	}
}

/**
 * Xero's limits: per tenant 60 calls a minute, 5 in flight, 5,000 a day; per app 10,000 a minute. Rejected calls do
 * not use up the allowance. Every answer carries the remaining counts in Xero's headers.
 */
export class RateLimiter {
	private readonly tenants = new Map<string, TenantLimits>();
	private readonly apps = new Map<string, Window>();

	constructor(private readonly clock: SandboxClock, readonly settings: LimitSettings) {}

	private tenant(id: string): TenantLimits {
		let limits = this.tenants.get(id);
		if (!limits) {
			limits = new TenantLimits(this.clock);
			this.tenants.set(id, limits);
		}
		return limits;
	}

	private app(clientId: string): Window {
		let window = this.apps.get(clientId);
		if (!window) {
			window = new Window(() => this.clock.real(MINUTE));
			this.apps.set(clientId, window);
		}
		return window;
	}

	headers(tenantId: string, clientId: string): Record<string, string> {
		const now = this.clock.now();
		const limits = this.tenant(tenantId);
		return {
			'X-DayLimit-Remaining': String(Math.max(0, this.settings.day - limits.day.count(now))),
			'X-MinLimit-Remaining': String(Math.max(0, this.settings.minute - limits.minute.count(now))),
			'X-AppMinLimit-Remaining': String(Math.max(0, this.settings.appMinute - this.app(clientId).count(now))),
		};
	}

	admit(tenantId: string, clientId: string): Admission {
		const now = this.clock.now();
		const limits = this.tenant(tenantId);
		const app = this.app(clientId);
		const reject = (problem: LimitProblem, retryAfterMs?: number): Admission => ({
			ok: false,
			problem,
			retryAfterMs,
			headers: this.headers(tenantId, clientId),
			release: () => undefined,
		});
		if (limits.day.count(now) >= this.settings.day) return reject('day', limits.day.msUntilFree(now));
		if (app.count(now) >= this.settings.appMinute) return reject('appminute', app.msUntilFree(now));
		if (limits.minute.count(now) >= this.settings.minute) return reject('minute', limits.minute.msUntilFree(now));
		if (limits.inFlight >= this.settings.concurrent) return reject('concurrent');
		limits.day.add(now);
		limits.minute.add(now);
		app.add(now);
		limits.inFlight++;
		limits.maxInFlight = Math.max(limits.maxInFlight, limits.inFlight);
		let released = false;
		return {
			ok: true,
			headers: this.headers(tenantId, clientId),
			release: () => {
				if (released) return;
				released = true;
				limits.inFlight--;
			},
		};
	}

	inFlight(tenantId: string): { now: number; max: number } {
		const limits = this.tenant(tenantId);
		return { now: limits.inFlight, max: limits.maxInFlight };
	}

	reset(): void {
		for (const limits of this.tenants.values()) {
			limits.minute.clear();
			limits.day.clear();
			limits.maxInFlight = limits.inFlight;
		}
		for (const window of this.apps.values()) window.clear();
	}
}
