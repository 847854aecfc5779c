/**
 * vtiger keeps the webservice session in a PHP file session, and PHP holds an exclusive lock on that file for the
 * whole request: calls on one sessionName run one after the other, calls on different sessions in parallel
 * (transcript 37: with one shared session, concurrent creates of one name give exactly one record).
 */
export class SessionLocks {
	private readonly tails = new Map<string, Promise<void>>();

	async inTurn(sessionName: string | undefined, handle: () => Promise<void>): Promise<void> {
		if (!sessionName) return await handle();
		const previous = this.tails.get(sessionName) ?? Promise.resolve();
		let release = () => {};
		const done = new Promise<void>((resolve) => (release = resolve));
		const tail = previous.then(() => done);
		this.tails.set(sessionName, tail);
		await previous;
		try {
			await handle();
		} finally {
			release();
			if (this.tails.get(sessionName) === tail) this.tails.delete(sessionName);
		}
	}
}
