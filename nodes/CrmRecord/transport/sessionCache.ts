import { md5 } from './handshake';
import type { DescribeResult, VtigerCredentials, VtigerSessionInfo } from './types';

/** vtiger drops a session after 1800 s idle; forgetting ours a little earlier avoids a guaranteed re-login. */
const IDLE_MS = 25 * 60 * 1000;
const MAX_ENTRIES = 500;

export interface SessionEntry {
	session?: Promise<VtigerSessionInfo>;
	describes: Map<string, Promise<DescribeResult>>;
	lastUsed: number;
}

const entries = new Map<string, SessionEntry>();

/** The access key only enters the key through a hash, so the map never holds it in clear. */
export function sessionKey(scope: string, url: string, credentials: VtigerCredentials): string {
	return `${scope}\u0000${md5(`${url}\u0000${credentials.username}\u0000${credentials.accessKey}`)}`;
}

function prune(now: number): void {
	for (const [key, entry] of entries) if (now - entry.lastUsed > IDLE_MS) entries.delete(key);
	while (entries.size > MAX_ENTRIES) {
		const oldest = entries.keys().next().value;
		if (oldest === undefined) break;
		entries.delete(oldest);
	}
}

/** An ephemeral entry (credential tests) is never shared or kept. */
export function sessionEntry(key: string, now = Date.now(), ephemeral = false): SessionEntry {
	if (ephemeral) return { describes: new Map(), lastUsed: now };
	prune(now);
	let entry = entries.get(key);
	if (!entry) {
		entry = { describes: new Map(), lastUsed: now };
		entries.set(key, entry);
	}
	entry.lastUsed = now;
	return entry;
}
