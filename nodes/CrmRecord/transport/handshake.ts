import { createHash } from 'crypto';

import { sleep } from 'n8n-workflow';
import { readEnvelope } from './envelope';
import { VtigerApiError } from './VtigerApiError';
import type { VtigerCredentials, VtigerSend, VtigerSessionInfo } from './types';

export interface HandshakeOptions {
	attempts?: number;
	baseDelayMs?: number;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

/**
 * getchallenge deletes the user's previous token, so two logins of the same user that interleave make the earlier
 * one fail with INVALID_USER_CREDENTIALS (its hash no longer matches). Those codes are retried; a wrong access key
 * exhausts the retries and is then reported as such.
 */
const RACE_CODES = new Set(['INVALID_USER_CREDENTIALS', 'INVALID_AUTH_TOKEN']);

const userLocks = new Map<string, Promise<void>>();

export function md5(text: string): string {
	return createHash('md5').update(text).digest('hex');
}

/** Within one process, logins of one user run one after the other; across processes the retry covers the race. */
async function withUserLock<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = userLocks.get(key) ?? Promise.resolve();
	const run = previous.then(work, work);
	const tail = run.then(
		() => undefined,
		() => undefined,
	);
	userLocks.set(key, tail);
	try {
		return await run;
	} finally {
		if (userLocks.get(key) === tail) userLocks.delete(key);
	}
}

async function handshakeOnce(
	send: VtigerSend,
	url: string,
	credentials: VtigerCredentials,
): Promise<VtigerSessionInfo> {
	const challenge = readEnvelope(
		'getchallenge',
		await send({ method: 'GET', url, params: { operation: 'getchallenge', username: credentials.username } }),
	) as { token?: unknown; serverTime?: unknown };
	const askedAt = Date.now() / 1000;
	if (typeof challenge?.token !== 'string') {
		throw new VtigerApiError('NOT_A_VTIGER_WEBSERVICE', 'getchallenge returned no token', 'getchallenge');
	}
	const login = readEnvelope(
		'login',
		await send({
			method: 'POST',
			url,
			params: {
				operation: 'login',
				username: credentials.username,
				accessKey: md5(challenge.token + credentials.accessKey),
			},
		}),
	) as Record<string, unknown>;
	if (typeof login?.sessionName !== 'string') {
		throw new VtigerApiError('NOT_A_VTIGER_WEBSERVICE', 'login returned no session', 'login');
	}
	return {
		sessionName: login.sessionName,
		userId: String(login.userId ?? ''),
		version: typeof login.version === 'string' ? login.version : undefined,
		vtigerVersion: typeof login.vtigerVersion === 'string' ? login.vtigerVersion : undefined,
		clockOffset: typeof challenge.serverTime === 'number' ? challenge.serverTime - askedAt : 0,
	};
}

/** Rewrites vtiger's terse login errors into messages that say what to fix; the code is kept. */
export function explainLoginError(error: VtigerApiError, username: string): VtigerApiError {
	const detail = `(vtiger ${error.code}: ${error.message})`;
	let message: string | undefined;
	if (error.code === 'ACCESS_DENIED' && /username does not exist/i.test(error.message)) {
		message = `The CRM has no user named "${username}" ${detail}. Check the user name in the credential.`;
	} else if (error.code === 'ACCESS_DENIED' && /no username/i.test(error.message)) {
		message = `The credential has no user name ${detail}.`;
	} else if (RACE_CODES.has(error.code)) {
		message = `The CRM rejected the access key for user "${username}" ${detail}. Copy the access key from My Preferences in the CRM (it is not the password).`;
	}
	return message === undefined ? error : new VtigerApiError(error.code, message, error.operation, error.httpStatus);
}

export async function handshake(
	send: VtigerSend,
	url: string,
	credentials: VtigerCredentials,
	options: HandshakeOptions = {},
): Promise<VtigerSessionInfo> {
	const attempts = options.attempts ?? 4;
	const baseDelay = options.baseDelayMs ?? 150;
	const wait = options.sleep ?? sleep;
	const random = options.random ?? Math.random;
	return await withUserLock(`${url}\u0000${credentials.username}`, async () => {
		let last: VtigerApiError | undefined;
		for (let attempt = 1; attempt <= attempts; attempt++) {
			try {
				return await handshakeOnce(send, url, credentials);
			} catch (error) {
				if (!(error instanceof VtigerApiError) || !RACE_CODES.has(error.code)) {
					throw error instanceof VtigerApiError ? explainLoginError(error, credentials.username) : error;
				}
				last = error;
				if (attempt < attempts) await wait(baseDelay * attempt + Math.floor(random() * baseDelay));
			}
		}
		throw explainLoginError(last as VtigerApiError, credentials.username);
	});
}
