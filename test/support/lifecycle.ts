/**
 * Starts what a describe block's tests run against (a sandbox, a pair of them) in beforeAll, or in beforeEach with
 * `each`, and stops it after. The block gets a function that returns what is running now, since a fresh one
 * replaces it for each test; called outside a test it throws, rather than hand back nothing.
 */
export function runningForBlock<T>(start: () => Promise<T>, stop: (running: T) => Promise<unknown>, each = false): () => T {
	let running: T | undefined;
	(each ? beforeEach : beforeAll)(async () => {
		running = await start();
	});
	(each ? afterEach : afterAll)(async () => {
		// Forgotten first, so a next test whose start fails cannot run against (or stop again) this one.
		const stopping = running;
		running = undefined;
		if (stopping !== undefined) await stop(stopping);
	});
	return () => {
		if (running === undefined) throw new Error('What the tests run against is started only for a test (by its beforeAll or beforeEach).');
		return running;
	};
}

/**
 * An object that stands for what `current()` returns at the moment it is used, so a block can hold a sandbox in a
 * const although each test gets a new one. Its methods run on that object; it has no keys of its own to spread.
 */
export function standIn<T extends object>(current: () => T): T {
	return new Proxy({} as T, {
		get(_standIn, key) {
			const target = current();
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
