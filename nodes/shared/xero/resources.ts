/**
 * What the nodes need to know about each Xero collection they sync. "Organisation" is the CRM's word; Xero calls
 * these records Contacts, so the spec is where the two vocabularies meet.
 */
export type XeroResource = 'organisation' | 'invoice' | 'item' | 'account';

/**
 * A set of fields Xero keeps unique among the records it applies to. Values compare trimmed and case-insensitively;
 * the field `Contact` compares the contact (by ContactID, else name, else ContactNumber).
 */
export interface UniqueKey {
	fields: string[];
	/** The key holds only for records with this value (an invoice's Type). */
	appliesTo?: { field: string; value: string };
	/** Xero refuses a second record with the key, atomically: the write can go first and a refusal is resolved. */
	refusedByXero: boolean;
}

export interface XeroResourceSpec {
	resource: XeroResource;
	/** Singular and plural as users read them in actions and messages. */
	label: string;
	plural: string;
	/** Accounting API path and the array key of its responses. */
	path: string;
	collection: string;
	idField: string;
	/** The human key Xero records carry: Contact Number, Invoice Number, Item Code, Account Code. */
	numberField: string;
	numberLabel: string;
	/** The name a suffix is added to besides the number (contacts). */
	nameField?: string;
	/**
	 * What Xero makes unique, and so all Send matches on besides the Xero ID. Nothing else matches: a value Xero lets
	 * repeat (a ContactNumber, a bill number across suppliers) could belong to someone else's record.
	 */
	uniqueKeys: UniqueKey[];
	/** Fields where a Xero record keeps the CRM id of the record it came from: a record carrying it is that record's. */
	crmIdFields: string[];
	/** Contacts and Invoices page with page/pageSize; Items and Accounts return everything in one response. */
	paged: boolean;
	statusField?: string;
	/** Query parameters Xero accepts on the list endpoint. */
	supportsSearchTerm: boolean;
	supportsArchived: boolean;
	/**
	 * Xero's refusal to edit a record that is settled there (an invoice with a payment or credit note allocated). An
	 * update refused only for this is not a failure: the record stays linked and comes back as Xero holds it.
	 */
	settledRefusal?: RegExp;
}

export const XERO_RESOURCES: Record<XeroResource, XeroResourceSpec> = {
	organisation: {
		resource: 'organisation',
		label: 'Organisation',
		plural: 'Organisations',
		path: '/Contacts',
		collection: 'Contacts',
		idField: 'ContactID',
		numberField: 'ContactNumber',
		numberLabel: 'Contact Number',
		nameField: 'Name',
		// Names are unique among active AND archived contacts; ContactNumber may repeat (it holds the CRM id).
		uniqueKeys: [{ fields: ['Name'], refusedByXero: true }],
		crmIdFields: ['ContactNumber'],
		paged: true,
		statusField: 'ContactStatus',
		supportsSearchTerm: true,
		supportsArchived: true,
	},
	invoice: {
		resource: 'invoice',
		label: 'Invoice',
		plural: 'Invoices',
		path: '/Invoices',
		collection: 'Invoices',
		idField: 'InvoiceID',
		numberField: 'InvoiceNumber',
		numberLabel: 'Invoice Number',
		// Sales invoice numbers are unique per organisation; a bill carries its supplier's number, which repeats.
		uniqueKeys: [
			{ fields: ['InvoiceNumber'], appliesTo: { field: 'Type', value: 'ACCREC' }, refusedByXero: true },
			{ fields: ['Contact', 'InvoiceNumber'], appliesTo: { field: 'Type', value: 'ACCPAY' }, refusedByXero: false },
		],
		crmIdFields: ['Reference'],
		paged: true,
		statusField: 'Status',
		settledRefusal: /cannot be edited as it has a payment or credit note allocated/i,
		supportsSearchTerm: true,
		supportsArchived: true,
	},
	item: {
		resource: 'item',
		label: 'Item',
		plural: 'Items',
		path: '/Items',
		collection: 'Items',
		idField: 'ItemID',
		numberField: 'Code',
		numberLabel: 'Item Code',
		uniqueKeys: [{ fields: ['Code'], refusedByXero: true }],
		crmIdFields: [],
		paged: false,
		supportsSearchTerm: false,
		supportsArchived: false,
	},
	account: {
		resource: 'account',
		label: 'Account',
		plural: 'Accounts',
		path: '/Accounts',
		collection: 'Accounts',
		idField: 'AccountID',
		numberField: 'Code',
		numberLabel: 'Account Code',
		uniqueKeys: [{ fields: ['Code'], refusedByXero: true }],
		crmIdFields: [],
		paged: false,
		statusField: 'Status',
		supportsSearchTerm: false,
		supportsArchived: false,
	},
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Xero IDs are GUIDs; anything else the user typed is a number, code or name. */
export function isXeroId(value: unknown): boolean {
	return typeof value === 'string' && GUID.test(value.trim());
}
