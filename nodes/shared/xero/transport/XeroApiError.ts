import type { IDataObject } from 'n8n-workflow';

export interface XeroApiErrorDetails {
	/** HTTP status; undefined when no answer came (network failure). */
	status?: number;
	/** Xero's error Type ("ValidationException", "AuthenticationUnsuccessful", "invalid_grant" …) or a network code. */
	type?: string;
	/** X-Rate-Limit-Problem of a 429: minute, day, concurrent, appminute. */
	rateLimitProblem?: string;
	/** The daily call allowance of the organisation is used up; retrying today is pointless. */
	dailyLimit?: boolean;
	/** Seconds Xero asked us to wait (Retry-After). */
	retryAfterSeconds?: number;
	/** Every ValidationErrors[].Message of the answer, flattened. */
	validationErrors?: string[];
	/** Xero's Elements of a rejected batch (the records as Xero echoed them, with their ValidationErrors). */
	elements?: IDataObject[];
	/** How many times the call was sent. */
	attempts?: number;
}

/**
 * A Xero call that failed for good. The message is written for the person reading the sync log: what Xero said, in
 * plain words, never a token or secret (nothing from the request is copied in).
 */
export class XeroApiError extends Error {
	readonly status?: number;

	readonly type?: string;

	readonly rateLimitProblem?: string;

	readonly dailyLimit: boolean;

	readonly retryAfterSeconds?: number;

	readonly validationErrors: string[];

	readonly elements?: IDataObject[];

	readonly attempts?: number;

	constructor(message: string, details: XeroApiErrorDetails = {}) {
		super(message);
		this.name = 'XeroApiError';
		this.status = details.status;
		this.type = details.type;
		this.rateLimitProblem = details.rateLimitProblem;
		this.dailyLimit = details.dailyLimit === true;
		this.retryAfterSeconds = details.retryAfterSeconds;
		this.validationErrors = details.validationErrors ?? [];
		this.elements = details.elements;
		this.attempts = details.attempts;
	}
}
