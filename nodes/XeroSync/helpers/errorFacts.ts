import { redact } from '../../shared/redact';

/**
 * What the Send and Get engines need to know about a failed call, whatever shape the error has: the transport's
 * XeroApiError (status, dailyLimit, readable message), an n8n NodeApiError (httpCode), or a plain network error.
 */
export interface ErrorFacts {
	message: string;
	code: string;
	status?: number;
	dailyLimit: boolean;
	/** Later calls in the same run would fail the same way, so they are not made. */
	haltsRun: boolean;
}

export const DAILY_LIMIT_MESSAGE =
	"Xero's daily API limit for this organisation is used up (Xero allows 5,000 calls a day per organisation, 1,000 on the Starter plan), so this record was not sent. Run the workflow again after the limit resets; nothing was dropped.";

export function errorFacts(error: unknown): ErrorFacts {
	const err = (error ?? {}) as Record<string, unknown>;
	const rawStatus = err.status ?? err.httpCode ?? err.statusCode;
	const status = rawStatus === undefined ? undefined : Number(rawStatus);
	const dailyLimit = err.dailyLimit === true;
	const base = typeof err.message === 'string' && err.message !== '' ? err.message : String(error);
	const message = redact(dailyLimit ? DAILY_LIMIT_MESSAGE : base);
	const haltsRun = dailyLimit || status === 401 || status === 403;
	let code = 'XERO_ERROR';
	if (dailyLimit) code = 'DAILY_LIMIT';
	else if (status !== undefined && Number.isFinite(status)) code = `HTTP_${status}`;
	else if (typeof err.code === 'string') code = err.code;
	return { message, code, status: Number.isFinite(status) ? status : undefined, dailyLimit, haltsRun };
}
