import { OFFLINE_TEXT } from '../accounting/errorShapes';
import type { SandboxClock } from '../clock';
import { DAY, MINUTE } from '../clock';
import type { FaultKind } from '../control/faults';
import { newId } from '../ids';
import type { LimitProblem } from '../limits/rateLimiter';
import type { SandboxResponse } from './types';

export function rateLimited(clock: SandboxClock, problem: LimitProblem, retryAfterMs?: number): SandboxResponse {
	return {
		status: 429,
		text: 'Rate limit exceeded',
		headers: {
			'X-Rate-Limit-Problem': problem,
			...(retryAfterMs !== undefined ? { 'Retry-After': clock.retryAfter(retryAfterMs) } : {}),
		},
	};
}

/** what Xero answers in each injected failure; a forced 429 waits out a whole window */
export function faultResponse(clock: SandboxClock, fault: Exclude<FaultKind, 'reset-after-commit'>): { response: SandboxResponse; problem?: LimitProblem } {
	switch (fault) {
		case 'offline':
			return { response: { status: 503, text: OFFLINE_TEXT } };
		case 'server-error':
			return {
				response: {
					status: 500,
					json: {
						Title: 'An error occurred',
						Detail: 'An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status.',
						Status: 500,
						Instance: newId(),
					},
				},
			};
		case 'rate-limit-minute':
			return { response: rateLimited(clock, 'minute', clock.real(MINUTE)), problem: 'minute' };
		case 'rate-limit-day':
			return { response: rateLimited(clock, 'day', clock.real(DAY)), problem: 'day' };
		case 'rate-limit-concurrent':
			return { response: rateLimited(clock, 'concurrent'), problem: 'concurrent' };
	}
}
