import type { IDataObject } from 'n8n-workflow';

/**
 * What the nodes need to know about each Xero collection they sync. "Organisation" is the CRM's word; Xero calls
 * these records Contacts, so the spec is where the two vocabularies meet.
 */
export type XeroResource = 'organisation' | 'invoice' | 'item' | 'account' | 'payment' | 'quote' | 'purchaseOrder' | 'creditNote';

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
	/**
	 * Parts whose values are not compared as trimmed, case-insensitive text (see KeyPart). `Contact` is a reference
	 * by ContactID, Name or ContactNumber without being listed here.
	 */
	parts?: Record<string, KeyPart>;
	/** Parts that may be empty: an empty value is a value, equal to another empty one (a payment's Reference). */
	optional?: string[];
}

/**
 * How one part of a unique key compares: `reference`, an object naming another record by any of `ways` (strongest
 * first; two references agree when the strongest way both hold agrees), looked up in Xero with `where` on the
 * paths in `lookup` (a GUID way compared with Guid()); `date`, a calendar date in any of Xero's forms; `amount`, a
 * number to 4 decimals.
 */
export type KeyPart = { reference: string[]; lookup?: Record<string, string> } | 'date' | 'amount';

/** A list filter Xero has no parameter for, written as a `where` on a path of the record (payments by invoice). */
export interface WhereFilter {
	/** The filter's name in the node's Filters collection (ListFilters). */
	name: string;
	displayName: string;
	description: string;
	/** Compared with Guid() when the value is a Xero ID. */
	idPath: string;
	/** Compared as text when the value is not a Xero ID; without it only IDs are accepted. */
	numberPath?: string;
}

/** Invoice statuses in the order an invoice moves through them. */
export const INVOICE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Purchase order statuses in lifecycle order (getPurchaseOrders' Status enum). */
export const PURCHASE_ORDER_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED', 'DELETED'] as const;

/** The statuses an invoice may be created or updated with; Xero itself sets PAID, and voiding is done in Xero. */
export const SENDABLE_INVOICE_STATUSES: readonly InvoiceStatus[] = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];

/** Quote statuses in the order a quote moves through them (yaml 16.1.0 QuoteStatusCodes). */
export const QUOTE_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'INVOICED', 'DELETED'] as const;

/** A value of a resource's status field as Xero spells it, and as users read it. */
export interface StatusOption {
	name: string;
	value: string;
}

/** How the triggers read a collection's changes. */
export interface ChangeFacts {
	/** Ask with includeArchived=true: lists hide archived contacts, and archiving is a change (webhooks say UPDATE). */
	includeArchived: boolean;
	/** Xero returns invoices' LineItems only on paged reads; a fetch by IDs asks for page 1, which holds the batch. */
	fetchByIdsPaged: boolean;
	/** eventCategory of Xero's webhooks for this collection; absent where Xero sends none. */
	webhookCategory?: string;
	/** The polling trigger remembers statusField per record and offers the "Status Changed" event on it. */
	watchesStatus: boolean;
}

/**
 * What Xero renders of a record besides its JSON. A resource that declares `pdf` gets Xero Sync's Get PDF operation
 * by adding `getPdf.operation.ts` to its module; `onlineUrl` likewise Get Online URL.
 */
