/**
 * The yaml's security sections list only the broad scopes (accounting.transactions for invoices and payments).
 * Apps created since 2 March 2026 get granular scopes instead, so each broad transaction scope is also satisfied by
 * the granular scope of the resource being called.
 */
const GRANULAR_FOR_TRANSACTIONS: Record<string, string> = {
	Invoices: 'accounting.invoices',
	// Xero's granular-scope table puts quotes (with credit notes, purchase orders) under accounting.invoices.
	Quotes: 'accounting.invoices',
	PurchaseOrders: 'accounting.invoices',
	CreditNotes: 'accounting.invoices',
	Payments: 'accounting.payments',
	BankTransactions: 'accounting.banktransactions',
	ManualJournals: 'accounting.manualjournals',
};

export function acceptedScopes(resource: string, yamlScopes: string[]): string[] {
	const accepted = new Set(yamlScopes);
	const granular = GRANULAR_FOR_TRANSACTIONS[resource];
	if (granular) {
		for (const scope of yamlScopes) {
			if (scope === 'accounting.transactions') accepted.add(granular);
			if (scope === 'accounting.transactions.read') accepted.add(`${granular}.read`);
		}
	}
	return [...accepted];
}

export function hasAnyScope(granted: string[], accepted: string[]): boolean {
	return accepted.length === 0 || accepted.some((scope) => granted.includes(scope));
}
