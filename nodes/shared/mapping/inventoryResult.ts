import type { LinesResult } from './invoiceLines';
import type { MappingOptions } from './options';
import { applyOverrides } from './overrides';
import type { Resolver } from './resolution';
import type { CrmRecord, CrmToXeroResult, XeroRecord, XeroResource, XeroToCrmResult } from './types';

/**
 * Xero → CRM, the tail every document with lines shares (invoice, quote, purchase order): where the Xero record's
 * identity goes in the CRM record, and what an Upsert matches it on (the Xero ID link first, then the number).
 */
export interface XeroIdentity {
	xeroId: string | null;
	number: string;
	status: string;
	/** The CRM field holding the Xero ID (linkFields), when the mapping has one. */
	link: string | undefined;
	/** The CRM fields that keep Xero's status and number, when the mapping options name them. */
	statusField?: string;
	numberField?: string;
	/** The CRM module's own number (invoice_no …), which the CRM sent first as Xero's number. */
	crmNumberField: string;
}

export function xeroDocumentToCrm(
	module: string,
	fields: CrmRecord,
	identity: XeroIdentity,
	lines: LinesResult<CrmRecord>,
	resolver: Resolver,
	errors: string[],
	options: MappingOptions,
): XeroToCrmResult {
	const { xeroId, number, link } = identity;
	if (link) fields[link] = xeroId ?? '';
	if (identity.statusField) fields[identity.statusField] = identity.status;
	if (identity.numberField) fields[identity.numberField] = number;
	const match: XeroToCrmResult['match'] = [];
	if (link && xeroId) match.push({ field: link, value: xeroId });
	if (number) match.push({ field: identity.crmNumberField, value: number });
	return {
		module,
		fields: applyOverrides(fields, options.overrides),
		lineItems: lines.lines,
		crmId: null,
		xeroId,
		match,
		needs: resolver.needs,
		errors,
		warnings: lines.warnings,
	};
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
