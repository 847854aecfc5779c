/**
 * Keys of recently emitted webhook events, oldest first, in static data. Xero retries a delivery it thinks failed
 * and may send the same event twice; an event whose key is here is not emitted again. Bounded: a redelivery comes
 * within hours, by which time thousands of newer events would have pushed the key out only on a very busy app.
 */
export const MAX_RECENT_DELIVERIES = 2000;

export interface DeliveryFilterResult<T> {
	fresh: T[];
	duplicates: number;
	recent: string[];
}

export function dropRedeliveries<T>(
	recent: unknown,
	items: T[],
	keyOf: (item: T) => string,
	cap = MAX_RECENT_DELIVERIES,
): DeliveryFilterResult<T> {
	const known = Array.isArray(recent) ? recent.filter((key): key is string => typeof key === 'string') : [];
	const seen = new Set(known);
	const fresh: T[] = [];
	const added: string[] = [];
	let duplicates = 0;
	for (const item of items) {
		const key = keyOf(item);
		if (seen.has(key)) {
			duplicates++;
			continue;
		}
		seen.add(key);
		added.push(key);
		fresh.push(item);
	}
	const all = known.concat(added);
	return { fresh, duplicates, recent: all.slice(Math.max(0, all.length - cap)) };
}

/** Keys known from two places, the stored ones first, without repeats. */
export function mergeRecent(stored: unknown, inMemory: string[]): string[] {
	const known = Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
	const seen = new Set(known);
	return known.concat(inMemory.filter((key) => !seen.has(key)));
}
