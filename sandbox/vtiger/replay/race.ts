import type { CreateStep } from '../engine';
import type { Exchange } from './transcripts';

export interface RaceRequest {
	// The live session the request is sent with (one per thread in a racing round).
	session: string;
	exchange: Exchange;
}

interface Created {
	session: string;
	crmid: number;
	number: number;
}

/**
 * The order in which concurrent creates' statements ran inside vtiger cannot be seen from outside, only its
 * results: who was refused as a duplicate, which crmid and which record number each winner got. This builds one
 * order that gives those results through the emulator's own steps: every winner passes the duplicate check before
 * any of them inserts, crmids are drawn in the recorded crmid order, record numbers are read and written in groups
 * (threads that got the same number read it together before any of them wrote it back), the winners insert, and
 * only then do the refused threads run their check.
 */
export function raceOrder(requests: RaceRequest[]): Array<{ session: string; step: CreateStep }> {
	const winners: Created[] = [];
	const losers: string[] = [];
	for (const { session, exchange } of requests) {
		const body = exchange.response.body as { success?: boolean; result?: Record<string, string> } | null;
		if (!body?.success || !body.result) {
			losers.push(session);
			continue;
		}
		const number = Number(/(\d+)$/.exec(Object.entries(body.result).find(([key]) => /_no$/.test(key))?.[1] ?? '')?.[1]);
		winners.push({ session, crmid: Number(String(body.result.id).split('x')[1]), number });
	}
	const byCrmid = [...winners].sort((a, b) => a.crmid - b.crmid);
	const numbers = [...new Set(winners.map((w) => w.number))].sort((a, b) => a - b);
	return [
		...winners.map((w) => ({ session: w.session, step: 'check' as const })),
		...byCrmid.map((w) => ({ session: w.session, step: 'crmid' as const })),
		...numbers.flatMap((n) => {
			const group = winners.filter((w) => w.number === n);
			return [...group.map((w) => ({ session: w.session, step: 'numberRead' as const })), ...group.map((w) => ({ session: w.session, step: 'numberWrite' as const }))];
		}),
		...byCrmid.map((w) => ({ session: w.session, step: 'insert' as const })),
		...losers.map((session) => ({ session, step: 'check' as const })),
	];
}

/** Lets each request's steps go in the given order: a step waits until every step before it has gone. */
export class RaceSchedule {
	private readonly waiting = new Map<string, () => void>();

	constructor(private readonly order: Array<{ session: string; step: CreateStep }>) {}

	readonly step = (step: CreateStep, session: string | undefined): Promise<void> => {
		if (!session || !this.order.some((o) => o.session === session)) return Promise.resolve();
		return new Promise((resolve) => {
			this.waiting.set(`${session} ${step}`, resolve);
			this.release();
		});
	};

	// One step at a time: the next is let go only after the released request has done that step's work (its
	// continuation runs in microtasks, before the macrotask this schedules).
	private release(): void {
		const next = this.order[0];
		const go = next && this.waiting.get(`${next.session} ${next.step}`);
		if (!go) return;
		this.waiting.delete(`${next.session} ${next.step}`);
		this.order.shift();
		go();
		setImmediate(() => this.release());
	}

	/** A request that answered without taking all its steps (an unexpected refusal) must not hold up the others. */
	finished(session: string): void {
		for (let i = this.order.length - 1; i >= 0; i--) if (this.order[i].session === session) this.order.splice(i, 1);
		this.release();
	}
}
