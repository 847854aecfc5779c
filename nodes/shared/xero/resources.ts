/**
 * What the nodes need to know about each Xero collection they sync. "Organisation" is the CRM's word; Xero calls
 * these records Contacts, so the spec is where the two vocabularies meet.
 */
export type XeroResource = 'organisation' | 'invoice' | 'item' | 'account';

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
	/** Only organisations fall back to matching by name: Xero keeps contact names unique. */
	nameField?: string;
	/** Contacts and Invoices page with page/pageSize; Items and Accounts return everything in one response. */
	paged: boolean;
	statusField?: string;
	/** Query parameters Xero accepts on the list endpoint. */
	supportsSearchTerm: boolean;
	supportsArchived: boolean;
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
		paged: true,
		statusField: 'Status',
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