export interface DocumentFacts {
	/** GET <path>/<id> with `Accept: application/pdf` answers the record as a PDF. */
	pdf: boolean;
	/** GET <path>/<id><suffix> answers `{ [collection]: [{ [urlField]: … }] }`, the page the customer sees. */
	onlineUrl?: { suffix: string; collection: string; urlField: string; label: string };
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
	/**
	 * Fields where a record Send creates gets the CRM's own identifiers (a contact's ContactNumber and AccountNumber).
	 * A record Send finds by name or number and updates ("Update Existing") keeps what Xero holds there: it is not
	 * the CRM record's own copy, and its numbers belong to whoever made it.
	 */
	keptOnLink?: string[];
	/** Contacts and Invoices page with page/pageSize; Items and Accounts return everything in one response. */
	paged: boolean;
	statusField?: string;
	/** The values a list can be filtered on by statusField, in the order records move through them. */
	statuses?: readonly StatusOption[];
	/** Xero's list endpoint accepts includeArchived. */
	supportsArchived: boolean;
	/** What Xero's searchTerm parameter matches, as the Search Term filter describes it; absent where there is none. */
	searchTermMatches?: string;
	/** Xero's own parameter for a status filter (its indexes are faster); without one it is a `where` on statusField. */
	statusesParameter?: string;
	/** Xero's parameter for a status filter that takes one status only (Quotes', Purchase Orders' `Status`). */
	statusParameter?: string;
	/** Xero's parameters for a date range on dateFilter (Quotes' DateFrom/DateTo); without them it is a `where`. */
	dateParameters?: { from: string; to: string };
	/** Xero's parameter taking one number (Quotes' QuoteNumber=): reads by number use it where `where` is refused. */
	numberParameter?: string;
	/**
	 * The list takes no `where` (Quotes, Purchase Orders): filters are only its own parameters, there is no raw Where
	 * filter, and a record is read on its own path by ID; by number through numberParameter where there is one,
	 * else on its own path too (`/PurchaseOrders/{PurchaseOrderNumber}`).
	 */
	noWhere?: boolean;
	/** The list pages at this fixed size and takes no pageSize (getQuotes: 100); Get offers no Page Size then. */
	fixedPageSize?: number;
	/** Xero's parameter that filters the list by contact (ContactID GUIDs); absent where there is none. */
	contactIdsParameter?: string;
	/** Xero's list parameter taking many numbers at once (InvoiceNumbers=a,b,…): Send's lookups by number use it. */
	numbersParameter?: string;
	/** The date a date-range filter compares, and how its description names it. */
	dateFilter: { field: string; label: string };
	/** Decimals Xero answers unit amounts in where the reads take no `unitdp` (quotes, purchase orders: 2). */
	unitAmountDecimals?: number;
	/** An example of numberField's values, shown as the Get field's placeholder. */
	numberExample?: string;
	/** How the triggers read this collection's changes; absent where no trigger watches it. */
	changes?: ChangeFacts;
	/**
	 * Xero's refusal to edit a record that is settled there (an invoice with a payment or credit note allocated). An
	 * update refused only for this is not a failure: the record stays linked and comes back as Xero holds it.
	 */
	settledRefusal?: RegExp;
	/** PDFs and online links Xero serves for this collection; absent where it serves none. */
	documents?: DocumentFacts;
	/**
	 * false where Xero never edits a record once written (payments: only deleted). Send then offers Skip and Fail for a
	 * record Xero already holds, since updating it or adding a suffixed copy would be refused or pay twice.
	 */
	updatable?: false;
	/** How messages name a record that has no name or number people know it by (a payment: its amount and invoice). */
	title?: (record: IDataObject) => string | undefined;
	/** Get filters written as a `where` on a path (Xero has no parameter for them). */
	whereFilters?: WhereFilter[];
}

