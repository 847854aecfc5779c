/**
 * A table's value for a key that comes from data (a CRM status, a Xero status, an item's syncResult): own keys only,
 * so "constructor" or "toString" in a record finds nothing instead of Object's methods.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}
