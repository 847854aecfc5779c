export type TokenKind =
	| 'SELECT' | 'FROM' | 'WHERE' | 'AND' | 'OR' | 'LIKE' | 'IN' | 'NOT' | 'ORDER' | 'BY' | 'ASC' | 'DESC' | 'LIMIT' | 'COUNT'
	| 'COLUMNNAME' | 'VALUE' | 'NUMBER' | 'ASTERISK' | 'COMMA' | 'PARENOPEN' | 'PARENCLOSE' | 'SEMICOLON' | 'OPERATOR'
	// Where the lexer cannot go on. vtiger lexes while it parses, so a syntax error before this point is reported
	// first (36: 'O\'Hara' ends at the quote, then "Hara" is a syntax error); reaching it is an internal error.
	| 'LEXERROR';

export interface Token {
	kind: TokenKind;
	text: string;
	value: string;
}

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'LIKE', 'IN', 'NOT', 'ORDER', 'BY', 'ASC', 'DESC', 'LIMIT', 'COUNT']);
const PUNCTUATION: Record<string, TokenKind> = { '*': 'ASTERISK', ',': 'COMMA', '(': 'PARENOPEN', ')': 'PARENCLOSE', ';': 'SEMICOLON' };

const MYSQL_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

export function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < query.length) {
		const c = query[i];
		if (/\s/.test(c)) {
			i++;
			continue;
		}
		if (PUNCTUATION[c]) {
			tokens.push({ kind: PUNCTUATION[c], text: c, value: c });
			i++;
			continue;
		}
		const op = /^(<=|>=|!=|<>|=|<|>)/.exec(query.slice(i));
		if (op) {
			tokens.push({ kind: 'OPERATOR', text: op[1], value: op[1] });
			i += op[1].length;
			continue;
		}
		if (c === "'") {
			let j = i + 1;
			let value = '';
			// VTQL_Lexer.php matches literals with '(?:[^']|'')+' and MySQL reads the doubled quote as one; a
			// backslash cannot hide a quote from that regex, so \' still ends the literal. The literal is pasted into
			// MySQL, which reads backslash escapes, except that \% and \_ stay as they are (for LIKE to match them
			// literally).
			for (;;) {
				while (j < query.length && query[j] !== "'") {
					if (query[j] === '\\' && j + 1 < query.length && query[j + 1] !== "'") {
						const next = query[j + 1];
						value += next === '%' || next === '_' ? `\\${next}` : (MYSQL_ESCAPES[next] ?? next);
						j += 2;
						continue;
					}
					value += query[j++];
				}
				if (query[j + 1] !== "'") break;
				value += "'";
				j += 2;
			}
			if (j >= query.length) {
				tokens.push({ kind: 'LEXERROR', text: query.slice(i), value: '' });
				return tokens;
			}
			tokens.push({ kind: 'VALUE', text: query.slice(i, j + 1), value });
			i = j + 1;
			continue;
		}
		const word = /^[A-Za-z0-9_.\-]+/.exec(query.slice(i));
		if (!word) {
			// The VTQL lexer has no rule for double quotes (or other stray characters) and dies outside the parser.
			tokens.push({ kind: 'LEXERROR', text: query.slice(i), value: '' });
			return tokens;
		}
		const text = word[0];
		const upper = text.toUpperCase();
		if (KEYWORDS.has(upper)) tokens.push({ kind: upper as TokenKind, text, value: text });
		else if (/^-?\d+(\.\d+)?$/.test(text)) tokens.push({ kind: 'NUMBER', text, value: text });
		else tokens.push({ kind: 'COLUMNNAME', text, value: text });
		i += text.length;
	}
	return tokens;
}
