interface RefreshState {
	/** Bumped after every successful refresh of this credential in this process. */
	generation: number;
	refreshing?: Promise<void>;
}

const states = new Map<string, RefreshState>();

/** Per stored credential, shared by every execution in the process. */
export function refreshStateFor(key: string): RefreshState {
	let state = states.get(key);
	if (!state) {
		state = { generation: 0 };
		states.set(key, state);
	}
	return state;
}

/**
 * Xero's refresh tokens rotate and can be used once. When several calls meet the expired token together, only one
 * may refresh; the others wait for it. A call sent before someone else's refresh finished just retries with the new
 * token.
 */
export async function refreshOnce(
	state: RefreshState,
	generationWhenSent: number,
	refresh: () => Promise<unknown>,
): Promise<void> {
	if (state.generation !== generationWhenSent) return;
	state.refreshing ??= refresh()
		.then(() => {
			state.generation += 1;
		})
		.finally(() => {
			state.refreshing = undefined;
		});
	await state.refreshing;
}
