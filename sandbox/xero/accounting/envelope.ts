import { msDate } from '../dates';
import { newId } from '../ids';
import type { RouteResult } from '../http/types';
import type { Json } from '../types';
import { NOT_FOUND_TEXT, validationException } from './errorShapes';

/** Xero wraps every list in Id, Status, ProviderName and DateTimeUTC next to the plural key */
export function envelope(providerName: string, now: number, key: string, records: Json[], extra: Json = {}): Json {
	return { Id: newId(), Status: 'OK', ProviderName: providerName, DateTimeUTC: msDate(now), ...extra, [key]: records };
}

export function ok(providerName: string, now: number, key: string, records: Json[], extra: Json = {}): RouteResult {
	return { status: 200, json: envelope(providerName, now, key, records, extra) };
}

export function notFound(): RouteResult {
	return { status: 404, text: NOT_FOUND_TEXT };
}

export function invalid(elements: Json[]): RouteResult {
	return { status: 400, json: validationException(elements) };
}
