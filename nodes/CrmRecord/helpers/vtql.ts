/**
 * VTQL string literals are single-quoted. vtiger 7.5's lexer matches them with '(?:[^']|'')+' and pastes them into
 * MySQL's SQL as they are: a doubled quote is the only quote escape that survives both, a backslash must be doubled
 * because MySQL reads it as an escape, and an empty literal does not lex at all.
 */
export function vtqlString(value: string): string {
	if (value === '') throw new Error('vtiger cannot compare with an empty text in a query (an empty literal is a syntax error)');
	return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Numbers are quoted too: the lexer reads an unquoted 1.5e-7 or -0.5 as a column name. */
export function vtqlValue(value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) return vtqlString(String(value));
	if (typeof value === 'boolean') return value ? "'1'" : "'0'";
	return vtqlString(value === null || value === undefined ? '' : String(value));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_&]*$/;

/** Field and module names go into VTQL unquoted, so anything but a plain identifier is refused. */
export function vtqlName(name: string): string {
	const trimmed = name.trim();
	if (!NAME.test(trimmed)) throw new Error(`"${name}" is not a valid vtiger field or module name`);
	return trimmed;
}

/**
 * vtiger pastes a LIKE literal into MySQL as it is, where % and _ are wildcards and a backslash (the default ESCAPE)
 * makes the next character literal; vtqlString then doubles each backslash for MySQL's string syntax. So "contains _"
 * looks for an underscore, not for any character.
 */
export function likeLiteral(text: string): string {
	return text.replace(/[\\%_]/g, '\\$&');
}

/** vtiger's VTQL lexer has no NOT: "NOT IN" and "NOT LIKE" are syntax errors there. */
export type VtqlOperator = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE' | 'IN' | 'contains';

export interface VtqlCondition {
	field: string;
	operator: VtqlOperator;
	value: unknown;
}

function listValues(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').map((part) => part.trim()).filter((part) => part !== '');
	return [value];
}

export function vtqlCondition(condition: VtqlCondition): string {
	const field = vtqlName(condition.field);
	switch (condition.operator) {
		case 'IN': {
			const values = listValues(condition.value);
			if (values.length === 0) throw new Error(`The "${condition.operator}" filter on ${field} has no values`);
			return `${field} ${condition.operator} (${values.map(vtqlValue).join(', ')})`;
		}
		case 'contains':
			return `${field} LIKE ${vtqlString(`%${likeLiteral(String(condition.value ?? ''))}%`)}`;
		default:
			return `${field} ${condition.operator} ${vtqlValue(condition.value)}`;
	}
}

export interface SelectSpec {
	module: string;
	fields?: string[];
	conditions?: VtqlCondition[];
	combine?: 'AND' | 'OR';
	/** vtiger accepts a single ORDER BY column; more is a QUERY_SYNTAX_ERROR. */
	orderBy?: { field: string; direction: 'ASC' | 'DESC' };
}

/** A SELECT without LIMIT or the final semicolon: paging adds both. */
export function buildSelect(spec: SelectSpec): string {
	const fields = spec.fields && spec.fields.length > 0 ? spec.fields.map(vtqlName).join(', ') : '*';
	let vtql = `SELECT ${fields} FROM ${vtqlName(spec.module)}`;
	const conditions = spec.conditions ?? [];
	if (conditions.length > 0) vtql += ` WHERE ${conditions.map(vtqlCondition).join(` ${spec.combine ?? 'AND'} `)}`;
	if (spec.orderBy) vtql += ` ORDER BY ${vtqlName(spec.orderBy.field)} ${spec.orderBy.direction}`;
	return vtql;
}

export interface ParsedRawQuery {
	/** The statement without its LIMIT clause and semicolon. */
	base: string;
	offset: number;
	limit?: number;
}

const TRAILING_LIMIT = /\s+LIMIT\s+(\d+)\s*(?:,\s*(\d+))?\s*$/i;

/**
 * A user's VTQL may end in "LIMIT n" or "LIMIT offset, n"; vtiger caps either at 100 rows, so the clause is taken
 * apart and replayed as pages.
 */
export function parseRawQuery(raw: string): ParsedRawQuery {
	let base = raw.trim().replace(/;\s*$/, '').trim();
	if (!/^select\s/i.test(base)) throw new Error('A VTQL query starts with SELECT');
	const match = TRAILING_LIMIT.exec(base);
	if (!match) return { base, offset: 0 };
	base = base.slice(0, match.index).trim();
	if (match[2] === undefined) return { base, offset: 0, limit: Number(match[1]) };
	return { base, offset: Number(match[1]), limit: Number(match[2]) };
}

export function withLimit(base: string, offset: number, count: number): string {
	return `${base} LIMIT ${offset}, ${count};`;
}
