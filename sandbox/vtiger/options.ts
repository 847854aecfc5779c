import type { Engine } from './engine';
import type { SessionFault } from './auth/sessions';

export interface VtigerSandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** 'demo' (default): demo CRM with Xero link fields; 'empty': a fresh install like the transcripts (first crmid 2). */
	data?: 'demo' | 'empty';
	/** The admin's access key (default the transcripts' main run key, SANDBOX_ACCESS_KEY). */
	accessKey?: string;
	/** With data 'empty': add the cf_xero_* custom fields of the demo (the second recording instance has them, 31+). */
	xeroCustomFields?: boolean;
	/**
	 * Demo modules this CRM does not have (a stock vtiger has neither XeroLogs nor XeroAccounts until they are
	 * created, see scripts/vtiger/create-xero-modules.php).
	 */
	withoutModules?: Array<'XeroLogs' | 'XeroAccounts'>;
	/** The admin's no_of_currency_decimals preference; currency inputs are rounded to it on write. Default 2. */
	currencyDecimals?: 0 | 2;
	/** false reproduces stock 7.5.0 on PHP >= 7.1: every sync call is an empty HTTP 500. Default true. */
	syncPatched?: boolean;
	/**
	 * false reproduces stock 7.5.0 include/Webservices/OperationManager.php on PHP 8: query, retrieve_inventory, sync
	 * and logout die with an empty HTTP 500 ("Unknown named parameter", transcript 38). Default true.
	 */
	operationManagerPatched?: boolean;
	/** Source of "now" in unix seconds (fractions allowed); default the system clock. */
	now?: () => number;
	/** Log each webservice call to stderr. */
	verbose?: boolean;
}

export interface SandboxFaults {
	/** Every existing session fails its next call with INVALID_SESSIONID, SESSION_EXPIRED or SESSION_LEFT_IDLE. */
	breakSessions(kind?: SessionFault): number;
	/** The next n webservice calls get an empty HTTP 500 (Content-type text/html; charset=UTF-8). */
	fail500(n: number): void;
	/** Delay every webservice response by ms. */
	latency(ms: number): void;
	/** Outstanding getchallenge tokens expire now (login then gets INVALID_AUTH_TOKEN). */
	expireChallenges(): void;
	/**
	 * Runs `write` against the store just before the next call of `operation` is handled: another client's write
	 * landing between two of the caller's calls (e.g. a create right after the caller's lookup).
	 */
	beforeNext(operation: string, write: (engine: Engine) => void): void;
	/**
	 * Each create waits ms between its duplicate check and its insert, as a busy vtiger does: creates of the same
	 * name from different sessions that overlap all pass the check (transcript 37). Default 0 (a yield).
	 */
	slowSaves(ms: number): void;
	clear(): void;
}

export interface SandboxState {
	data: 'demo' | 'empty';
	settings: { currencyDecimals: number; syncPatched: boolean; operationManagerPatched: boolean };
	now: number;
	counters: { nextCrmid: number; nextLineItemId: number; recordNumbers: Record<string, number> };
	modules: Record<string, { live: number; deleted: number }>;
	sessions: number;
	challenges: Array<{ user: string; expireTime: number }>;
	faults: { pending500: number; latencyMs: number; saveGapMs: number };
	calls: Record<string, number>;
}
