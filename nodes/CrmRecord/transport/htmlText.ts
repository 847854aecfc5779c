/**
 * Undoes the HTML encoding vtiger 7.5 adds to text, and nothing else (transcript 36, vtiger's
 * Vtiger_Functions::fromHTML and the webservice's label output):
 * - On every save, a value that contains "script" and later "/script" on one line is stored with `<`, `>` and `"`
 *   replaced by `&lt;`, `&gt;` and `&quot;` (all three, everywhere in the value); `&` and `'` are kept. Such a value
 *   still contains "script…/script" after encoding, so it is recognised on the way back. Any other value is stored
 *   and returned exactly as written, so a literal "&amp;" or "&lt;" typed by a user is left alone.
 * - A record's `label` and describe's labels are always passed through htmlspecialchars (ENT_QUOTES).
 * The one ambiguity: an "&lt;", "&gt;" or "&quot;" the user typed into a value that also holds script…/script
 * comes back as "<", ">" or '"', because vtiger's stored text cannot tell the two apart.
 */
const SCRIPT_PAIR = /(script).*(\/script)/i;

export function decodeFromHtml(value: string): string {
	if (!SCRIPT_PAIR.test(value)) return value;
	return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

/** vtiger's own encoding of a value on save (the inverse of decodeFromHtml); used to look the stored text up. */
export function encodeFromHtml(value: string): string {
	if (!SCRIPT_PAIR.test(value)) return value;
	return value.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function decodeSpecialChars(value: string): string {
	return value
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#0?39;/g, "'")
		.replace(/&amp;/g, '&');
}

function decodeValue(value: unknown): unknown {
	if (typeof value === 'string') return decodeFromHtml(value);
	if (Array.isArray(value)) return value.map(decodeValue);
	if (value && typeof value === 'object') return decodeRecord(value as Record<string, unknown>);
	return value;
}

/** A record from retrieve, create, revise, update, query or sync, with vtiger's encoding undone. */
export function decodeRecord<T extends Record<string, unknown>>(record: T): T {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		out[key] = key === 'label' && typeof value === 'string' ? decodeSpecialChars(value) : decodeValue(value);
	}
	return out as T;
}

/** describe's module and field labels come HTML-encoded ("Shipping &amp; Handling", transcript 05 Invoice). */
export function decodeDescribeLabels<T extends { label?: unknown; fields?: Array<{ label?: unknown }> }>(describe: T): T {
	const label = (value: unknown) => (typeof value === 'string' ? decodeSpecialChars(value) : value);
	return { ...describe, label: label(describe.label), fields: describe.fields?.map((field) => ({ ...field, label: label(field.label) })) };
}
