/**
 * Secrets hidden from any text that may reach a message, a sync-log entry or a log: bearer and basic credentials,
 * OAuth2 and vtiger secrets written as `name=value` or `"name": "value"`, and JWTs however they appear. Case does
 * not matter (`bearer`, `BEARER`, `Access_Token`): proxies and servers echo headers in any case.
 */
const SECRET_NAMES =
	'access_token|refresh_token|id_token|client_secret|clientsecret|secret|password|passwd|api[_-]?key|accesskey|access_key|sessionname|session_name|code_verifier|authorization|user_hash|user_password|confirm_password';

const PATTERNS: Array<[RegExp, string]> = [
	[/\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, '$1 [hidden]'],
	[new RegExp(`(["']?(?:${SECRET_NAMES})["']?\\s*[:=]\\s*)("[^"]*"|'[^']*'|[^\\s"'&,;}]+)`, 'gi'), '$1[hidden]'],
	[/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[hidden]'],
	// bcrypt and crypt(3) password hashes (vtiger's user_password / user_hash), wherever an error body quotes a row
	[/\$(?:2[abxy]?|1|5|6)\$[./A-Za-z0-9$]{8,}/g, '[hidden]'],
];

export function redact(text: string): string {
	let out = text;
	for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
	return out;
}

/** A short, redacted excerpt of text that came from elsewhere (an error body), never more than `max` characters. */
export function excerpt(text: string, max = 120): string {
	const flat = redact(text.replace(/\s+/g, ' ').trim());
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A user's value inside a message: shortened, so a 10 MB field never becomes a 10 MB message. */
export function shortQuote(value: string, max = 80): string {
	if (value.length <= max) return value;
	return `${value.slice(0, max - 1)}… (${value.length.toLocaleString('en-US')} characters)`;
}
