import { msDate } from '../dates';
import { newId } from '../ids';
import type { Transaction } from '../store/transaction';
import type { Json } from '../types';
import { str, writable } from './values';

const CLASS_OF: Record<string, string> = {
	BANK: 'ASSET',
	CURRENT: 'ASSET',
	FIXED: 'ASSET',
	INVENTORY: 'ASSET',
	NONCURRENT: 'ASSET',
	PREPAYMENT: 'ASSET',
	CURRLIAB: 'LIABILITY',
	LIABILITY: 'LIABILITY',
	TERMLIAB: 'LIABILITY',
	PAYGLIABILITY: 'LIABILITY',
	SUPERANNUATIONLIABILITY: 'LIABILITY',
	WAGESPAYABLELIABILITY: 'LIABILITY',
	DEPRECIATN: 'EXPENSE',
	DIRECTCOSTS: 'EXPENSE',
	EXPENSE: 'EXPENSE',
	OVERHEADS: 'EXPENSE',
	SUPERANNUATIONEXPENSE: 'EXPENSE',
	WAGESEXPENSE: 'EXPENSE',
	EQUITY: 'EQUITY',
	OTHERINCOME: 'REVENUE',
	REVENUE: 'REVENUE',
	SALES: 'REVENUE',
};

const READ_ONLY = ['AccountID', 'UpdatedDateUTC', 'Class', 'SystemAccount', 'ReportingCodeName', 'HasAttachments', 'ValidationErrors', 'StatusAttributeString'];

export function accountClass(type: string): string | undefined {
	// Own keys only: a Type of "toString" or "constructor" is no account type (it found Object's methods).
	return Object.hasOwn(CLASS_OF, type) ? CLASS_OF[type] : undefined;
}

/** PUT /Accounts (create one) and POST /Accounts/{id} (update one); returns the id or Xero's messages */
export function applyAccount(tx: Transaction, now: number, element: Json, existingId?: string): { id?: string; errors: string[] } {
	const existing = existingId ? tx.get('accounts', existingId) : undefined;
	if (existingId && !existing) return { errors: ['Account could not be found'] };
	const fields = writable(element, READ_ONLY);
	const merged: Json = existing ? { ...existing, ...fields } : fields;
	const errors: string[] = [];
	const code = str(merged.Code);
	const name = str(merged.Name);
	const type = str(merged.Type);
	if (!code) errors.push('Please enter a Code.');
	else {
		if (code.length > 10) errors.push('The Code must not be more than 10 characters long.');
		const holder = tx.findUnique('accounts', 'accountCode', code);
		if (holder && holder !== existingId) errors.push('Please enter a unique Code.');
	}
	if (!name) errors.push('Please enter a Name.');
	else {
		if (name.length > 150) errors.push('The Name must not be more than 150 characters long.');
		const holder = tx.findUnique('accounts', 'accountName', name);
		if (holder && holder !== existingId) errors.push('Please enter a unique Name.');
	}
	if (!type) errors.push('Please select an Account Type.');
	else if (!accountClass(type)) errors.push(`Account Type ${type} is not valid.`);
	if (existing && type !== existing.Type && existing.SystemAccount) errors.push('System accounts cannot be changed.');
	if (type === 'BANK' && !str(merged.BankAccountNumber)) errors.push('Please enter a Bank Account Number.');
	const taxType = str(merged.TaxType);
	if (taxType && !tx.tenant.taxRate(taxType)) errors.push(`The TaxType code '${taxType}' is not valid`);
	const status = str(merged.Status) ?? 'ACTIVE';
	if (!['ACTIVE', 'ARCHIVED'].includes(status)) errors.push('Account status can only be ACTIVE or ARCHIVED.');
	if (status === 'ARCHIVED' && existing?.SystemAccount) errors.push('System accounts cannot be archived.');
	const currency = str(merged.CurrencyCode);
	if (currency && !tx.tenant.currencyEnabled(currency)) errors.push(`Organisation is not subscribed to currency ${currency}`);
	if (errors.length > 0 || !type) return { errors };
	const id = (existing?.AccountID as string | undefined) ?? newId();
	tx.put('accounts', id, {
		EnablePaymentsToAccount: false,
		ShowInExpenseClaims: false,
		HasAttachments: false,
		ReportingCode: `${String(accountClass(type)).slice(0, 3)}`,
		...merged,
		AccountID: id,
		Code: code,
		Name: name,
		Type: type,
		Status: status,
		Class: accountClass(type),
		...(type === 'BANK' ? { BankAccountType: merged.BankAccountType ?? 'BANK' } : {}),
		UpdatedDateUTC: msDate(now),
	});
	return { id, errors: [] };
}

export function deleteAccount(tx: Transaction, now: number, id: string): { errors: string[] } {
	const existing = tx.get('accounts', id);
	if (!existing) return { errors: ['Account could not be found'] };
	if (existing.SystemAccount) return { errors: ['System accounts cannot be deleted.'] };
	for (const invoice of tx.tenant.records.invoices.values()) {
		if ((invoice.LineItems as Json[]).some((line) => line.AccountCode === existing.Code)) {
			return { errors: ['This account has transactions and cannot be deleted. Archive it instead.'] };
		}
	}
	tx.put('accounts', id, { ...existing, Status: 'DELETED', UpdatedDateUTC: msDate(now) });
	return { errors: [] };
}
