import { TenantLimiter, type LimiterSettings, type Permit } from '../../nodes/shared/xero/transport/limiter';
import { FakeClock, settle } from './fakeClock';

const settings: LimiterSettings = { maxInFlight: 5, perWindow: 60, windowMs: () => 60_000, arrivalMarginMs: () => 2_000 };

function setup() {
	const clock = new FakeClock();
	const limiter = new TenantLimiter(settings, clock);
	const granted: Permit[] = [];
	const ask = (count: number) => {
		for (let i = 0; i < count; i++) void limiter.acquire().then((permit) => granted.push(permit));
	};
	return { clock, limiter, granted, ask };
}

type Setup = ReturnType<typeof setup>;

describe('TenantLimiter (Xero per-tenant limits)', () => {
	it('lets at most 5 calls be in flight and starts the next one when one finishes', async () => {
		const { limiter, granted, ask } = setup();
		ask(8);
		await settle();
		expect(granted).toHaveLength(5);
		expect(limiter.snapshot()).toMatchObject({ inFlight: 5, waiting: 3 });

		granted[0].release();
		await settle();
		expect(granted).toHaveLength(6);
		granted[1].release();
		granted[1].release();
		await settle();
		expect(granted).toHaveLength(7);
		expect(limiter.snapshot().inFlight).toBe(5);
	});

	it('allows 60 calls per window, counting each from when its answer arrived', async () => {
		const { clock, granted, ask } = setup();
		for (let i = 0; i < 60; i++) {
			ask(1);
			await settle();
			await clock.advance(100);
			granted[i].release();
		}
		// The first call finished at t=100; the window frees its slot at t=60,100.
		ask(1);
		await settle();
		expect(granted).toHaveLength(60);
		await clock.advance(60_100 - clock.now() - 1);
		expect(granted).toHaveLength(60);
		await clock.advance(2);
		expect(granted).toHaveLength(61);
	});

	/** A first call answered after 10 s, 59 quick ones, then a 61st asked for: the window is full. */
	async function slowCallThenFullWindow({ clock, granted, ask }: Setup) {
		ask(1);
		await settle();
		await clock.advance(10_000);
		granted[0].release();
		for (let i = 1; i < 60; i++) {
			ask(1);
			await settle();
			granted[i].release();
		}
		ask(1);
		await settle();
	}

	it('counts a slow call from its send time plus the arrival margin, not from its late answer', async () => {
		const run = setup();
		const { clock, limiter, granted } = run;
		await slowCallThenFullWindow(run);
		expect(granted).toHaveLength(60);
		expect(limiter.snapshot().inWindow).toBe(60);
		// Counted from 2,000 (sent at 0 + margin), so its slot frees at 62,000, not at 70,000.
		await clock.advance(62_001 - clock.now());
		expect(granted).toHaveLength(61);
	});

	it('counts a slow call to a sandbox on this machine (it announced its clock) from its answer: its arrival has no bound', async () => {
		const run = setup();
		const { clock, limiter, granted } = run;
		limiter.noteClockScale(1);
		await slowCallThenFullWindow(run);
		// Counted from its answer at 10,000, so its slot frees at 70,000, not at 62,000.
		await clock.advance(70_000 - clock.now());
		expect(granted).toHaveLength(60);
		await clock.advance(2);
		expect(granted).toHaveLength(61);
	});

	it('counts calls Xero saw from elsewhere (a lower X-MinLimit-Remaining) as made now', async () => {
		const { clock, limiter, granted, ask } = setup();
		ask(1);
		await settle();
		granted[0].release();
		limiter.noteRemaining(1);
		ask(2);
		await settle();
		expect(granted).toHaveLength(2);
		expect(limiter.snapshot().inWindow).toBe(60);
		await clock.advance(60_001);
		expect(granted).toHaveLength(3);
	});

	it('ignores an X-MinLimit-Remaining that says no more than we already know', async () => {
		const { limiter, granted, ask } = setup();
		ask(3);
		await settle();
		granted.forEach((permit) => permit.release());
		limiter.noteRemaining(57);
		limiter.noteRemaining(Number.NaN);
		expect(limiter.snapshot().inWindow).toBe(3);
	});

	it('holds every call for the tenant until a Retry-After pause is over', async () => {
		const { clock, limiter, granted, ask } = setup();
		limiter.pauseUntil(1_500);
		ask(2);
		await settle();
		expect(granted).toHaveLength(0);
		await clock.advance(1_499);
		expect(granted).toHaveLength(0);
		await clock.advance(1);
		expect(granted).toHaveLength(2);
	});

	it('serves waiters first come, first served', async () => {
		const { limiter, granted } = setup();
		const order: number[] = [];
		for (let i = 0; i < 7; i++) {
			void limiter.acquire().then((permit) => {
				order.push(i);
				granted.push(permit);
			});
		}
		await settle();
		granted[4].release();
		await settle();
		granted[0].release();
		await settle();
		expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('remembers an exhausted day until Xero said it resets', async () => {
		const { clock, limiter } = setup();
		limiter.markDayExhausted(10_000);
		expect(limiter.dayExhaustedForMs()).toBe(10_000);
		await clock.advance(10_000);
		expect(limiter.dayExhaustedForMs()).toBe(0);
	});
});
