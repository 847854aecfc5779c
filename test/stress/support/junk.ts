import fc from 'fast-check';

/**
 * The hostile values a sync meets in real books: text that looks like an attack on VTQL, Xero's where clause, HTML
 * or n8n expressions, unicode that breaks naive length and encoding assumptions, and values far past field limits.
 */
export const INJECTIONS = [
	"'; DROP TABLE vtiger_account; --",
	"' OR '1'='1",
	"x' OR accountname LIKE '%",
	'Robert"); DELETE FROM vtiger_crmentity; --',
	'Name=="x" OR 1==1',
	'Name.Contains("a") || true',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'={{ $env.HOME }}',
	'{{ $json.accessKey }}',
	'${process.env.SECRET}',
	'../../../../etc/passwd',
	'%s%s%s%n',
	'\\u0000\\',
	'\u0000nul\u0000',
	'line\r\nX-Injected: yes',
	'SELECT * FROM Accounts;',
	'; LIMIT 0,1;',
	"O'Brien & Sons",
	'a\\\'b',
	'null',
	'undefined',
	'NaN',
	'[]',
	'{"Name":"x"}',
];

const UNICODE_SAMPLES = [
	'Zürich Gärtnerei',
	'東京商事株式会社',
	'شركة الرياض',
	'\u202Egnp.exe',
	'Zero\u200Bwidth\u200Djoin',
	'👩‍👩‍👧‍👦 Family Ltd 🏳️‍🌈',
	'e\u0301e\u0301 combining',
	'\uD83D', // a lone surrogate, which JSON and UTF-8 both treat specially
	'ﬁ ligature Ǆ',
	'\t tab and spaces \t',
];

export const unicodeText = fc.oneof(
	fc.constantFrom(...UNICODE_SAMPLES),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
);

export const injectionText = fc.constantFrom(...INJECTIONS);

/** Long enough to pass any field limit and the 8 KB request lines web servers accept; rare, as in real data. */
export const hugeText = fc
	.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.integer({ min: 300, max: 12_000 }))
	.map(([chunk, times]) => (chunk || 'x').repeat(times));

export const wrongType = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.constant({}),
	fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

export const oddDate = fc.oneof(
	fc.constantFrom(
		'2026-02-30',
		'2026-13-01',
		'0000-00-00',
		'31/12/2026',
		'12/31/2026',
		'yesterday',
		'2026-11-01T25:61:00Z',
		'/Date(1762000000000+0000)/',
		'/Date(-62135596800000)/',
		'9999-12-31',
		'1899-12-31',
		'2026-11-01T00:00:00+14:00',
		'',
	),
	fc.integer({ min: -1e13, max: 1e13 }),
	fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

/** Plain text a user would type, which every path must accept unchanged. */
export const plainText = fc
	.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-&.'.split('')), {
		minLength: 3,
		maxLength: 40,
	})
	.map((chars) => chars.join('').trim())
	.filter((text) => text.length >= 3);

export const anyText = fc.oneof(
	{ weight: 6, arbitrary: plainText },
	{ weight: 2, arbitrary: unicodeText },
	{ weight: 2, arbitrary: injectionText },
	{ weight: 1, arbitrary: hugeText },
);

/**
 * Deterministic per seed, so a failure can be replayed with FUZZ_SEED=<seed>. CI uses one fixed seed so that a run
 * judges the change, not the luck of the draw; local runs draw a new seed each time to keep exploring.
 */
const CI_SEED = 2_122_473_930;
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? CI_SEED : Date.now() % 2_147_483_647));

export function generate<T>(arbitrary: fc.Arbitrary<T>, count: number, salt: number): T[] {
	return fc.sample(arbitrary, { numRuns: count, seed: FUZZ_SEED + salt });
}
