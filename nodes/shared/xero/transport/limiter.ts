import type { Clock } from './clock';
import { getXeroClockScale, realClock, scaled } from './clock';

export interface LimiterSettings {
	/** Xero: 5 calls in flight per tenant. */
	maxInFlight: number;
	/** Xero: 60 calls per minute per tenant. */
	perWindow: number;
	/** Real milliseconds of the window under the limiter's clock scale (a function so a new scale applies at once). */
	windowMs: (clockScale: number) => number;
	/** Longest time a request may take to reach Xero after we send it (real ms). */
	arrivalMarginMs: (clockScale: number) => number;
}

const XERO_LIMITS: LimiterSettings = {
	maxInFlight: 5,
	perWindow: 60,
	windowMs: (clockScale) => scaled(60_000, clockScale),
	// Arrival takes real time that does not shrink with the clock scale; an in-process sandbox shares the event loop
	// with the caller, so under load a request can be counted well after it was sent.
	arrivalMarginMs: (clockScale) => Math.max(250, scaled(2_000, clockScale)),
};

export interface Permit {
	/** Call when the response (or failure) has arrived. */
	release(): void;
}

/**
 * Keeps one tenant's calls inside Xero's limits so a healthy run never sees a 429: at most `maxInFlight` at once and
 * at most `perWindow` in any window. A call counts from when Xero can at the latest have counted it (its answer, or
 * the send time plus the arrival margin if that is earlier), so our window never ends before Xero's, and a slow
 * answer does not hold its slot longer than needed. Calls made elsewhere (another workflow, another app instance) show up
 * as a lower X-MinLimit-Remaining and are added as if made now. Waiters are served first come, first served.
 */
export class TenantLimiter {
	private inFlight = 0;

	/** Arrival times of finished calls still inside the window, oldest first. */
	private finished: number[] = [];

	private pausedUntil = 0;

	private dayExhaustedUntil = 0;

	private readonly queue: Array<() => void> = [];

	private timerDue: number | undefined;

	/** The scale a loopback sandbox announced for this tenant's calls (see announcedClockScale). */
	private announcedScale: number | undefined;

	constructor(
		private readonly settings: LimiterSettings = XERO_LIMITS,
		private readonly clock: Clock = realClock,
	) {}

	/** This tenant's clock scale: what its sandbox announced, else the process's (1 unless a test set it). */
	clockScale(): number {
		return this.announcedScale ?? getXeroClockScale();
	}

	noteClockScale(scale: number): void {
		this.announcedScale = scale;
	}

	async acquire(): Promise<Permit> {
		await new Promise<void>((resolve) => {
			this.queue.push(resolve);
			this.pump();
		});
		const sentAt = this.clock.now();
		let released = false;
		return {
			release: () => {
				if (released) return;
				released = true;
				this.inFlight -= 1;
				this.record(Math.min(this.clock.now(), sentAt + this.arrivalMarginMs()));
				this.pump();
			},
		};
	}

	/**
	 * How late after its send a call can reach Xero. Over a network that is bounded; a sandbox that announced its clock
	 * runs on this machine, often in this process, where a busy event loop or a GC pause can hold a request back for
	 * any time, so there only the answer bounds the arrival (a 429 seen in a loaded test run came from exactly this).
	 */
	private arrivalMarginMs(): number {
		return this.announcedScale === undefined ? this.settings.arrivalMarginMs(this.clockScale()) : Infinity;
	}

	/** Keeps `finished` sorted: a slow call may be counted from before a quick one that finished first. */
	private record(countedFrom: number): void {
		let index = this.finished.length;
		while (index > 0 && this.finished[index - 1] > countedFrom) index--;
		this.finished.splice(index, 0, countedFrom);
	}

	/** Xero said how many calls are left in its window; trust it when it knows of more calls than we do. */
	noteRemaining(remaining: number): void {
		if (!Number.isFinite(remaining) || remaining < 0) return;
		const now = this.clock.now();
		this.prune(now);
		const serverUsed = this.settings.perWindow - remaining;
		const unknown = serverUsed - (this.finished.length + this.inFlight);
		for (let i = 0; i < Math.min(unknown, this.settings.perWindow); i++) this.finished.push(now);
	}

	/** No call for this tenant starts before `until` (a Retry-After). */
	pauseUntil(until: number): void {
		if (until > this.pausedUntil) this.pausedUntil = until;
		this.pump();
	}

	/** Xero said the day's allowance is gone: calls fail at once until then instead of asking again. */
	markDayExhausted(until: number): void {
		this.dayExhaustedUntil = Math.max(this.dayExhaustedUntil, until);
	}

	dayExhaustedForMs(): number {
		return Math.max(0, this.dayExhaustedUntil - this.clock.now());
	}

	/** For tests and diagnostics. */
	snapshot(): { inFlight: number; inWindow: number; waiting: number; pausedForMs: number } {
		const now = this.clock.now();
		this.prune(now);
		return {
			inFlight: this.inFlight,
			inWindow: this.finished.length + this.inFlight,
			waiting: this.queue.length,
			pausedForMs: Math.max(0, this.pausedUntil - now),
		};
	}

	private prune(now: number): void {
		const windowStart = now - this.settings.windowMs(this.clockScale());
		let drop = 0;
		while (drop < this.finished.length && this.finished[drop] <= windowStart) drop++;
		if (drop > 0) this.finished.splice(0, drop);
	}

	/** 0 when a call may start now; a positive wait in ms; Infinity when only a release can free a slot. */
	private waitNeeded(now: number): number {
		if (now < this.pausedUntil) return this.pausedUntil - now;
		if (this.inFlight >= this.settings.maxInFlight) return Infinity;
		this.prune(now);
		if (this.finished.length + this.inFlight < this.settings.perWindow) return 0;
		if (this.finished.length === 0) return Infinity;
		return this.finished[0] + this.settings.windowMs(this.clockScale()) - now + 1;
	}

	private pump(): void {
		while (this.queue.length > 0) {
			const now = this.clock.now();
			const wait = this.waitNeeded(now);
			if (wait === 0) {
				this.inFlight += 1;
				(this.queue.shift() as () => void)();
				continue;
			}
			if (wait !== Infinity) this.wakeIn(now, wait);
			return;
		}
	}

	private wakeIn(now: number, wait: number): void {
		const due = now + wait;
		if (this.timerDue !== undefined && this.timerDue <= due) return;
		this.timerDue = due;
		void this.clock.sleep(wait).then(() => {
			if (this.timerDue === due) this.timerDue = undefined;
			this.pump();
		});
	}
}

const limiters = new Map<string, TenantLimiter>();

/** One limiter per tenant for the whole process: every execution and node calling that tenant shares it. */
export function limiterFor(key: string): TenantLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new TenantLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}

/** Tests only: forget every tenant's state (e.g. between sandboxes). */
export function resetXeroLimiters(): void {
	limiters.clear();
}
