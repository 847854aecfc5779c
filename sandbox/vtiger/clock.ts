// Tests move time (token expiry, session idle, sync boundaries) without waiting, so every timestamp the
// sandbox writes comes from this clock.
export class SandboxClock {
	private fixed: number | null = null;
	private offset = 0;

	constructor(private readonly source: () => number = () => Date.now() / 1000) {}

	now(): number {
		return Math.floor(this.fixed ?? this.source() + this.offset);
	}

	set(unixSeconds: number | null): void {
		this.fixed = unixSeconds;
	}

	advance(seconds: number): void {
		if (this.fixed !== null) this.fixed += seconds;
		else this.offset += seconds;
	}
}
