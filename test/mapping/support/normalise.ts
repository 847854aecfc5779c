/**
 * Comparison form for Xero records: "" and absent are the same (the mapping leaves empty values out so an update
 * never blanks a field), and phones/addresses are compared by type, not by position.
 */
export function clean(value: unknown): unknown {
	if (Array.isArray(value)) {
		const items = value.map(clean).filter((item) => item !== undefined);
		return items.length > 0 ? items : undefined;
	}
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const inner = clean((value as Record<string, unknown>)[key]);
			if (inner !== undefined) out[key] = inner;
		}
		return Object.keys(out).length > 0 ? out : undefined;
	}
	// The mapping reads whitespace-only text as no value, like an empty vtiger field.
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	return value;
}

/** A typed part with nothing but its type (a Xero phone with no number) is no part at all. */
export function typedParts(parts: unknown, typeKey: string): Array<Record<string, unknown>> {
	if (!Array.isArray(parts)) return [];
	return parts
		.map((part) => clean(part) as Record<string, unknown> | undefined)
		.filter((part): part is Record<string, unknown> => part !== undefined && Object.keys(part).some((key) => key !== typeKey))
		.sort((a, b) => String(a[typeKey]).localeCompare(String(b[typeKey])));
}

export function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

/** A document's lines in comparison form: a zero discount (rate or amount) is the same as none. */
export function comparableLines(lines: unknown): unknown[] {
	return (lines as Array<Record<string, unknown>>).map((line) => clean({ ...line, DiscountRate: line.DiscountRate || undefined, DiscountAmount: line.DiscountAmount || undefined }));
}
