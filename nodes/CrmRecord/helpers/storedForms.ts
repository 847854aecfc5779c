import { encodeFromHtml } from '../transport/htmlText';

/**
 * Other texts vtiger may hold for a value that was written as `value` (transcript 36):
 * - saved through the web UI, HTMLPurifier drops tags it does not know, with script/style content:
 *   "Jones & Co <Ltd> O'Hara" is stored as "Jones & Co  O'Hara" (two spaces). Tags it keeps (<b>, <i> …) are not
 *   told apart here: a value mixing kept and dropped tags is only found by its exact text.
 * - saved through the webservice, a value with script…/script is stored with <, > and " encoded (the lookup must
 *   send the stored text; the rows come back decoded).
 * Only values with a "<" have other forms.
 */
export function storedForms(value: unknown): string[] {
	if (typeof value !== 'string' || !value.includes('<')) return [];
	const purified = value.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '').replace(/<\/?[a-zA-Z][^<>]*>/g, '');
	return [...new Set([purified, encodeFromHtml(value)])].filter((form) => form !== value && form.trim() !== '');
}

/** The web UI's form of a value, when it differs: what a record saved in the browser would hold. */
export function webUiForm(value: unknown): string | undefined {
	const forms = storedForms(value);
	return forms.find((form) => !form.includes('&lt;'));
}
