import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

/**
 * A generated record and what must happen to it: 'ok' records must be written, 'bad' ones must reach the error
 * branch with a message like `like`, 'any' ones (legal but odd, e.g. unicode or injection-looking text) may go
 * either way but must come out once, and with a specific message if they fail.
 */
export type Expect = 'ok' | 'bad' | 'any';

export interface FieldCase {
	value: unknown;
	expect: Expect;
	why?: string;
	like?: RegExp;
}

export interface Case {
	json: IDataObject;
	expect: Expect;
	why: string[];
	/** the reasons it is bad, when it is */
	faults: string[];
	like: RegExp[];
}

export const ABSENT = Symbol('absent');

export const ok = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<FieldCase> =>
	arbitrary.map((value) => ({ value, expect: 'ok' as const }));
export const any = (why: string, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<FieldCase> =>
	arbitrary.map((value) => ({ value, expect: 'any' as const, why }));
export const bad = (why: string, like: RegExp, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<FieldCase> =>
	arbitrary.map((value) => ({ value, expect: 'bad' as const, why, like }));
export const absent = ok(fc.constant(ABSENT));

/** Combines per-field cases into one record; the worst expectation wins. */
export function record(fields: Record<string, fc.Arbitrary<FieldCase>>, extra?: (json: IDataObject) => IDataObject): fc.Arbitrary<Case> {
	return fc.record(fields).map((chosen) => {
		let json: IDataObject = {};
		const why: string[] = [];
		const faults: string[] = [];
		const like: RegExp[] = [];
		let expect: Expect = 'ok';
		for (const [field, fieldCase] of Object.entries(chosen)) {
			if (fieldCase.value !== ABSENT) json[field] = fieldCase.value as IDataObject[string];
			if (fieldCase.why) why.push(`${field}: ${fieldCase.why}`);
			if (fieldCase.expect === 'bad') {
				expect = 'bad';
				faults.push(`${field}: ${fieldCase.why}`);
				if (fieldCase.like) like.push(fieldCase.like);
			} else if (fieldCase.expect === 'any' && expect === 'ok') expect = 'any';
		}
		if (extra) json = extra(json);
		return { json, expect, why, faults, like };
	});
}

/** A message explains one of the record's problems; with several, whichever the node checks first. */
export function explainsOneOf(message: string, like: RegExp[]): boolean {
	return like.length === 0 || like.some((pattern) => pattern.test(message));
}
