import { parseMsDate } from '../dates';
import type { Json } from '../types';
import WHERE_TYPES from './whereTypes.json';

/**
 * Property types of the records a `where` or `order` can name, from Xero's OpenAPI file (whereTypes.build.ts):
 * 'string' | 'guid' | 'number' | 'bool' | 'date' | 'list' | 'ref:<Type>'. Dynamic LINQ resolves names against the
 * .NET type, so a name the type lacks is "No property or field 'X' exists in type 'Contact'" (400), and
 * comparisons of different types fail ("Operator '==' incompatible with operand types 'Boolean' and 'String'").
 */
const TYPES = WHERE_TYPES as Record<string, Record<string, string>>;
const DOTNET: Record<string, string> = { string: 'String', guid: 'Guid', number: 'Decimal', bool: 'Boolean', date: 'DateTime', list: 'List', null: 'Object' };
const dotnetName = (type: string) => (type.startsWith('ref:') ? type.slice(4) : (DOTNET[type] ?? type));
const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** The type of `path` on `typeName`, or a WhereSyntaxError naming the first part the type does not have. */
export function propertyType(typeName: string, path: string[]): string {
	let current = `ref:${typeName}`;
	for (const part of path) {
		const owner = current.startsWith('ref:') ? TYPES[current.slice(4)] : undefined;
		const key = owner ? Object.keys(owner).find((name) => name.toLowerCase() === part.toLowerCase()) : undefined;
		if (!owner || key === undefined) throw new WhereSyntaxError(`No property or field '${part}' exists in type '${dotnetName(current)}'`);
		current = owner[key];
	}
	return current;
}

export function hasWhereType(typeName: string): boolean {
	return TYPES[typeName] !== undefined;
}

/**
 * The part of Xero's `where` language that integrations use: comparisons (== != > < >= <=), AND/OR/NOT (also && ||
 * !), parentheses, .Contains() .StartsWith() .EndsWith() .ToLower() .ToUpper(), dotted paths (Contact.ContactID),
 * and the literals "text", numbers, true, false, null, Guid("…"), DateTime(y,m,d[,h,m,s]) and DateTime.Parse("…").
 * String comparisons ignore case, as Xero's do. Like the Dynamic LINQ Xero runs, type, member and method names
 * ignore case too (`guid("…")`, `datetime(…)`, `name.contains("…")`).
 */

export class WhereSyntaxError extends Error {}

export type Token =
	| { kind: 'string'; value: string }
	| { kind: 'number'; value: number }
	| { kind: 'ident'; value: string }
	| { kind: 'op'; value: string };

export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < source.length) {
		const char = source[i];
		if (/\s/.test(char)) {
			i++;
			continue;
		}
		if (char === '"' || char === "'") {
			// Dynamic LINQ: the quote doubled stays in the literal; a backslash is an ordinary character, so `\"` ends
			// the literal and what follows is read as code (Xero: "Syntax error", XeroAPI/Xero-Java#347).
			let value = '';
			i++;
			for (;;) {
				const close = source.indexOf(char, i);
				if (close < 0) throw new WhereSyntaxError('Unterminated string literal');
				value += source.slice(i, close);
				i = close + 1;
				if (source[i] !== char) break;
				value += char;
				i++;
			}
			if (char === "'" && [...value].length !== 1) throw new WhereSyntaxError('Character literal must contain exactly one character');
			tokens.push({ kind: 'string', value });
			continue;
		}
		const two = source.slice(i, i + 2);
		if (['==', '!=', '>=', '<=', '&&', '||'].includes(two)) {
			tokens.push({ kind: 'op', value: two });
			i += 2;
			continue;
		}
		if ('<>!(),.='.includes(char)) {
			tokens.push({ kind: 'op', value: char === '=' ? '==' : char });
			i++;
			continue;
		}
		const number = /^-?\d+(\.\d+)?/.exec(source.slice(i));
		if (number && (char !== '-' || tokens.length === 0 || tokens[tokens.length - 1].kind === 'op')) {
			tokens.push({ kind: 'number', value: Number(number[0]) });
			i += number[0].length;
			continue;
		}
		const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
		if (ident) {
			tokens.push({ kind: 'ident', value: ident[0] });
			i += ident[0].length;
			continue;
		}
		throw new WhereSyntaxError(`Unexpected character '${char}' at position ${i}`);
	}
	return tokens;
}

export type Value = string | number | boolean | null | undefined | { date: number } | { guid: string };
type Node = (record: Json) => Value;

const COMPARISONS = ['==', '!=', '>', '<', '>=', '<='];

class Parser {
	private position = 0;
	/** Static types of the nodes whose type is known (typed parsing only). */
	private readonly types = new WeakMap<Node, string>();

	constructor(
		private readonly tokens: Token[],
		private readonly typeName?: string,
	) {}

