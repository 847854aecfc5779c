/**
 * Applies single-field overrides after the mapping, so a user can fix one field without giving up auto-mapping.
 * A dotted key ("SalesDetails.AccountCode") reaches into nested objects; `undefined` removes the field.
 */
export function applyOverrides<T extends Record<string, unknown>>(record: T, overrides: Record<string, unknown>): T {
	const out: Record<string, unknown> = { ...record };
	for (const [path, value] of Object.entries(overrides)) setPath(out, path.split('.'), value);
	return out as T;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
	const [head, ...rest] = path;
	if (rest.length === 0) {
		if (value === undefined) delete target[head];
		else target[head] = value;
		return;
	}
	const current = target[head];
	const child: Record<string, unknown> =
		current !== null && typeof current === 'object' && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
	target[head] = child;
	setPath(child, rest, value);
}

/** Drops keys whose value is undefined or "", because Xero reads an empty string as "clear this field". */
export function compact<T extends Record<string, unknown>>(record: T): T {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		if (value === undefined || value === '') continue;
		out[key] = value;
	}
	return out as T;
}
