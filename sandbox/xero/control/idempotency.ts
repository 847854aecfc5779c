export interface StoredResponse {
	status: number;
	json?: unknown;
	text?: string;
}

/**
 * Idempotency-Key: the first response to a key is kept per client and tenant and replayed for every repeat, also
 * when the first call's connection was reset after its write committed. A repeat that arrives while the first is
 * still running waits for it.
 */
export class IdempotencyStore {
	private readonly entries = new Map<string, Promise<StoredResponse>>();

	private key(clientId: string, tenantId: string, key: string): string {
		return `${clientId}\u0000${tenantId}\u0000${key}`;
	}

	get(clientId: string, tenantId: string, key: string): Promise<StoredResponse> | undefined {
		return this.entries.get(this.key(clientId, tenantId, key));
	}

	/** registers the first call; settle() stores what it answered, forget() drops a call that failed to run */
	begin(clientId: string, tenantId: string, key: string): { settle: (response: StoredResponse) => void; forget: () => void } {
		const mapKey = this.key(clientId, tenantId, key);
		let settle: (response: StoredResponse) => void = () => undefined;
		let forget: () => void = () => undefined;
		const promise = new Promise<StoredResponse>((resolve, reject) => {
			settle = resolve;
			forget = () => {
				this.entries.delete(mapKey);
				reject(new Error('first call did not complete'));
			};
		});
		// a waiting repeat handles the rejection; nobody waiting must not crash the process
		promise.catch(() => undefined);
		this.entries.set(mapKey, promise);
		return { settle, forget };
	}

	clear(): void {
		this.entries.clear();
	}
}
