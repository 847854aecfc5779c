const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * vtiger's describe and list answers carry labels HTML-encoded ("Shipping &amp; Handling", "O&#039;Brien"), as its
 * web pages need them; the editor shows text, so they are decoded before display. Values are never decoded.
 */
export function decodeLabel(label: string): string {
	return label.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
		}
		return ENTITIES[body.toLowerCase()] ?? entity;
	});
}
