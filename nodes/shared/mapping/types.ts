/**
 * Shapes shared by the mapping functions. CRM records are vtiger web-service records: every value may arrive as a
 * string ("2.000", "1250000.50000000", ""), so they are typed loosely and parsed in vtigerValues.ts.
 */

export type CrmRecord = Record<string, unknown>;
export type XeroRecord = Record<string, unknown>;

export type XeroResource = 'organisation' | 'invoice' | 'item' | 'account' | 'quote' | 'purchaseOrder' | 'creditNote';

/** A CRM record the caller must find by a field value, e.g. the Accounts record whose cf_xero_contact_id is X. */
export interface CrmLookup {
	module: string;
	field: string;
	value: string;
}

/**
 * What a mapping could not do on its own, because it stays pure: CRM records to retrieve by id, and CRM records to
 * find by a field value. The caller fetches them (one call per batch) and maps again with `resolved`.
 */
export interface MappingNeeds {
	crmIds: string[];
	lookups: CrmLookup[];
	/** Lookups that improve the result but need not block it (an account's primary person); set only when any. */
	optional?: CrmLookup[];
}

/**
 * Answers to earlier needs. `records` is keyed by CRM id, `found` by lookupKey(lookup). null means "fetched, not
 * there", which is different from a missing key ("not fetched yet").
 */
export interface Resolved {
	records?: Record<string, CrmRecord | null>;
	found?: Record<string, CrmRecord | null>;
}

/** CRM → Xero. `record` is in Xero's request shape; fields the CRM has no value for are left out. */
export interface CrmToXeroResult {
	resource: XeroResource;
	record: XeroRecord;
	crmId: string | null;
	needs: MappingNeeds;
	errors: string[];
	warnings: string[];
	/** A linked invoice Xero already paid or voided (its status): nothing is to be sent, and that is no error. */
	settled?: string;
	/** Why a settled record is not sent, for its output (default: the invoice's wording). */
	settledNote?: string;
}

/** Xero → CRM. `fields` suit create/revise of `module`; `lineItems` are vtiger LineItems for inventory modules. */
export interface XeroToCrmResult {
	module: string;
	fields: CrmRecord;
	lineItems?: CrmRecord[];
	/** The primary contact person of an organisation, as CRM Contacts fields (account_id is set once known). */
	contact?: CrmRecord;
	/** The CRM id the Xero record already points at (e.g. Contact.ContactNumber "11x4"), when it has one. */
	crmId: string | null;
	xeroId: string | null;
	/** Fields an Upsert can match on, strongest first (the Xero ID link field, then a number, code or name). */
	match: Array<{ field: string; value: string }>;
	needs: MappingNeeds;
	errors: string[];
	warnings: string[];
	/**
	 * Why this Xero record has no counterpart in the CRM module at all (a bill is no sales invoice): nothing is
	 * written, and that is no error.
	 */
	notForModule?: string;
}

export function hasNeeds(needs: MappingNeeds): boolean {
	return needs.crmIds.length > 0 || needs.lookups.length > 0;
}