	private typed(node: Node, type: string | undefined): Node {
		if (type !== undefined) this.types.set(node, type);
		return node;
	}

	/** Dynamic LINQ compares only operands of one type (numbers with numbers; null with anything). */
	private checkOperands(left: Node, op: string, right: Node): void {
		const a = this.types.get(left);
		const b = this.types.get(right);
		if (a === undefined || b === undefined || a === 'null' || b === 'null') return;
		const relational = !['==', '!='].includes(op);
		const sameKind = a === b && !a.startsWith('ref:') && a !== 'list';
		if (sameKind && !(relational && (a === 'bool' || a === 'guid'))) return;
		throw new WhereSyntaxError(`Operator '${op}' incompatible with operand types '${dotnetName(a)}' and '${dotnetName(b)}'`);
	}

	parse(): Node {
		const node = this.or();
		if (this.position < this.tokens.length) throw new WhereSyntaxError(`Unexpected '${String(this.peek()?.value)}'`);
		return node;
	}

	private peek(): Token | undefined {
		return this.tokens[this.position];
	}

	private isWord(word: string): boolean {
		const token = this.peek();
		return token?.kind === 'ident' && token.value.toUpperCase() === word;
	}

	private isOp(op: string): boolean {
		const token = this.peek();
		return token?.kind === 'op' && token.value === op;
	}

	private expectOp(op: string): void {
		if (!this.isOp(op)) throw new WhereSyntaxError(`Expected '${op}'`);
		this.position++;
	}

	private or(): Node {
		let left = this.and();
		while (this.isWord('OR') || this.isOp('||')) {
			this.position++;
			const a = left;
			const b = this.and();
			left = (record) => truthy(a(record)) || truthy(b(record));
		}
		return left;
	}

	private and(): Node {
		let left = this.unary();
		while (this.isWord('AND') || this.isOp('&&')) {
			this.position++;
			const a = left;
			const b = this.unary();
			left = (record) => truthy(a(record)) && truthy(b(record));
		}
		return left;
	}

	private unary(): Node {
		if (this.isOp('!') || this.isWord('NOT')) {
			this.position++;
			const inner = this.unary();
			return (record) => !truthy(inner(record));
		}
		return this.comparison();
	}

	private comparison(): Node {
		const left = this.operand();
		const token = this.peek();
		if (token?.kind === 'op' && COMPARISONS.includes(token.value)) {
			this.position++;
			const right = this.operand();
			this.checkOperands(left, token.value, right);
			return this.typed((record) => compare(left(record), token.value, right(record)), 'bool');
		}
		return left;
	}

	private operand(): Node {
		const token = this.peek();
		if (!token) throw new WhereSyntaxError('Unexpected end of expression');
		if (this.isOp('(')) {
			this.position++;
			const inner = this.or();
			this.expectOp(')');
			return this.methods(this.typed((record) => inner(record), this.types.get(inner)));
		}
		this.position++;
		if (token.kind === 'string') return this.methods(this.typed(() => token.value, 'string'));
		if (token.kind === 'number') return this.typed(() => token.value, 'number');
		if (token.kind !== 'ident') throw new WhereSyntaxError(`Unexpected '${token.value}'`);
		const word = token.value;
		if (['AND', 'OR', 'NOT'].includes(word.toUpperCase())) throw new WhereSyntaxError(`Expected an operand before '${word}'`);
		if (word.toLowerCase() === 'true') return this.typed(() => true, 'bool');
		if (word.toLowerCase() === 'false') return this.typed(() => false, 'bool');
		if (word.toLowerCase() === 'null') return this.typed(() => null, 'null');
		if (word.toLowerCase() === 'guid' && this.isOp('(')) {
			const [text] = this.arguments();
			if (typeof text !== 'string') throw new WhereSyntaxError('Guid() takes a string');
			// new Guid("…") throws for anything but 32 hex digits (Xero: 400).
			if (!GUID.test(text.replace(/^\{(.*)\}$/, '$1'))) {
				throw new WhereSyntaxError('Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).');
			}
			return this.typed(() => ({ guid: text.toLowerCase().replace(/[{}]/g, '') }), 'guid');
		}
		if (word.toLowerCase() === 'datetime') return this.typed(this.dateTime(), 'date');
		const path = [word];
		while (this.isOp('.')) {
			const next = this.tokens[this.position + 1];
			const after = this.tokens[this.position + 2];
			if (next?.kind !== 'ident') throw new WhereSyntaxError('Expected a field name after "."');
			if (after?.kind === 'op' && after.value === '(') break;
			path.push(next.value);
			this.position += 2;
		}
		const type = this.typeName ? propertyType(this.typeName, path) : undefined;
		return this.methods(this.typed((record) => readPath(record, path), type));
	}

