import { startXeroSandbox, type XeroSandbox, type XeroSandboxOptions } from '../../sandbox/xero';
import { apiClient, type ApiClient } from '../../sandbox/xero/testing/apiClient';
import { runningForBlock } from '../support/lifecycle';

/** A Xero sandbox with an API client that signed in (authorization code) and speaks for its first organisation. */
export interface SignedInSandbox {
	xero: XeroSandbox;
	api: ApiClient;
	tenantId: string;
}

export async function startSignedIn(options: XeroSandboxOptions): Promise<SignedInSandbox> {
	const xero = await startXeroSandbox(options);
	const tenantId = xero.tenants[0].tenantId;
	const tokens = await xero.authorize();
	return { xero, api: apiClient({ baseUrl: xero.url, accessToken: tokens.access_token, tenantId }), tenantId };
}

export interface SandboxHooks {
	/** A fresh sandbox for each test (faults and idempotency keys must not leak) rather than one for the block. */
	each?: boolean;
	/** Runs once the sandbox is up, before the tests that use it: seed records, look up the ids they need. */
	ready?: (sandbox: SignedInSandbox) => unknown;
}

/**
 * The signed-in sandbox of the describe block that calls this: started before its tests, closed after them. The
 * object stays the same while the sandbox behind it changes, so the block holds it in a const.
 */
export function signedInSandbox(options: XeroSandboxOptions, hooks: SandboxHooks = {}): SignedInSandbox {
	const started = runningForBlock(
		async () => {
			const sandbox = await startSignedIn(options);
			await hooks.ready?.(sandbox);
			return sandbox;
		},
		(sandbox) => sandbox.xero.close(),
		hooks.each,
	);
	return {
		get xero() {
			return started().xero;
		},
		get api() {
			return started().api;
		},
		get tenantId() {
			return started().tenantId;
		},
	};
}

/** A stored contact's ContactID by its name, in the sandbox's first organisation (state, not an API read). */
export function contactIdByName(sandbox: SignedInSandbox, name: string): string {
	const contacts = sandbox.xero.state()[sandbox.tenantId].contacts as Array<Record<string, unknown>>;
	return String(contacts.find((contact) => contact.Name === name)?.ContactID);
}
