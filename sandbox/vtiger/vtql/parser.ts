import { Errors } from '../errors';
import { tokenize, type Token, type TokenKind } from './lexer';

export interface Condition {
	column: string;
	operator: string;
	values: string[];
}

export interface ParsedQuery {
	columns: string[] | '*' | 'count';
	module: string;
	// OR of AND groups.
	where: Condition[][];
	orderBy?: { column: string; descending: boolean };
	limit?: { offset: number; count: number };
}

class Parser {
	private pos = 0;

	constructor(private readonly tokens: Token[]) {}

	private peek(): Token | undefined {
		const token = this.tokens[this.pos];
		if (token?.kind === 'LEXERROR') throw Errors.internal();
		return token;
	}

	// Same wording as vtiger's generated parser: the offending token, its kind, and what was expected.
	private fail(expected: string): never {
		const token = this.peek();
		if (!token) {
			const last = this.tokens[this.tokens.length - 1];
			throw Errors.querySyntax(`Syntax Error on line 1: token '${last?.text ?? ''}' Unexpected End of Input(0), expected one of: ${expected}`);
		}
		throw Errors.querySyntax(`Syntax Error on line 1: token '${token.text}' Unexpected ${token.kind}(${token.text}), expected one of: ${expected}`);
	}

	private accept(kind: TokenKind): Token | undefined {
		if (this.peek()?.kind === kind) return this.tokens[this.pos++];
		return undefined;
	}

	private expect(kind: TokenKind, expected: string = kind): Token {
		return this.accept(kind) ?? this.fail(expected);
	}

	parse(): ParsedQuery {
		this.expect('SELECT');
		let columns: ParsedQuery['columns'];
		if (this.accept('ASTERISK')) columns = '*';
		else if (this.accept('COUNT')) {
			this.expect('PARENOPEN');
			this.expect('ASTERISK');
			this.expect('PARENCLOSE');
			columns = 'count';
		} else {
			columns = [this.expect('COLUMNNAME').value];
			while (this.accept('COMMA')) columns.push(this.expect('COLUMNNAME').value);
		}
		this.expect('FROM');
		const module = this.expect('COLUMNNAME').value;
		const query: ParsedQuery = { columns, module, where: [] };
		if (this.accept('WHERE')) query.where = this.parseWhere();
		if (this.accept('ORDER')) {
			this.expect('BY');
			const column = this.expect('COLUMNNAME').value;
			const descending = !!this.accept('DESC');
			if (!descending) this.accept('ASC');
			query.orderBy = { column, descending };
		}
		if (this.accept('LIMIT')) {
			const first = Number(this.expect('NUMBER').value);
			if (this.accept('COMMA')) query.limit = { offset: first, count: Number(this.expect('NUMBER').value) };
			else query.limit = { offset: 0, count: first };
		}
		this.expect('SEMICOLON');
		// The grammar ends at the first ";": anything after it is unexpected, with nothing expected (34: ";;").
		if (this.peek()) this.fail('');
		return query;
	}

	private parseWhere(): Condition[][] {
		const groups: Condition[][] = [[this.parseCondition()]];
		for (;;) {
			if (this.accept('AND')) groups[groups.length - 1].push(this.parseCondition());
			else if (this.accept('OR')) groups.push([this.parseCondition()]);
			else return groups;
		}
	}

	private value(): string {
		const token = this.accept('VALUE') ?? this.accept('NUMBER');
		return token ? token.value : this.fail('VALUE');
	}

	private parseCondition(): Condition {
		const column = this.expect('COLUMNNAME').value;
		if (this.accept('IN')) {
			this.expect('PARENOPEN');
			const values = [this.value()];
			while (this.accept('COMMA')) values.push(this.value());
			this.expect('PARENCLOSE');
			return { column, operator: 'IN', values };
		}
		const negated = !!this.accept('NOT');
		if (this.accept('LIKE')) return { column, operator: negated ? 'NOT LIKE' : 'LIKE', values: [this.value()] };
		const op = this.expect('OPERATOR').value;
		return { column, operator: op, values: [this.value()] };
	}
}

export function parseVtql(query: string): ParsedQuery {
	return new Parser(tokenize(query)).parse();
}

// vtiger finds the module with a regex before parsing; without a FROM it cannot tell which module to check.
export function moduleOfQuery(query: string): string | undefined {
	return /[fF][rR][oO][mM]\s+([^\s;]+)/.exec(query)?.[1]?.trim();
}