	private dateTime(): Node {
		if (this.isOp('.')) {
			this.position++;
			const method = this.peek();
			if (method?.kind !== 'ident' || method.value.toLowerCase() !== 'parse') throw new WhereSyntaxError('Expected DateTime.Parse');
			this.position++;
			const [text] = this.arguments();
			const millis = typeof text === 'string' ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`) : NaN;
			if (Number.isNaN(millis)) throw new WhereSyntaxError('DateTime.Parse needs a date');
			return () => ({ date: millis });
		}
		const parts = this.arguments();
		if (parts.length < 3 || parts.some((part) => typeof part !== 'number')) {
			throw new WhereSyntaxError('DateTime(year, month, day[, hour, minute, second]) takes numbers');
		}
		const [year, month, day, hour = 0, minute = 0, second = 0] = parts as number[];
		const millis = Date.UTC(year, month - 1, day, hour, minute, second);
		return () => ({ date: millis });
	}

	private arguments(): Array<string | number> {
		this.expectOp('(');
		const values: Array<string | number> = [];
		while (!this.isOp(')')) {
			const token = this.peek();
			if (!token || (token.kind !== 'string' && token.kind !== 'number')) throw new WhereSyntaxError('Expected a literal argument');
			values.push(token.value);
			this.position++;
			if (this.isOp(',')) this.position++;
		}
		this.expectOp(')');
		return values;
	}

	private methods(target: Node): Node {
		let node = target;
		while (this.isOp('.')) {
			this.position++;
			const name = this.peek();
			if (name?.kind !== 'ident') throw new WhereSyntaxError('Expected a method name');
			this.position++;
			const args = this.arguments();
			const inner = node;
			const innerType = this.types.get(inner);
			if (innerType !== undefined && innerType !== 'string') {
				throw new WhereSyntaxError(`No applicable method '${name.value}' exists in type '${dotnetName(innerType)}'`);
			}
			const arg = typeof args[0] === 'string' ? args[0].toLowerCase() : undefined;
			const method = name.value.toLowerCase();
			switch (method) {
				case 'contains':
				case 'startswith':
				case 'endswith': {
					if (arg === undefined) throw new WhereSyntaxError(`${name.value}() takes a string`);
					node = (record) => {
						const value = inner(record);
						if (typeof value !== 'string') return false;
						const text = value.toLowerCase();
						return method === 'contains' ? text.includes(arg) : method === 'startswith' ? text.startsWith(arg) : text.endsWith(arg);
					};
					this.typed(node, 'bool');
					break;
				}
				case 'tolower':
				case 'toupper': {
					const upper = method === 'toupper';
					node = (record) => {
						const value = inner(record);
						return typeof value === 'string' ? (upper ? value.toUpperCase() : value.toLowerCase()) : value;
					};
					this.typed(node, 'string');
					break;
				}
				default:
					throw new WhereSyntaxError(`No applicable method '${name.value}' exists`);
			}
		}
		return node;
	}
}

export function readPath(record: Json, path: string[]): Value {
	let current: unknown = record;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		const object = current as Json;
		const key = part in object ? part : Object.keys(object).find((candidate) => candidate.toLowerCase() === part.toLowerCase());
		current = key === undefined ? undefined : object[key];
	}
	if (current === null || current === undefined) return current as null | undefined;
	if (typeof current === 'object') return undefined;
	return current as string | number | boolean;
}

function truthy(value: Value): boolean {
	return value === true;
}

function normalise(value: Value, other: Value): Value {
	if (other && typeof other === 'object' && 'date' in other && typeof value === 'string') {
		const millis = parseMsDate(value) ?? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
		return Number.isNaN(millis) ? value : { date: millis };
	}
	return value;
}

function scalar(value: Value): string | number | boolean | null | undefined {
	if (value && typeof value === 'object') return 'date' in value ? value.date : value.guid;
	return typeof value === 'string' ? value.toLowerCase() : value;
}

function compare(leftRaw: Value, op: string, rightRaw: Value): boolean {
	const left = scalar(normalise(leftRaw, rightRaw));
	const right = scalar(normalise(rightRaw, leftRaw));
	const isNull = (value: unknown) => value === null || value === undefined;
	if (isNull(left) || isNull(right)) {
		if (op === '==') return isNull(left) && isNull(right);
		if (op === '!=') return isNull(left) !== isNull(right);
		return false;
	}
	switch (op) {
		case '==':
			return left === right;
		case '!=':
			return left !== right;
		case '>':
			return (left as number) > (right as number);
		case '<':
			return (left as number) < (right as number);
		case '>=':
			return (left as number) >= (right as number);
		default:
			return (left as number) <= (right as number);
	}
}

/** `typeName` (Contact, Invoice, …): check names and operand types as Xero does; without it, untyped. */
export function compileWhere(source: string, typeName?: string): (record: Json) => boolean {
	const node = new Parser(tokenize(source), typeName && hasWhereType(typeName) ? typeName : undefined).parse();
	return (record) => truthy(node(record));
}
