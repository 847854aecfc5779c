import { collationKey, sameText } from '../../shared/collation';
import { NUMERIC_TYPES, type FieldTypes } from './normalise';
import { storedForms, webUiForm } from './storedForms';
import { vtqlName, vtqlValue } from './vtql';

export interface MatchPair {
	field: string;
	value: unknown;
}

/** All pairs of one alternative must hold; an item's alternatives are tried in order (strongest first). */
export type MatchAlternative = MatchPair[];

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

export function usableAlternatives(alternatives: MatchAlternative[]): MatchAlternative[] {
	return alternatives.filter((alternative) => alternative.length > 0 && alternative.every((pair) => !isBlank(pair.value)));
}

/**
 * One WHERE clause for a whole batch. A single composite key shared by every item becomes
 * `a IN (…) AND b IN (…)`; anything else `a IN (…) OR b IN (…)`. Both may return extra rows (the cross product),
 * which `findMatches` filters out exactly.
 */
export function matchWhere(alternativesPerItem: MatchAlternative[][]): string | undefined {
	const valuesByField = new Map<string, Map<string, unknown>>();
	const shapes = new Set<string>();
	let multipleAlternatives = false;
	for (const alternatives of alternativesPerItem) {
		if (alternatives.length > 1) multipleAlternatives = true;
		for (const alternative of alternatives) {
			shapes.add(alternative.map((pair) => pair.field).sort().join(','));
			for (const pair of alternative) {
				if (!valuesByField.has(pair.field)) valuesByField.set(pair.field, new Map());
				const values = valuesByField.get(pair.field);
				for (const form of [pair.value, ...storedForms(pair.value)]) {
					const key = collationKey(form);
					if (values && !values.has(key)) values.set(key, form);
				}
			}
		}
	}
	if (valuesByField.size === 0) return undefined;
	const clauses = [...valuesByField].map(
		([field, values]) => `${vtqlName(field)} IN (${[...values.values()].map(vtqlValue).join(', ')})`,
	);
	const composite = !multipleAlternatives && shapes.size === 1 && valuesByField.size > 1;
	return clauses.join(composite ? ' AND ' : ' OR ');
}

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * The rule: a match value finds a stored value exactly when vtiger's MySQL would, so the node never matches what the
 * lookup query could not return, nor misses what it did. Text columns compare as text under utf8_general_ci
 * (nodes/shared/collation.ts): case and accents do not count, trailing spaces do not count, leading spaces do, and
 * "7" is not "007". Only fields describe types as numbers (integer, double, currency, percent) compare as numbers,
 * as MySQL compares a number column with the text it is given.
 */
export function sameValue(stored: unknown, wanted: unknown, type?: string): boolean {
	if (type !== undefined && NUMERIC_TYPES.has(type)) {
		const a = String(stored ?? '');
		const b = String(wanted ?? '');
		if (NUMBER_TEXT.test(a) && NUMBER_TEXT.test(b)) return Number(a) === Number(b);
	}
	return sameText(stored, wanted);
}

/**
 * Rows holding exactly the wanted values; failing that, rows holding what vtiger's web UI would have stored for them
 * (a name that lost an unknown tag, see storedForms), so such a record is updated instead of duplicated.
 */
export function findMatches<T extends Record<string, unknown>>(rows: T[], alternative: MatchAlternative, types?: FieldTypes): T[] {
	const holds = (row: T, wanted: (pair: MatchPair) => unknown) =>
		alternative.every((pair) => sameValue(row[pair.field], wanted(pair), types?.get(pair.field)));
	const exact = rows.filter((row) => holds(row, (pair) => pair.value));
	if (exact.length > 0 || !alternative.some((pair) => webUiForm(pair.value) !== undefined)) return exact;
	return rows.filter((row) => holds(row, (pair) => webUiForm(pair.value) ?? pair.value));
}

export type MatchDecision<T> =
	| { kind: 'create' }
	| { kind: 'update'; row: T; alternative: MatchAlternative }
	| { kind: 'ambiguous'; rows: T[]; alternative: MatchAlternative };

export function decideMatch<T extends Record<string, unknown>>(
	rows: T[],
	alternatives: MatchAlternative[],
	types?: FieldTypes,
): MatchDecision<T> {
	for (const alternative of alternatives) {
		const found = findMatches(rows, alternative, types);
		if (found.length === 1) return { kind: 'update', row: found[0], alternative };
		if (found.length > 1) return { kind: 'ambiguous', rows: found, alternative };
	}
	return { kind: 'create' };
}

export function describeAlternative(alternative: MatchAlternative): string {
	return alternative.map((pair) => `${pair.field} = "${String(pair.value)}"`).join(' and ');
}

/** vtiger numbers every record from one counter (the digits after "x"), so the lowest is the one created first. */
export function oldestRecord<T extends Record<string, unknown>>(rows: T[]): T | undefined {
	const crmid = (row: T) => Number(String(row.id).split('x')[1] ?? Number.NaN);
	const numbered = rows.filter((row) => Number.isFinite(crmid(row)));
	return numbered.reduce<T | undefined>((oldest, row) => (oldest && crmid(oldest) <= crmid(row) ? oldest : row), undefined);
}
