// How vtiger 7.5 treats HTML in text (transcript 36; vtlib/Vtiger/Functions.php fromHTML, webservice labels, and
// the web UI's vtlib_purify). Written separately from the node's decoder on purpose: the emulator models vtiger.

const SCRIPT_PAIR = /(script).*(\/script)/i;

// CRMEntity::insertIntoEntityTable runs every value through from_html on save: only a value with "script" and a
// later "/script" on one line gets <, > and " encoded (& and ' stay raw).
export function fromHtml(value: string): string {
	if (!SCRIPT_PAIR.test(value)) return value;
	return value.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// crmentity.label holds the raw text of the label fields as they were given to the save.
export function unFromHtml(value: string): string {
	if (!SCRIPT_PAIR.test(value)) return value;
	return value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

// The webservice's "label" is htmlspecialchars(crmentity.label, ENT_QUOTES): "Jones &amp; Co &lt;Ltd&gt; O&#039;Hara".
export function htmlSpecialChars(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
}

// Tags HTMLPurifier keeps in the web UI (its default XHTML set); anything else is dropped, script and style with
// their content. "&", "'" and a bare ">" are stored raw (36: "Jones & Co <Ltd> O'Hara" -> "Jones & Co  O'Hara",
// "UI desc <b>bold</b> & <script>x</script> \"quoted\" 5 > 3" -> "UI desc <b>bold</b> &  \"quoted\" 5 > 3").
const KEPT_TAGS = new Set(
	'a abbr acronym address b bdo big blockquote br caption center cite code col colgroup dd del dfn div dl dt em font h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q s samp small span strike strong sub sup table tbody td tfoot th thead tr tt u ul var'.split(' '),
);

export function purifyLikeWebUi(value: string): string {
	return value
		.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g, (tag, name: string) => (KEPT_TAGS.has(name.toLowerCase()) ? tag : ''));
}
