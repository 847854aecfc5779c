import type { IDataObject } from 'n8n-workflow';

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
	return `Invoice status "${String(status)}" is not one Xero accepts from a sync; use DRAFT, SUBMITTED or AUTHORISED.`;
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
