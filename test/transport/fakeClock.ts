import type { Clock } from '../../nodes/shared/xero/transport/clock';

/** A clock that only moves when the test says so; sleepers wake in time order as it passes them. */
export class FakeClock implements Clock {
	private time = 0;

	private sleepers: Array<{ at: number; wake: () => void }> = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((resolve) => this.sleepers.push({ at: this.time + Math.max(0, ms), wake: resolve }));
	}

	/** Moves time on, waking every sleeper on the way and letting the promises they release settle. */
	async advance(ms: number): Promise<void> {
		const target = this.time + ms;
		for (;;) {
			this.sleepers.sort((a, b) => a.at - b.at);
			const next = this.sleepers[0];
			if (!next || next.at > target) break;
			this.sleepers.shift();
			this.time = next.at;
			next.wake();
			await settle();
		}
		this.time = target;
		await settle();
	}
}

export async function settle(): Promise<void> {
	for (let i = 0; i < 20; i++) await Promise.resolve();
}
