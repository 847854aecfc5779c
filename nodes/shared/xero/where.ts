/**
 * Builders for Xero's `where` query language (a LINQ-like expression). Values are always quoted here so a name
 * with a quote in it cannot change the meaning of the filter.
 */
export function quoteWhere(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function equalsString(field: string, value: string): string {
	return `${field}==${quoteWhere(value)}`;
}

export function equalsGuid(field: string, id: string): string {
	return `${field}==guid(${quoteWhere(id)})`;
}

/** Xero compares dates with DateTime(y, m, d); `date` is any ISO date. */
export function dateCompare(field: string, operator: '>=' | '<=', isoDate: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
	if (!match) return undefined;
	return `${field}${operator}DateTime(${Number(match[1])}, ${Number(match[2])}, ${Number(match[3])})`;
}

export function anyOf(clauses: string[]): string | undefined {
	const present = clauses.filter((c) => c !== '');
	if (present.length === 0) return undefined;
	return present.length === 1 ? present[0] : present.map((c) => `(${c})`).join(' OR ');
}

export function allOf(clauses: Array<string | undefined>): string | undefined {
	const present = clauses.filter((c): c is string => c !== undefined && c.trim() !== '');
	if (present.length === 0) return undefined;
	return present.length === 1 ? present[0] : present.map((c) => `(${c})`).join(' AND ');
}
