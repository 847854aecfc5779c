import { createHash } from 'crypto';

/**
 * One key per batch write. It depends only on the execution, the node and what is sent, so the transport's retries
 * (and a reset after Xero committed) reuse it and Xero answers with the first result instead of writing twice,
 * while a later run that sends changed data gets a new key. Xero limits keys to 128 characters.
 */
export function batchIdempotencyKey(parts: {
	executionId: string;
	nodeId: string;
	method: string;
	path: string;
	body: unknown;
}): string {
	const hash = createHash('sha256');
	hash.update(parts.executionId);
	hash.update('\u0000');
	hash.update(parts.nodeId);
	hash.update('\u0000');
	hash.update(`${parts.method} ${parts.path}`);
	hash.update('\u0000');
	hash.update(JSON.stringify(parts.body));
	return `xero-sync-${hash.digest('hex')}`;
}
