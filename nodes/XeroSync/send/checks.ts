import type { IDataObject } from 'n8n-workflow';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import { errorFacts } from '../helpers/errorFacts';
import { displayValue } from '../helpers/display';
import type { XeroCaller } from '../actions/common/readRecords';
import type { Entry, SendRun } from './results';

const SENDABLE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];

/**
 * The seed: Paid and Voided cannot be set from the CRM. Xero sets PAID itself when payments cover the invoice,
 * and voiding is a deliberate act in Xero, so the message says where to do it instead.
 */
export function invoiceStatusProblem(record: IDataObject): string | undefined {
	const status = record.Status;
	if (status === undefined || status === null || status === '') return undefined;
	const value = String(status).toUpperCase();
	if (SENDABLE_STATUSES.includes(value)) return undefined;
	if (value === 'PAID') {
		return 'Invoice status PAID cannot be sent: Xero marks an invoice paid when payments cover it. Send it as AUTHORISED and record the payment in Xero.';
	}
	if (value === 'VOIDED') {
		return 'Invoice status VOIDED cannot be sent: voiding happens in Xero (Invoice → Options → Void). Send it as DRAFT, SUBMITTED or AUTHORISED.';
	}
	if (value === 'DELETED') {
		return 'Invoice status DELETED cannot be sent: delete draft invoices in Xero. Send it as DRAFT, SUBMITTED or AUTHORISED.';
	}
	return `Invoice status "${displayValue(status)}" is not one Xero accepts from a sync; use DRAFT, SUBMITTED or AUTHORISED.`;
}

const INVOICE_DATE_FIELDS = ['Date', 'DueDate', 'ExpectedPaymentDate', 'PlannedPaymentDate'];
/** Xero stores dates as SQL dates and answers 400 for the whole request when one is out of range. */
export const XERO_MIN_YEAR = 1900;
export const XERO_MAX_YEAR = 9999;

/**
 * Dates Xero would refuse, checked before sending: one such date would otherwise make Xero reject the whole batch
 * ("Could not convert string to DateTime"). `original` is the input item, so the message shows what the user sent.
 */
export function invoiceDateProblems(record: IDataObject, original: IDataObject = {}): string[] {
	const problems: string[] = [];
	for (const field of INVOICE_DATE_FIELDS) {
		const value = record[field];
		if (value === undefined) continue;
		const text = typeof value === 'string' ? value : '';
		const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text);
		const year = match ? Number(match[1]) : NaN;
		if (match && year >= XERO_MIN_YEAR && year <= XERO_MAX_YEAR) continue;
		const sent = original[field] !== undefined && original[field] !== value ? original[field] : value;
		problems.push(
			`${field} "${displayValue(sent)}" is not a date Xero accepts (yyyy-mm-dd, years ${XERO_MIN_YEAR}–${XERO_MAX_YEAR}); correct the ${field} in the input`,
		);
	}
	return problems;
}

export interface CurrencySettings {
	base: string;
	enabled: string[];
}

/** The seed asks for the same base currency in both systems; Xero also accepts any currency enabled there. */
export function currencyProblem(code: unknown, currencies: CurrencySettings): string | undefined {
	if (code === undefined || code === null || code === '') return undefined;
	const value = String(code).toUpperCase();
	if (value === currencies.base.toUpperCase()) return undefined;
	if (currencies.enabled.some((enabled) => enabled.toUpperCase() === value)) return undefined;
	const enabled = currencies.enabled.length > 0 ? currencies.enabled.join(', ') : 'none besides the base currency';
	return `Currency ${value} is neither the organisation's base currency (${currencies.base}) nor enabled in Xero (enabled: ${enabled}). Enable it in Xero under Settings → Currencies, or send the invoice in ${currencies.base}.`;
}

export interface AccountSummary {
	Code?: string;
	Status?: string;
	Name?: string;
}

/**
 * The seed: each product needs a Xero account. Items name theirs in SalesDetails, PurchaseDetails and the inventory
 * fields; each named code must exist and be active, or Xero would reject the item (or worse, accept it against an
 * archived account).
 */
