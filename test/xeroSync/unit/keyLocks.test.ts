import { KeyWaitTimeout, withKeysHeld } from '../../../nodes/XeroSync/send/keyLocks';

describe('keyLocks: runs take turns on a key', () => {
	it('runs work on one key one after the other, and on different keys together', async () => {
		const order: string[] = [];
		const step = (name: string, ms: number) => async () => {
			order.push(`${name} start`);
			await new Promise((resolve) => setTimeout(resolve, ms));
			order.push(`${name} end`);
		};
		await Promise.all([withKeysHeld(['k1'], step('a', 30)), withKeysHeld(['k1', 'k2'], step('b', 1)), withKeysHeld(['k3'], step('c', 1))]);
		expect(order.indexOf('b start')).toBeGreaterThan(order.indexOf('a end'));
		expect(order.indexOf('c start')).toBeLessThan(order.indexOf('a end'));
	});

	it('releases a key when the work fails', async () => {
		await expect(withKeysHeld(['k4'], async () => await Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		await expect(withKeysHeld(['k4'], async () => await Promise.resolve('next'), 50)).resolves.toBe('next');
	});

	it('gives up waiting after the bound, saying why, while the holder still runs', async () => {
		let finish: () => void = () => undefined;
		const holder = withKeysHeld(['k5'], async () => await new Promise<void>((resolve) => (finish = resolve)));
		await expect(withKeysHeld(['k5'], async () => await Promise.resolve(1), 30)).rejects.toBeInstanceOf(KeyWaitTimeout);
		finish();
		await holder;
		await expect(withKeysHeld(['k5'], async () => await Promise.resolve(2), 30)).resolves.toBe(2);
	});
});
