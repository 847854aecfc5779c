import { tokenize, type Token } from './where';

/**
 * Which records a `where` can possibly match, read from its text: `Name=="A" OR Name=="B"` can only match records
 * whose Name is "a" or "b" (compared ignoring case, as Xero does). A list read then filters those candidates (from an
 * index) instead of every record of the organisation, so a 100,000-record lookup costs what Xero's indexed one does.
 * The full `where` still runs on every candidate, so the answer is unchanged; anything this reader does not
 * understand (methods, dates, NOT) gives no hint, and the read scans as before.
 */
export interface IndexHint {
	/** the member path as written, e.g. ['Contact', 'ContactID'] */
	path: string[];
	/** the wanted values, lower case */
	values: Set<string>;
}

class NoHint extends Error {}

type Operand = { path: string[] } | { literal: string } | { other: true };
type Found = IndexHint | undefined;

class HintReader {
	private position = 0;

	constructor(private readonly tokens: Token[]) {}

	read(): Found {
		const found = this.or();
		if (this.position < this.tokens.length) throw new NoHint();
		return found;
	}

	private peek(): Token | undefined {
		return this.tokens[this.position];
	}

	private word(word: string): boolean {
		const token = this.peek();
		return token?.kind === 'ident' && token.value.toUpperCase() === word;
	}

	private op(op: string): boolean {
		const token = this.peek();
		return token?.kind === 'op' && token.value === op;
	}

	private expect(op: string): void {
		if (!this.op(op)) throw new NoHint();
		this.position++;
	}

	/** every side must name the same member for the union to cover the whole OR */
	private or(): Found {
		const sides = [this.and()];
		while (this.word('OR') || this.op('||')) {
			this.position++;
			sides.push(this.and());
		}
		if (sides.length === 1) return sides[0];
		const key = sides[0]?.path.join('.');
		if (sides.some((side) => side === undefined || side.path.join('.') !== key)) return undefined;
		return { path: (sides[0] as IndexHint).path, values: new Set(sides.flatMap((side) => [...(side as IndexHint).values])) };
	}

	/** any side that narrows the records narrows the AND */
	private and(): Found {
		const sides = [this.unary()];
		while (this.word('AND') || this.op('&&')) {
			this.position++;
			sides.push(this.unary());
		}
		return sides.filter((side) => side !== undefined).sort((a, b) => (a as IndexHint).values.size - (b as IndexHint).values.size)[0];
	}

	private unary(): Found {
		if (this.op('!') || this.word('NOT')) {
			this.position++;
			this.unary();
			return undefined;
		}
		if (this.op('(')) {
			this.position++;
			const inner = this.or();
			this.expect(')');
			if (this.op('.')) throw new NoHint();
			return inner;
		}
		const left = this.operand();
		const token = this.peek();
		if (token?.kind !== 'op' || !['==', '!=', '>', '<', '>=', '<='].includes(token.value)) return undefined;
		this.position++;
		const right = this.operand();
		if (token.value !== '==') return undefined;
		if ('path' in left && 'literal' in right) return { path: left.path, values: new Set([right.literal]) };
		if ('literal' in left && 'path' in right) return { path: right.path, values: new Set([left.literal]) };
		return undefined;
	}

	private operand(): Operand {
		const token = this.peek();
		if (!token) throw new NoHint();
		this.position++;
		if (token.kind === 'string') {
			if (this.op('.')) throw new NoHint();
			return { literal: token.value.toLowerCase() };
		}
		if (token.kind === 'number') return { other: true };
		if (token.kind !== 'ident') throw new NoHint();
		const word = token.value.toLowerCase();
		if (['true', 'false', 'null'].includes(word)) return { other: true };
		if (word === 'guid' && this.op('(')) {
			this.position++;
			const text = this.peek();
			if (text?.kind !== 'string') throw new NoHint();
			this.position++;
			this.expect(')');
			return { literal: text.value.toLowerCase().replace(/[{}]/g, '') };
		}
		if (['and', 'or', 'not', 'datetime'].includes(word)) throw new NoHint();
		const path = [token.value];
		while (this.op('.')) {
			const next = this.tokens[this.position + 1];
			if (next?.kind !== 'ident') throw new NoHint();
			path.push(next.value);
			this.position += 2;
			// a method call (.Contains(), .ToLower()) is not an equality on the member
			if (this.op('(')) throw new NoHint();
		}
		return { path };
	}
}

/** The index hint of a `where`, or undefined when it gives none or cannot be read (the read then scans). */
export function whereIndexHint(where: string): IndexHint | undefined {
	try {
		return new HintReader(tokenize(where)).read();
	} catch {
		return undefined;
	}
}
