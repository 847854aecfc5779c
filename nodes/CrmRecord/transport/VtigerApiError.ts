/**
 * A vtiger failure with the code vtiger gave (or one of ours for transport-level failures), so callers can turn it
 * into a sync-log entry or a credential-test message without parsing text. Never carries the access key or
 * sessionName.
 */
export class VtigerApiError extends Error {
	readonly code: string;

	readonly operation: string;

	readonly httpStatus?: number;

	constructor(code: string, message: string, operation: string, httpStatus?: number) {
		super(message);
		this.name = 'VtigerApiError';
		this.code = code;
		this.operation = operation;
		this.httpStatus = httpStatus;
	}
}

/** Our own codes, for failures vtiger itself never names. */
export const TransportCode = {
	unreachable: 'UNREACHABLE',
	emptyServerError: 'HTTP_500_EMPTY',
	httpError: 'HTTP_ERROR',
	notWebservice: 'NOT_A_VTIGER_WEBSERVICE',
} as const;

export const SESSION_CODES = new Set(['INVALID_SESSIONID', 'SESSION_EXPIRED', 'SESSION_LEFT_IDLE']);

/** vtiger's answer when its duplicate prevention (Accounts by name) refuses a save: code 0, "Duplicate(s) detected!" (transcript 30). */
export function isDuplicateRefusal(error: unknown): boolean {
	return error instanceof VtigerApiError && error.code === '0' && /duplicate/i.test(error.message);
}