const LAST_UPDATE = { field: 'UpdatedDateUTC', label: 'Last update' };

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
		keptOnLink: ['ContactNumber', 'AccountNumber'],
		paged: true,
		statusField: 'ContactStatus',
		statuses: [
			{ name: 'Active', value: 'ACTIVE' },
			{ name: 'Archived', value: 'ARCHIVED' },
			{ name: 'GDPR Request', value: 'GDPRREQUEST' },
		],
		supportsArchived: true,
		searchTermMatches: 'name, first and last name, contact number, company number and email',
		dateFilter: LAST_UPDATE,
		changes: { includeArchived: true, fetchByIdsPaged: false, webhookCategory: 'CONTACT', watchesStatus: false },
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
		statuses: INVOICE_STATUSES.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value })),
		settledRefusal: /cannot be edited as it has a payment or credit note allocated/i,
		supportsArchived: true,
		searchTermMatches: 'invoice number and reference',
		statusesParameter: 'Statuses',
		contactIdsParameter: 'ContactIDs',
		numbersParameter: 'InvoiceNumbers',
		// An invoice's own date; the other records have only their last update to filter a range on.
		dateFilter: { field: 'Date', label: 'Invoice date' },
		numberExample: 'INV-0001',
		changes: { includeArchived: false, fetchByIdsPaged: true, webhookCategory: 'INVOICE', watchesStatus: true },
		// Online invoices exist for approved sales invoices only: Xero refuses drafts and bills.
		documents: {
			pdf: true,
			onlineUrl: { suffix: '/OnlineInvoice', collection: 'OnlineInvoices', urlField: 'OnlineInvoiceUrl', label: 'Online Invoice URL' },
		},
	},
	creditNote: {
		resource: 'creditNote',
		label: 'Credit Note',
		plural: 'Credit Notes',
		path: '/CreditNotes',
		collection: 'CreditNotes',
		idField: 'CreditNoteID',
		numberField: 'CreditNoteNumber',
		numberLabel: 'Credit Note Number',
		// As invoices: sales credit note numbers are unique (yaml: "ACCRECCREDIT – Unique alpha numeric code"); a
		// supplier's credit note carries the supplier's number, which repeats across suppliers.
		uniqueKeys: [
			{ fields: ['CreditNoteNumber'], appliesTo: { field: 'Type', value: 'ACCRECCREDIT' }, refusedByXero: true },
			{ fields: ['Contact', 'CreditNoteNumber'], appliesTo: { field: 'Type', value: 'ACCPAYCREDIT' }, refusedByXero: false },
		],
		crmIdFields: ['Reference'],
		paged: true,
		statusField: 'Status',
		statuses: INVOICE_STATUSES.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value })),
		// Xero refuses edits of an allocated credit note with the invoice's message (sandbox/xero/README.md).
		settledRefusal: /cannot be edited as it has a payment or credit note allocated/i,
		// getCreditNotes has no includeArchived, searchTerm, Statuses or ContactIDs: filters go into `where`.
		supportsArchived: false,
		dateFilter: { field: 'Date', label: 'Credit note date' },
		numberExample: 'CN-0001',
		// Xero renders it as a PDF on its own path (yaml get…AsPdf): Xero Sync's Get PDF.
		documents: { pdf: true },
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
		supportsArchived: false,
		dateFilter: LAST_UPDATE,
		changes: { includeArchived: false, fetchByIdsPaged: false, watchesStatus: false },
	},
	purchaseOrder: {
		resource: 'purchaseOrder',
		label: 'Purchase Order',
		plural: 'Purchase Orders',
		path: '/PurchaseOrders',
		collection: 'PurchaseOrders',
		idField: 'PurchaseOrderID',
		numberField: 'PurchaseOrderNumber',
		numberLabel: 'Purchase Order Number',
		// "Unique alpha numeric code identifying purchase order" (the yaml); the sandbox refuses a repeat as Xero does.
		uniqueKeys: [{ fields: ['PurchaseOrderNumber'], refusedByXero: true }],
		crmIdFields: ['Reference'],
		paged: true,
		statusField: 'Status',
		statuses: PURCHASE_ORDER_STATUSES.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value })),
		supportsArchived: false,
		statusParameter: 'Status',
		dateParameters: { from: 'DateFrom', to: 'DateTo' },
		noWhere: true,
		dateFilter: { field: 'Date', label: 'Order date' },
		numberExample: 'PO-0001',
		// getPurchaseOrders/getQuotes take no unitdp: unit amounts come at 2 places (shared/xero/storage.ts).
		unitAmountDecimals: 2,
		// Xero renders it as a PDF on its own path (yaml get…AsPdf): Xero Sync's Get PDF.
		documents: { pdf: true },
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
		statuses: [
			{ name: 'Active', value: 'ACTIVE' },
			{ name: 'Archived', value: 'ARCHIVED' },
		],
		supportsArchived: false,
		dateFilter: LAST_UPDATE,
	},
	payment: {
		resource: 'payment',
		label: 'Payment',
		plural: 'Payments',
		path: '/Payments',
		collection: 'Payments',
		idField: 'PaymentID',
		// Payments have no number; the Reference is what a person (and the bank statement) knows one by.
		numberField: 'Reference',
		numberLabel: 'Reference',
		// Xero records a repeated payment as a second one (nothing refuses it), so Send looks up before writing: the
		// same invoice, date, amount and reference among live payments is the same payment.
		uniqueKeys: [
			{
				fields: ['Invoice', 'Date', 'Amount', 'Reference'],
				appliesTo: { field: 'Status', value: 'AUTHORISED' },
				refusedByXero: false,
				parts: {
					Invoice: { reference: ['InvoiceID', 'InvoiceNumber'], lookup: { InvoiceID: 'Invoice.InvoiceID', InvoiceNumber: 'Invoice.InvoiceNumber' } },
					Date: 'date',
					Amount: 'amount',
				},
				optional: ['Reference'],
			},
		],
		crmIdFields: [],
		// GET /Payments: page (100 a page by default) and pageSize (yaml getPayments).
		paged: true,
		statusField: 'Status',
		statuses: [
			{ name: 'Authorised', value: 'AUTHORISED' },
			{ name: 'Deleted', value: 'DELETED' },
		],
		supportsArchived: false,
		dateFilter: { field: 'Date', label: 'Payment date' },
		// The polling trigger's "payment received": Xero sends no webhook for payments, and a payment changes only by
		// being deleted (Status DELETED), which the trigger tells as its status change.
		changes: { includeArchived: false, fetchByIdsPaged: false, watchesStatus: true },
		updatable: false,
		title: paymentTitle,
		whereFilters: [
			{
				name: 'invoice',
				displayName: 'Invoice',
				description: 'Only payments on this invoice, given by its InvoiceID (a GUID) or its invoice number',
				idPath: 'Invoice.InvoiceID',
				numberPath: 'Invoice.InvoiceNumber',
			},
			{
				name: 'contactId',
				displayName: 'Contact ID',
				description: "Only payments on invoices of this organisation, given by its Xero ContactID (a GUID; get the organisation first to learn it)",
				idPath: 'Invoice.Contact.ContactID',
			},
		],
	},
	quote: {
		resource: 'quote',
		label: 'Quote',
		plural: 'Quotes',
		path: '/Quotes',
		collection: 'Quotes',
		idField: 'QuoteID',
		numberField: 'QuoteNumber',
		numberLabel: 'Quote Number',
		// "Unique alpha numeric code identifying a quote" (yaml 16.1.0 Quote.QuoteNumber); Xero refuses a repeat.
		uniqueKeys: [{ fields: ['QuoteNumber'], refusedByXero: true }],
		crmIdFields: [],
		paged: true,
		statusField: 'Status',
		statuses: QUOTE_STATUSES.map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value })),
		supportsArchived: false,
		// getQuotes' own parameters (yaml 16.1.0): one Status, one ContactID, DateFrom/DateTo, QuoteNumber; no where.
		statusParameter: 'Status',
		contactIdsParameter: 'ContactID',
		dateParameters: { from: 'DateFrom', to: 'DateTo' },
		numberParameter: 'QuoteNumber',
		noWhere: true,
		fixedPageSize: 100,
		dateFilter: { field: 'Date', label: 'Quote date' },
		numberExample: 'QU-0001',
		// getPurchaseOrders/getQuotes take no unitdp: unit amounts come at 2 places (shared/xero/storage.ts).
		unitAmountDecimals: 2,
		// Xero renders it as a PDF on its own path (yaml get…AsPdf): Xero Sync's Get PDF.
		documents: { pdf: true },
	},
};

/** A payment's title in messages: `Payment of 15 on invoice INV-0001` (or the invoice's ID). */
function paymentTitle(record: IDataObject): string | undefined {
	const invoice = (record.Invoice ?? {}) as IDataObject;
	const which = invoice.InvoiceNumber ?? invoice.InvoiceID;
	if (which === undefined || which === '') return undefined;
	const amount = record.Amount === undefined ? '' : ` of ${String(record.Amount)}`;
	return `Payment${amount} on invoice "${String(which)}"`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Xero IDs are GUIDs; anything else the user typed is a number, code or name. */
export function isXeroId(value: unknown): boolean {
	return typeof value === 'string' && GUID.test(value.trim());
}

/** The ID field of a record ('' where it has none). */
export function recordId(spec: XeroResourceSpec, record: IDataObject): string {
	const id = record[spec.idField];
	return typeof id === 'string' ? id : '';
}

/** The status the triggers watch on a record; '' where the resource has none they watch. */
export function watchedStatus(spec: XeroResourceSpec, record: IDataObject): string {
	if (spec.changes?.watchesStatus !== true || spec.statusField === undefined) return '';
	const status = record[spec.statusField];
	return typeof status === 'string' ? status : '';
}
