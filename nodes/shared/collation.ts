/**
 * How vtiger's database compares text. vtiger 7.5 creates its tables with `DEFAULT CHARSET=utf8` and no collation,
 * so every text column has MySQL's (and MariaDB's) default collation for utf8: utf8_general_ci. It compares text as
 * text ("7" and "007" differ), one character at a time by a weight that ignores case and accents (é = E, ß = S,
 * but æ, ø, ð, þ, ł, й keep their own weight and nothing expands: æ ≠ ae), and with PAD SPACE: trailing spaces do
 * not count ("Acme " = "Acme"), leading spaces do. LIKE uses the same weights but no padding.
 *
 * The weights follow utf8_general_ci's table: case folding and accent stripping only in Latin, Greek, Cyrillic,
 * Armenian, Latin Extended Additional, Greek Extended, letter-like symbols, enclosed alphanumerics and full-width
 * forms; every other character weighs itself. Letters Unicode gave a case pair after that table was made keep
 * their own weight.
 */

/** Character blocks (code point >> 8) utf8_general_ci folds; everything else compares as is. */
const FOLDED_PAGES = new Set([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x1e, 0x1f, 0x21, 0x24, 0xff]);

const SPECIAL: Record<number, number> = { 0xdf: 0x53, 0x439: 0x419, 0x3f2: 0x3a3 };

/** Greek letters with oxia are folded to the letter with tonos, not to the bare letter. */
const OXIA: Record<number, number> = {
	0x1f71: 0x1fbb,
	0x1f73: 0x1fc9,
	0x1f75: 0x1fcb,
	0x1f77: 0x1fdb,
	0x1f79: 0x1ff9,
	0x1f7b: 0x1feb,
	0x1f7d: 0x1ffb,
};

/** Letters whose case pair is newer than utf8_general_ci's table: they keep their own weight. */
const UNFOLDED = new Set([
	0x180, 0x19a, 0x19e, 0x23c, 0x242, 0x247, 0x249, 0x24b, 0x24d, 0x24f, 0x289, 0x28c, 0x371, 0x373, 0x377, 0x37b,
	0x37c, 0x37d, 0x3d7, 0x3d9, 0x3f3, 0x3f5, 0x3f8, 0x3fb, 0x419, 0x48b, 0x4c6, 0x4ca, 0x4ce, 0x4cf, 0x4f7, 0x4fb,
	0x4fd, 0x4ff, 0x1efb, 0x1efd, 0x1eff, 0x1fbb, 0x1fc9, 0x1fcb, 0x1fd3, 0x1fdb, 0x1fe3, 0x1feb, 0x1ff9, 0x1ffb,
	0x212b, 0x214e, 0x2184,
]);

const COMBINING_MARKS = /^[\u0300-\u036f]+$/;
const LETTER = /^\p{L}$/u;

function isUnfolded(cp: number): boolean {
	// Cyrillic supplement lower-case letters (U+0501, U+0503 … U+052F) also have newer case pairs.
	return UNFOLDED.has(cp) || (cp >= 0x501 && cp <= 0x52f && cp % 2 === 1);
}

const weights = new Map<string, string>();

/** Weights are looked up once per character: matching compares every row of a lookup with every value. */
function weightOf(char: string): string {
	let weight = weights.get(char);
	if (weight === undefined) {
		weight = computeWeight(char);
		weights.set(char, weight);
	}
	return weight;
}

function computeWeight(char: string): string {
	const cp = char.codePointAt(0) ?? 0;
	if (!FOLDED_PAGES.has(cp >> 8)) return char;
	if (cp in SPECIAL) return String.fromCharCode(SPECIAL[cp]);
	if (cp in OXIA) return String.fromCharCode(OXIA[cp]);
	if (isUnfolded(cp)) return char;
	const decomposed = char.normalize('NFD');
	// Accents go (é → e); a character that only decomposes to another one (Å sign, Ω ohm) keeps its own weight.
	const base = decomposed.length > 1 && COMBINING_MARKS.test(decomposed.slice(1)) ? decomposed[0] : char;
	// Spacing accents (΅ is ¨ with an acute) are not letters: they keep their own weight.
	if (base !== char && !LETTER.test(base)) return char;
	const upper = base.toUpperCase();
	return upper.length === 1 && FOLDED_PAGES.has(upper.charCodeAt(0) >> 8) ? upper : base;
}

function isAscii(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
	return true;
}

/** The text as utf8_general_ci weighs it, one character per character, without the padding rule. */
export function collationWeights(text: string): string {
	// Plain ASCII (most names and codes) only needs upper-casing.
	if (isAscii(text)) return text.toUpperCase();
	let out = '';
	for (const char of text) out += weightOf(char);
	return out;
}

const keys = new Map<string, string>();
const MAX_CACHED_KEYS = 20_000;

/** Equal keys mean MySQL's `=` finds the two texts equal (trailing spaces dropped: PAD SPACE). */
export function collationKey(value: unknown): string {
	const text = String(value ?? '');
	let key = keys.get(text);
	if (key === undefined) {
		key = collationWeights(text).replace(/ +$/, '');
		if (keys.size >= MAX_CACHED_KEYS) keys.clear();
		keys.set(text, key);
	}
	return key;
}

export function sameText(a: unknown, b: unknown): boolean {
	return collationKey(a) === collationKey(b);
}
