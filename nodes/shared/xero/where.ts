/**
 * Builders for Xero's `where` language. Xero parses it as .NET Dynamic LINQ (the classic System.Linq.Dynamic
 * parser): inside a "…" literal a double quote is written twice (`""`) and a backslash is an ordinary character, so
 * `\"` ends the literal (Xero answers "Syntax error", public SDK issue XeroAPI/Xero-Java#347). Values are always
 * quoted here, so a name with a quote, a backslash or a lone surrogate in it cannot change the meaning of a filter.
 */
export function quoteWhere(value: string): string {
	return `"${wellFormed(value).replace(/"/g, '""')}"`;
}

/**
 * A lone surrogate cannot be encoded in a URL: the query-string encoder pairs it with the next character, which
 * swallows the closing quote and leaves Xero an unterminated literal. U+FFFD is what UTF-8 makes of it anyway.
 */
function wellFormed(value: string): string {
	return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The index just past the literal that opens at `start` (a `"` or `'`), as Dynamic LINQ reads it: the quote
 * character doubled stays inside the literal, nothing else escapes. -1 when the literal never ends.
 */
export function literalEnd(text: string, start: number): number {
	const quote = text[start];
	let i = start + 1;
	for (;;) {
		const close = text.indexOf(quote, i);
		if (close < 0) return -1;
		if (text[close + 1] !== quote) return close + 1;
		i = close + 2;
	}
}

/**
 * Why a user's raw `where` cannot be combined with the node's own filters, or undefined when it can. The node wraps
 * it in parentheses next to its filters; an unbalanced parenthesis or an unterminated literal would let the text
 * close those parentheses and escape them (`Name=="x") OR (Name!="x"` would cancel every other filter).
 */
export function rawWhereProblem(where: string): string | undefined {
	let depth = 0;
	for (let i = 0; i < where.length; i++) {
		const char = where[i];
		if (char === '"' || char === "'") {
			const end = literalEnd(where, i);
			if (end < 0) {
				return `the text literal starting at character ${i + 1} is never closed. Close it with ${char}; inside "…" write a double quote as "" (Xero does not read \\" as an escape).`;
			}
			i = end - 1;
		} else if (char === '(') {
			depth++;
		} else if (char === ')') {
			if (--depth < 0) return `the ")" at character ${i + 1} has no matching "(". Balance the parentheses.`;
		}
	}
	return depth > 0 ? `${depth} "(" ${depth === 1 ? 'is' : 'are'} never closed. Balance the parentheses.` : undefined;
}

export function equalsString(field: string, value: string): string {
	return `${field}==${quoteWhere(value)}`;
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

/** n8n's query-string encoder (qs ≥ 6.11) percent-encodes a value in 1024-character segments. */
const ENCODER_SEGMENT = 1024;
const MAX_PADDING = 16;

function straddles(text: string, offset: number): boolean {
	for (let i = 0; i < text.length - 1; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff && (offset + i + 1) % ENCODER_SEGMENT === 0) return true;
	}
	return false;
}

/**
 * The encoder cuts a surrogate pair (an emoji, most CJK extension characters) that straddles one of its segment
 * boundaries into two invalid halves, and each half swallows the character after it, often a literal's closing
 * quote: Xero then reads a different filter or none ("Unterminated string literal"). Spaces before a string
 * literal are insignificant to Xero, so each literal is shifted until no pair straddles a boundary. Returns
 * undefined when a literal cannot be placed (only literals far beyond Xero's field lengths).
 */
export function encoderSafeWhere(where: string): string | undefined {
	let out = '';
	let i = 0;
	while (i < where.length) {
		if (where[i] !== '"') {
			out += where[i++];
			continue;
		}
		const closed = literalEnd(where, i);
		const end = closed < 0 ? where.length : closed;
		const literal = where.slice(i, end);
		let padding = 0;
		while (straddles(literal, out.length + padding)) {
			if (++padding > MAX_PADDING) return undefined;
		}
		out += ' '.repeat(padding) + literal;
		i = end;
	}
	return out;
}