export function itemAccountProblems(record: IDataObject, accounts: AccountSummary[]): string[] {
	const byCode = new Map(accounts.filter((a) => a.Code).map((a) => [String(a.Code).toUpperCase(), a]));
	const named: Array<[string, unknown]> = [
		['sales account', (record.SalesDetails as IDataObject | undefined)?.AccountCode],
		['purchase account', (record.PurchaseDetails as IDataObject | undefined)?.AccountCode],
		['cost of goods sold account', (record.PurchaseDetails as IDataObject | undefined)?.COGSAccountCode],
		['inventory asset account', record.InventoryAssetAccountCode],
	];
	const problems: string[] = [];
	for (const [label, code] of named) {
		if (code === undefined || code === null || code === '') continue;
		const account = byCode.get(String(code).toUpperCase());
		if (!account) {
			problems.push(`the ${label} code "${String(code)}" does not exist in Xero`);
		} else if (account.Status !== undefined && account.Status !== 'ACTIVE') {
			problems.push(`the ${label} "${String(code)}" (${account.Name ?? 'unnamed'}) is ${account.Status}, not ACTIVE`);
		}
	}
	return problems;
}

export function needsCurrencyCheck(records: IDataObject[]): boolean {
	return records.some((r) => r.CurrencyCode !== undefined && r.CurrencyCode !== null && r.CurrencyCode !== '');
}

export function needsAccountCheck(records: IDataObject[]): boolean {
	return records.some((r) => itemAccountProblems(r, []).length > 0);
}

/**
 * Organisation settings the pre-flight checks need, read at most once per run and only when a record needs them:
 * a run without foreign currencies or item account codes spends no calls on them.
 */
export class RunLookups {
	private currencyRead?: Promise<CurrencySettings>;
	private accountsRead?: Promise<AccountSummary[]>;

	constructor(private readonly caller: XeroCaller) {}

	currencies(): Promise<CurrencySettings> {
		this.currencyRead ??= (async () => {
			const organisation = await this.caller.request({ method: 'GET', path: '/Organisation' });
			const org = (organisation.body?.Organisations as IDataObject[] | undefined)?.[0];
			const currencies = await this.caller.request({ method: 'GET', path: '/Currencies' });
			const list = (currencies.body?.Currencies as IDataObject[] | undefined) ?? [];
			return {
				base: String(org?.BaseCurrency ?? ''),
				enabled: list.map((c) => String(c.Code ?? '')).filter((c) => c !== ''),
			};
		})();
		return this.currencyRead;
	}

	accounts(): Promise<AccountSummary[]> {
		this.accountsRead ??= (async () => {
			const response = await this.caller.request({ method: 'GET', path: '/Accounts' });
			return ((response.body?.Accounts as IDataObject[] | undefined) ?? []).map((a) => ({
				Code: a.Code as string | undefined,
				Status: a.Status as string | undefined,
				Name: a.Name as string | undefined,
			}));
		})();
		return this.accountsRead;
	}
}

/** Checks that need the organisation's settings; those are read once per run, and only if a record needs them. */
export async function checkSettings(run: SendRun, spec: XeroResourceSpec, entries: Entry[], lookups: RunLookups): Promise<Entry[]> {
	const withCurrency = spec.resource === 'invoice' ? entries.filter((e) => e.payload.CurrencyCode) : [];
	const withAccounts = spec.resource === 'item' ? entries.filter((e) => itemAccountProblems(e.payload, []).length > 0) : [];
	const settle = async (subset: Entry[], check: (entry: Entry) => Promise<string | undefined>, code: string) => {
		for (const entry of subset) {
			if (run.settled(entry)) continue;
			try {
				const problem = await check(entry);
				if (problem) run.fail(entry.index, { message: problem, code }, entry.payload);
			} catch (error) {
				const facts = errorFacts(error);
				run.fail(entry.index, { message: `Could not read the organisation's settings: ${facts.message}`, code: facts.code }, entry.payload);
				if (facts.haltsRun) run.halt(facts);
			}
		}
	};
	await settle(
		withCurrency,
		async (entry) => currencyProblem(entry.payload.CurrencyCode, await lookups.currencies()),
		'CURRENCY',
	);
	await settle(
		withAccounts,
		async (entry) => {
			const problems = itemAccountProblems(entry.payload, await lookups.accounts());
			return problems.length > 0
				? `${problems.join('; ')}. Run "Get accounts from Xero" and pick an active account code.`
				: undefined;
		},
		'ITEM_ACCOUNT',
	);
	return entries.filter((e) => !run.settled(e));
}
