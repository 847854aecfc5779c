import { naiveFloorSeconds, trueFloorSeconds, XERO_LIMITS } from '../../bench/floor';

describe('trueFloorSeconds: the least time calls can take under Xero limits', () => {
	it('is 0 for no calls and one latency for one call', () => {
		expect(trueFloorSeconds({ calls: 0, latency: 1 })).toBe(0);
		expect(trueFloorSeconds({ calls: 1, latency: 0.5 })).toBe(0.5);
	});

	it('runs 5 calls in flight at once: 60 calls of 1 s take 12 s, not 60 s (the fresh window admits the burst)', () => {
		expect(trueFloorSeconds({ calls: 5, latency: 1 })).toBe(1);
		expect(trueFloorSeconds({ calls: 6, latency: 1 })).toBe(2);
		expect(trueFloorSeconds({ calls: 60, latency: 1 })).toBe(12);
	});

	it('makes call 61 wait until call 1 leaves the sliding 60 s window', () => {
		expect(trueFloorSeconds({ calls: 61, latency: 0.5 })).toBe(60.5);
		expect(trueFloorSeconds({ calls: 120, latency: 0.5 })).toBe(66);
		expect(trueFloorSeconds({ calls: 121, latency: 0.5 })).toBe(120.5);
	});

	it('is below the naive calls ÷ 60 for a burst and above it when latency dominates', () => {
		expect(trueFloorSeconds({ calls: 50, latency: 0.5 })).toBeLessThan(naiveFloorSeconds(50));
		expect(trueFloorSeconds({ calls: 100, latency: 10 })).toBe(200);
		expect(naiveFloorSeconds(100)).toBe(100);
	});

	it('adds up per-call latencies over 5 lanes, each call taking its own time', () => {
		// five 3 s pages at once, then one more: 6 s
		expect(trueFloorSeconds([3, 3, 3, 3, 3, 3])).toBe(6);
		// the 6th call takes the lane that frees first
		expect(trueFloorSeconds([1, 3, 3, 3, 3, 1])).toBe(3);
		expect(trueFloorSeconds([10, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(10);
	});

	it('honours other limits and refuses nonsense', () => {
		expect(trueFloorSeconds({ calls: 4, latency: 1 }, { ...XERO_LIMITS, concurrent: 1 })).toBe(4);
		expect(trueFloorSeconds({ calls: 3, latency: 0 }, { perWindow: 1, windowSeconds: 10, concurrent: 5 })).toBe(20);
		expect(() => trueFloorSeconds([-1])).toThrow('latencies');
		expect(() => trueFloorSeconds([1], { ...XERO_LIMITS, concurrent: 0 })).toThrow('limits');
	});
});
