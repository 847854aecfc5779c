import { createHash } from 'node:crypto';

// Recorded values that differ by nature between the recording and a replay (random tokens and session names,
// and crmids if the sequence drifted): each recorded value is bound to one live value, consistently both ways.
export class Bijection {
	private readonly forward = new Map<string, string>();
	private readonly backward = new Map<string, string>();

	get(recorded: string): string | undefined {
		return this.forward.get(recorded);
	}

	// Pairs whose live value differs from the recorded one.
	drifted(): string[] {
		return [...this.forward].filter(([r, l]) => r !== l).map(([r, l]) => `${r} -> ${l}`);
	}

	// Binds recorded -> live when neither side is bound yet; returns whether the pair is consistent.
	bindOrCheck(recorded: string, live: string): boolean {
		const known = this.forward.get(recorded);
		if (known !== undefined) return known === live;
		if (this.backward.has(live)) return false;
		this.forward.set(recorded, live);
		this.backward.set(live, recorded);
		return true;
	}
}

export function md5(text: string): string {
	return createHash('md5').update(text).digest('hex');
}

export class ReplayMaps {
	readonly tokens = new Bijection();
	readonly sessions = new Bijection();
	// Keyed by "<wsId>x" for line items (own sequence) and "crm" for every other module (shared sequence).
	readonly crmids = new Bijection();
	readonly lineIds = new Bijection();
	readonly recordedTokens: string[] = [];

	constructor(readonly accessKey: string) {}

	idSpace(prefix: string): Bijection {
		return prefix === '33' ? this.lineIds : this.crmids;
	}

	mapIdsInText(text: string): string {
		return text.replace(/\b(\d+)x(\d+)\b/g, (whole, prefix: string, num: string) => {
			const live = this.idSpace(prefix).get(num);
			return live === undefined ? whole : `${prefix}x${live}`;
		});
	}

	// login sends md5(token + accessKey): a key built from a recorded token is rebuilt from its live token;
	// anything else (a wrong key, zeros) is sent unchanged.
	mapAccessKey(recorded: string): string {
		for (const token of this.recordedTokens) {
			if (md5(token + this.accessKey) !== recorded) continue;
			const live = this.tokens.get(token);
			if (live) return md5(live + this.accessKey);
		}
		return recorded;
	}
}
