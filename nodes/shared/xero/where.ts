/**
 * Builders for Xero's `where` query language (a LINQ-like expression). Values are always quoted here so a name
 * with a quote, a backslash or a lone surrogate in it cannot change the meaning of the filter.
 */
export function quoteWhere(value: string): string {
	return `"${wellFormed(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A lone surrogate cannot be encoded in a URL: the query-string encoder pairs it with the next character, which
 * swallows the closing quote and leaves Xero an unterminated literal. U+FFFD is what UTF-8 makes of it anyway.
 */
export function wellFormed(value: string): string {
	return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
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
