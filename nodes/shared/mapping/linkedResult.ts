import type { LinesResult } from './invoiceLines';
import type { MappingOptions } from './options';
import { applyOverrides } from './overrides';
import type { Resolver } from './resolution';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroResource, XeroToCrmResult } from './types';

/**
 * Xero → CRM, the tail of every mapping of a record the CRM links by its Xero ID (documents, accounts, items): the ID
 * in the link field and `beside` it the Xero values the CRM keeps (status, number), the Upsert match (the link first,
 * then `key`, a number or code the CRM has too) and the result with the mapping's overrides.
 */
export interface XeroLink {
	xeroId: string | null;
	/** The CRM field holding the Xero ID (linkFields), when the mapping has one. */
	link: string | undefined;
	beside?: CrmRecord;
	key?: { field: string | undefined; value: string };
}

export function linkedCrmResult(
	module: string,
	fields: CrmRecord,
	{ xeroId, link, beside = {}, key }: XeroLink,
	options: MappingOptions,
	{ lineItems, needs = { crmIds: [], lookups: [] }, errors, warnings = [] }: Partial<Pick<XeroToCrmResult, 'lineItems' | 'needs' | 'warnings'>> & { errors: string[] },
): XeroToCrmResult {
	if (link) fields[link] = xeroId ?? '';
	Object.assign(fields, beside);
	const match: XeroToCrmResult['match'] = [];
	if (link && xeroId) match.push({ field: link, value: xeroId });
	if (key?.field && key.value) match.push({ field: key.field, value: key.value });
	return {
		module,
		fields: applyOverrides(fields, options.overrides),
		...(lineItems ? { lineItems } : {}),
		crmId: null,
		xeroId,
		match,
		needs,
		errors,
		warnings,
	};
}

/** A document's own Xero values: its number and status, kept in the CRM fields the mapping options name. */
export interface XeroIdentity {
	xeroId: string | null;
	number: string;
	status: string;
	link: string | undefined;
	statusField?: string;
	numberField?: string;
	/** The CRM module's own number (invoice_no …), which the CRM sent first as Xero's number. */
	crmNumberField: string;
}

/** Xero → CRM for a document with lines (invoice, quote, purchase order): linked, with its lines. */
export function xeroDocumentToCrm(
	module: string,
	fields: CrmRecord,
	identity: XeroIdentity,
	lines: LinesResult<CrmRecord>,
	resolver: Resolver,
	errors: string[],
	options: MappingOptions,
): XeroToCrmResult {
	const { xeroId, number, link, statusField, numberField } = identity;
	const beside: CrmRecord = {
		...(statusField ? { [statusField]: identity.status } : {}),
		...(numberField ? { [numberField]: number } : {}),
	};
	const key = { field: identity.crmNumberField, value: number };
	return linkedCrmResult(module, fields, { xeroId, link, beside, key }, options, {
		lineItems: lines.lines,
		needs: resolver.needs,
		errors,
		warnings: lines.warnings,
	});
}

/**
 * CRM → Xero, the tail every document with lines shares (invoice, quote, purchase order, draft invoice from a quote):
 * the Xero record with the mapping's overrides, the lookups it still needs and the lines' warnings after `warnings`.
 */
export function crmDocumentToXero(
	resource: XeroResource,
	xero: XeroRecord,
	crmId: string | null,
	lines: LinesResult<XeroRecord>,
	resolver: Resolver,
	errors: string[],
	options: MappingOptions,
	warnings: string[] = [],
): CrmToXeroResult {
	return {
		resource,
		record: applyOverrides(xero, options.overrides),
		crmId,
		needs: resolver.needs,
		errors,
		warnings: [...warnings, ...lines.warnings],
	};
}
