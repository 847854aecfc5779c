import { DEFAULT_FOLDER } from '../ops/documents';
import { collationKey, collationWeights } from '../../../nodes/shared/collation';
import type { Engine } from '../engine';
import { Errors } from '../errors';
import { queryRowShape } from '../store/shapes';
import { moduleOfQuery, parseVtql, type Condition } from './parser';

// vtiger appends "LIMIT 100" and caps any larger count: one query never returns more than 100 rows.
export const QUERY_ROW_CAP = 100;

type Row = Record<string, unknown>;

const NUMERIC_KINDS = new Set(['integer', 'currency', 'decimal']);

// LIKE weighs characters like "=" (utf8_general_ci) but does not pad; "\" escapes the next character (a % or _
// after it is matched literally, as MySQL's default ESCAPE '\\' does).
function likeToRegex(pattern: string): RegExp {
	const chars = Array.from(pattern);
	let source = '';
	for (let i = 0; i < chars.length; i++) {
		const char = chars[i];
		if (char === '%') source += '.*';
		else if (char === '_') source += '.';
		else {
			const literal = char === '\\' && i + 1 < chars.length ? chars[++i] : char;
			source += collationWeights(literal).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		}
	}
	return new RegExp(`^${source}$`, 'su');
}

function likeMatches(value: string, pattern: string): boolean {
	return likeToRegex(pattern).test(collationWeights(value));
}

// Number columns compare as numbers; text columns as MySQL's utf8_general_ci with PAD SPACE (nodes/shared/collation).
function compare(a: string, b: string, numeric: boolean): number {
	if (numeric && a !== '' && b !== '' && !Number.isNaN(Number(a)) && !Number.isNaN(Number(b))) return Number(a) - Number(b);
	const x = collationKey(a);
	const y = collationKey(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

function matches(row: Row, condition: Condition, numeric: boolean): boolean {
	const value = String(row[condition.column] ?? '');
	const [first] = condition.values;
	switch (condition.operator) {
		case 'IN': {
			if (numeric) return condition.values.some((v) => compare(value, v, numeric) === 0);
			const key = collationKey(value);
			return condition.values.some((v) => collationKey(v) === key);
		}
		case 'LIKE':
			return likeMatches(value, first);
		case 'NOT LIKE':
			return !likeMatches(value, first);
		case '=':
			return compare(value, first, numeric) === 0;
		case '!=':
		case '<>':
			return compare(value, first, numeric) !== 0;
		case '<':
			return compare(value, first, numeric) < 0;
		case '>':
			return compare(value, first, numeric) > 0;
		case '<=':
			return compare(value, first, numeric) <= 0;
		case '>=':
			return compare(value, first, numeric) >= 0;
		default:
			return false;
	}
}

function sourceRows(engine: Engine, module: string): Row[] {
	if (module === 'Currency') return engine.currencies.map((c) => ({ ...c }));
	if (module === 'DocumentFolders') return [{ ...DEFAULT_FOLDER }];
	if (module === 'Users') return [{ ...engine.adminUser }];
	return engine.store
		.live(module)
		.sort((a, b) => a.crmid - b.crmid)
		.map((r) => queryRowShape(engine, r));
}

export function runQuery(engine: Engine, query: string | undefined): Row[] {
	const text = query ?? '';
	const module = moduleOfQuery(text);
	if (module === undefined) throw Errors.accessDeniedFor('query');
	if (!engine.registry.exists(module)) throw Errors.deniedForName(module);
	const parsed = parseVtql(text);
	const spec = engine.spec(module);
	const known = (column: string) => column === 'id' || spec.all.has(column) || (module === 'DocumentFolders' && column in DEFAULT_FOLDER);
	const referenced = [
		...(Array.isArray(parsed.columns) ? parsed.columns : []),
		...parsed.where.flat().map((c) => c.column),
		...(parsed.orderBy ? [parsed.orderBy.column] : []),
	];
	for (const column of referenced) if (!known(column)) throw Errors.attributeDenied(column);
	const numeric = (column: string) => NUMERIC_KINDS.has(spec.all.get(column)?.kind ?? '');

	let rows = sourceRows(engine, module).filter(
		(row) => parsed.where.length === 0 || parsed.where.some((group) => group.every((c) => matches(row, c, numeric(c.column)))),
	);
	if (parsed.columns === 'count') return [{ count: String(rows.length) }];
	if (parsed.orderBy) {
		const { column, descending } = parsed.orderBy;
		const isNumeric = column === 'id' || numeric(column);
		// Ordering by id orders by crmid, the number after the "x".
		const key = (row: Row) => (column === 'id' ? String(row.id ?? '').replace(/^\d+x/, '') : String(row[column] ?? ''));
		rows = rows
			.map((row, index) => ({ row, index }))
			.sort((a, b) => compare(key(a.row), key(b.row), isNumeric) * (descending ? -1 : 1) || a.index - b.index)
			.map((x) => x.row);
	}
	const offset = parsed.limit?.offset ?? 0;
	const count = Math.min(parsed.limit?.count ?? QUERY_ROW_CAP, QUERY_ROW_CAP);
	rows = rows.slice(offset, offset + count);
	if (parsed.columns === '*') return rows;
	const columns = parsed.columns.includes('id') ? parsed.columns : [...parsed.columns, 'id'];
	return rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? ''])));
}
