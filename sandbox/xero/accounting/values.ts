import type { Json } from '../types';

export function str(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function num(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function obj(value: unknown): Json | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function list(value: unknown): Json[] {
	return Array.isArray(value) ? value.filter((entry): entry is Json => obj(entry) !== undefined) : [];
}

export function round(value: number, places = 2): number {
	const factor = 10 ** places;
	return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/** copies the writable fields of an element; read-only ones (IDs, dates, totals) are Xero's to set */
export function writable(input: Json, readOnly: string[]): Json {
	const out: Json = {};
	for (const [key, value] of Object.entries(input)) {
		if (!readOnly.includes(key) && value !== undefined) out[key] = value;
	}
	return out;
}

export const ZERO_ID = '00000000-0000-0000-0000-000000000000';
