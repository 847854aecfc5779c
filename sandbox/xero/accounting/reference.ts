import { msDate } from '../dates';
import type { AccountingCall, RouteResult } from '../http/types';
import type { Tenant } from '../store/tenant';
import type { Json } from '../types';
import { CURRENCY_NAMES } from './currencyRates';
import { ok } from './envelope';
import { postDataInvalid, queryParseException } from './errorShapes';
import { runListQuery, parseListQuery } from './listQuery';
import { obj, str } from './values';

/** Organisation, Currencies and TaxRates: small lists that only `where` and `order` filter */
export function filtered(call: AccountingCall, key: string, records: Json[]): RouteResult {
	try {
		const query = { ...parseListQuery(call.query, undefined), includeArchived: true };
		const out = runListQuery(records, query, { idField: '', archived: () => false, searchFields: [], view: (record) => record });
		return ok(call.providerName, call.now, key, out);
	} catch (error) {
		return { status: 400, json: queryParseException(error instanceof Error ? error.message : String(error)) };
	}
}

export function currencyList(tenant: Tenant): Json[] {
	return [tenant.profile.baseCurrency, ...tenant.profile.currencies].map((Code) => ({
		Code,
		Description: (Object.hasOwn(CURRENCY_NAMES, Code) ? CURRENCY_NAMES[Code] : undefined) ?? Code,
	}));
}

/** PUT /Currencies enables a currency for the organisation */
export function addCurrency(call: AccountingCall, validCodes: Set<string>): RouteResult {
	const body = obj(call.body);
	const code = str(body?.Code)?.toUpperCase();
	if (!code || !validCodes.has(code)) return { status: 400, json: postDataInvalid(`Currency code ${String(body?.Code)} is not valid`) };
	const profile = call.tenant.profile;
	if (code !== profile.baseCurrency && !profile.currencies.includes(code)) {
		profile.currencies.push(code);
		call.tenant.version++;
	}
	return ok(call.providerName, call.now, 'Currencies', [{ Code: code, Description: (Object.hasOwn(CURRENCY_NAMES, code) ? CURRENCY_NAMES[code] : undefined) ?? code }]);
}

export function organisationRecord(tenant: Tenant): Json {
	return { ...tenant.organisation, BaseCurrency: tenant.profile.baseCurrency, CreatedDateUTC: msDate(tenant.profile.createdAt) };
}
