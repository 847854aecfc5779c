import type { AccountingCall, RouteResult } from '../http/types';
import { Transaction } from '../store/transaction';
import type { Tenant } from '../store/tenant';
import type { Json } from '../types';
import { applyAccount, deleteAccount } from './accounts';
import { batchWrite, elementsOf } from './batchWrite';
import { contactsHandler } from './contacts';
import { allocateCreditNote } from './creditNoteAllocations';
import { creditNotesHandler, renderCreditNote } from './creditNotes';
import { invoicePdf, onlineInvoice, recordPdf } from './documents';
import { invalid, notFound, ok } from './envelope';
import { postDataInvalid, withValidationErrors } from './errorShapes';
import { invoicesHandler, renderInvoice } from './invoices';
import { itemsHandler } from './items';
import { storedValue } from './listQuery';
import { listRead, PAGED, type ListRead } from './listRead';
import { deletePayment, paymentsHandler } from './payments';
import { purchaseOrderList, purchaseOrderOne } from './purchaseOrderList';
import { purchaseOrdersHandler } from './purchaseOrders';
import { quoteList, quoteOne } from './quoteList';
import { quotesHandler } from './quotes';
import { addCurrency, currencyList, filtered, organisationRecord } from './reference';
import { obj } from './values';

export interface AccountingRoute {
	method: string;
	/** template as stats show it, e.g. "/Contacts/{id}" */
	template: string;
	pattern: RegExp;
	operationId: string;
	/** resource name for scope checks (Invoices, Contacts …) */
	resource: string;
	/** a media type the request's Accept must name (Xero serves a PDF on the record's own path); absent: any */
	accept?: string;
	/** the yaml's path for this operation, with {id} filled in by the router */
	yamlPath: (params: Record<string, string>) => string;
	run: (call: AccountingCall, ifModifiedSince: number | undefined, currencyCodes: Set<string>) => RouteResult;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const contactsRead: ListRead = {
	key: 'Contacts',
	collection: 'contacts',
	paging: PAGED,
	spec: {
		idField: 'ContactID',
		archived: (record) => record.ContactStatus === 'ARCHIVED',
		searchFields: ['Name', 'FirstName', 'LastName', 'ContactNumber', 'CompanyNumber', 'EmailAddress'],
		view: (record) => record,
		indexValue: storedValue,
	},
	render: (_tenant, record) => ({ ...record }),
};

function invoiceView(tenant: Tenant) {
	return (record: Json): Json => renderInvoice(tenant, record, { withLineItems: true, unitdp: 4 });
}

/**
 * renderInvoice (the `where` view) copies the stored invoice's fields, except that it moves ContactID into Contact
 * and adds the contact's current name and the date strings; those come from elsewhere and are not indexed.
 */
const RENDERED_ONLY = ['contact', 'contactid', 'lineitems', 'datestring', 'duedatestring'];
function invoiceStoredValue(path: string[]): ((record: Json) => unknown) | undefined {
	const [first, second] = path.map((part) => part.toLowerCase());
	if (path.length === 2 && first === 'contact' && second === 'contactid') return (record) => record.ContactID;
	return RENDERED_ONLY.includes(first) ? undefined : storedValue(path);
}

function invoicesRead(tenant: Tenant, unitdp: number): ListRead {
	return {
		key: 'Invoices',
		collection: 'invoices',
		paging: PAGED,
		lineItemsOnlyWhenPaged: true,
		spec: {
			idField: 'InvoiceID',
			archived: (record) => record.Status === 'DELETED',
			searchFields: ['InvoiceNumber', 'Reference'],
			view: invoiceView(tenant),
			indexValue: invoiceStoredValue,
		},
		render: (source, record, withLineItems) => renderInvoice(source, record, { withLineItems, unitdp }),
	};
}

/** Credit notes list like invoices: paged, `where` and `order` over the rendered record (yaml getCreditNotes) */
function creditNotesRead(tenant: Tenant, unitdp: number): ListRead {
	return {
		key: 'CreditNotes',
		collection: 'creditNotes',
		paging: PAGED,
		spec: {
			idField: 'CreditNoteID',
			archived: (record) => record.Status === 'DELETED',
			searchFields: ['CreditNoteNumber', 'Reference'],
			view: (record) => renderCreditNote(tenant, record, { withLineItems: true, unitdp: 4 }),
			indexValue: invoiceStoredValue,
		},
		render: (source, record, withLineItems) => renderCreditNote(source, record, { withLineItems, unitdp }),
	};
}

function itemsRead(unitdp: number): ListRead {
	return {
		key: 'Items',
		collection: 'items',
		spec: { idField: 'ItemID', archived: () => false, searchFields: [], view: (record) => record, indexValue: storedValue },
		render: (tenant, record) => itemsHandler.render(tenant, record, { withLineItems: true, unitdp }),
	};
}

const accountsRead: ListRead = {
	key: 'Accounts',
	collection: 'accounts',
	spec: { idField: 'AccountID', archived: (record) => record.Status === 'DELETED', searchFields: [], view: (record) => record, indexValue: storedValue },
	render: (_tenant, record) => ({ ...record }),
};

/**
 * A payment is filtered as Xero shows it (`Invoice.InvoiceID`, `Invoice.InvoiceNumber`, `Invoice.Contact.ContactID`,
 * `Account.Code`); the stored record keeps only the invoice's and account's IDs, which the index reads directly.
 */
const PAYMENT_STORED_AS: Record<string, string> = { 'invoice.invoiceid': 'InvoiceID', 'account.accountid': 'AccountID' };
function paymentStoredValue(path: string[]): ((record: Json) => unknown) | undefined {
	const key = path.map((part) => part.toLowerCase()).join('.');
	if (PAYMENT_STORED_AS[key]) return (record) => record[PAYMENT_STORED_AS[key]];
	return ['invoice', 'account', 'datestring'].includes(path[0].toLowerCase()) ? undefined : storedValue(path);
}

function paymentsRead(tenant: Tenant): ListRead {
	return {
		key: 'Payments',
		collection: 'payments',
		paging: PAGED,
		spec: {
			idField: 'PaymentID',
			archived: () => false,
			searchFields: [],
			view: (record) => paymentsHandler.render(tenant, record, { withLineItems: true, unitdp: 2 }),
			indexValue: paymentStoredValue,
		},
		render: (source, record) => paymentsHandler.render(source, record, { withLineItems: true, unitdp: 2 }),
	};
}

function unitdp(call: AccountingCall): number {
	return call.query.get('unitdp') === '4' ? 4 : 2;
}

function one(call: AccountingCall, read: ListRead, id: string): RouteResult {
	const record = call.tenant.records[read.collection].get(id.toLowerCase()) ?? call.tenant.records[read.collection].get(id);
	if (!record) return notFound();
	return ok(call.providerName, call.now, read.key, [read.render(call.tenant, record, true)]);
}

/** The stored invoice a single-invoice path names, by InvoiceID (any case) or, as Xero also does, by number. */
function invoiceAt(call: AccountingCall): Json | undefined {
	const id = UUID.test(call.params.id) ? call.params.id : call.tenant.idOf(call.params.id.toLowerCase(), 'invoiceNumber');
	const record = id ? call.tenant.records.invoices.get(id) : undefined;
	return record ? renderInvoice(call.tenant, record, { withLineItems: true, unitdp: 2 }) : undefined;
}

function accountWrite(call: AccountingCall, id?: string): RouteResult {
	const body = id ? elementsOf(call.body, 'Accounts')?.[0] : obj(call.body);
	if (!body) return { status: 400, json: postDataInvalid('JSON for post data was invalid') };
	if (id && !call.tenant.records.accounts.has(id)) return notFound();
	const tx = new Transaction(call.tenant, call.now);
	const result = applyAccount(tx, call.now, body, id);
	if (result.errors.length > 0) return invalid([withValidationErrors(body, result.errors)]);
	const changes = tx.commit();
	return { ...ok(call.providerName, call.now, 'Accounts', [call.tenant.records.accounts.get(result.id as string) as Json]), changes };
}

function route(
	method: string,
	template: string,
	operationId: string,
	resource: string,
	yamlTemplate: string,
	run: AccountingRoute['run'],
	accept?: string,
): AccountingRoute {
	const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}/?$`, 'i');
	return {
		method,
		template,
		pattern,
		operationId,
		resource,
		accept,
		yamlPath: (params) => `/api.xro/2.0${yamlTemplate.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''))}`,
		run,
	};
}

export const ACCOUNTING_ROUTES: AccountingRoute[] = [
	route('GET', '/Organisation', 'getOrganisations', 'Organisation', '/Organisation', (call) =>
		filtered(call, 'Organisations', [organisationRecord(call.tenant)]),
	),
	route('GET', '/Contacts', 'getContacts', 'Contacts', '/Contacts', (call, ims) => listRead(call, contactsRead, ims)),
	route('PUT', '/Contacts', 'createContacts', 'Contacts', '/Contacts', (call) => batchWrite(call, contactsHandler, 'create')),
	route('POST', '/Contacts', 'updateOrCreateContacts', 'Contacts', '/Contacts', (call) => batchWrite(call, contactsHandler, 'upsert')),
	route('GET', '/Contacts/{id}', 'getContact', 'Contacts', '/Contacts/{id}', (call) => {
		if (UUID.test(call.params.id)) return one(call, contactsRead, call.params.id);
		const match = [...call.tenant.records.contacts.values()].find((contact) => contact.ContactNumber === call.params.id);
		return match ? ok(call.providerName, call.now, 'Contacts', [{ ...match }]) : notFound();
	}),
	route('POST', '/Contacts/{id}', 'updateContact', 'Contacts', '/Contacts/{id}', (call) =>
		call.tenant.records.contacts.has(call.params.id) ? batchWrite(call, contactsHandler, 'upsert', call.params.id) : notFound(),
	),
	route('GET', '/Invoices', 'getInvoices', 'Invoices', '/Invoices', (call, ims) => listRead(call, invoicesRead(call.tenant, unitdp(call)), ims)),
	route('PUT', '/Invoices', 'createInvoices', 'Invoices', '/Invoices', (call) => batchWrite(call, invoicesHandler, 'create')),
	route('POST', '/Invoices', 'updateOrCreateInvoices', 'Invoices', '/Invoices', (call) => batchWrite(call, invoicesHandler, 'upsert')),
	route('GET', '/Invoices/{id}', 'getInvoiceAsPdf', 'Invoices', '/Invoices/{id}/pdf', (call) => invoicePdf(invoiceAt(call)), 'application/pdf'),
	route('GET', '/Invoices/{id}/OnlineInvoice', 'getOnlineInvoice', 'Invoices', '/Invoices/{id}/OnlineInvoice', (call) =>
		onlineInvoice(call.providerName, call.now, invoiceAt(call)),
	),
	route('GET', '/Invoices/{id}', 'getInvoice', 'Invoices', '/Invoices/{id}', (call) => {
		const read = invoicesRead(call.tenant, unitdp(call));
		if (UUID.test(call.params.id)) return one(call, read, call.params.id);
		// Xero also finds an invoice by its number on this path (the yaml types the parameter as a uuid)
		const id = call.tenant.idOf(call.params.id.toLowerCase(), 'invoiceNumber');
		return id ? one(call, read, id) : notFound();
	}),
	route('POST', '/Invoices/{id}', 'updateInvoice', 'Invoices', '/Invoices/{id}', (call) =>
		call.tenant.records.invoices.has(call.params.id) ? batchWrite(call, invoicesHandler, 'upsert', call.params.id) : notFound(),
	),
	route('GET', '/CreditNotes', 'getCreditNotes', 'CreditNotes', '/CreditNotes', (call, ims) => listRead(call, creditNotesRead(call.tenant, unitdp(call)), ims)),
	route('PUT', '/CreditNotes', 'createCreditNotes', 'CreditNotes', '/CreditNotes', (call) => batchWrite(call, creditNotesHandler, 'create')),
	route('POST', '/CreditNotes', 'updateOrCreateCreditNotes', 'CreditNotes', '/CreditNotes', (call) => batchWrite(call, creditNotesHandler, 'upsert')),
	route('GET', '/CreditNotes/{id}', 'getCreditNoteAsPdf', 'CreditNotes', '/CreditNotes/{id}/pdf', (call) =>
		recordPdf(one(call, creditNotesRead(call.tenant, unitdp(call)), call.params.id), 'CreditNotes', () => 'CREDIT NOTE', 'Credit Note Number'),
	'application/pdf'),
	route('GET', '/CreditNotes/{id}', 'getCreditNote', 'CreditNotes', '/CreditNotes/{id}', (call) => one(call, creditNotesRead(call.tenant, unitdp(call)), call.params.id)),
	route('POST', '/CreditNotes/{id}', 'updateCreditNote', 'CreditNotes', '/CreditNotes/{id}', (call) =>
		call.tenant.records.creditNotes.has(call.params.id) ? batchWrite(call, creditNotesHandler, 'upsert', call.params.id) : notFound(),
	),
	route('PUT', '/CreditNotes/{id}/Allocations', 'createCreditNoteAllocation', 'CreditNotes', '/CreditNotes/{id}/Allocations', (call) => allocateCreditNote(call)),
	route('GET', '/Quotes', 'getQuotes', 'Quotes', '/Quotes', (call, ims) => quoteList(call, ims)),
	route('PUT', '/Quotes', 'createQuotes', 'Quotes', '/Quotes', (call) => batchWrite(call, quotesHandler, 'create')),
	route('POST', '/Quotes', 'updateOrCreateQuotes', 'Quotes', '/Quotes', (call) => batchWrite(call, quotesHandler, 'upsert')),
	route('GET', '/Quotes/{id}', 'getQuoteAsPdf', 'Quotes', '/Quotes/{id}/pdf', (call) => recordPdf(quoteOne(call), 'Quotes', () => 'QUOTE', 'Quote Number'), 'application/pdf'),
	route('GET', '/Quotes/{id}', 'getQuote', 'Quotes', '/Quotes/{id}', (call) => quoteOne(call)),
	route('POST', '/Quotes/{id}', 'updateQuote', 'Quotes', '/Quotes/{id}', (call) =>
		call.tenant.records.quotes.has(call.params.id) ? batchWrite(call, quotesHandler, 'upsert', call.params.id) : notFound(),
	),
	route('GET', '/PurchaseOrders', 'getPurchaseOrders', 'PurchaseOrders', '/PurchaseOrders', (call, ims) => purchaseOrderList(call, ims)),
	route('PUT', '/PurchaseOrders', 'createPurchaseOrders', 'PurchaseOrders', '/PurchaseOrders', (call) => batchWrite(call, purchaseOrdersHandler, 'create')),
	route('POST', '/PurchaseOrders', 'updateOrCreatePurchaseOrders', 'PurchaseOrders', '/PurchaseOrders', (call) =>
		batchWrite(call, purchaseOrdersHandler, 'upsert'),
	),
	route('GET', '/PurchaseOrders/{id}', 'getPurchaseOrderAsPdf', 'PurchaseOrders', '/PurchaseOrders/{id}/pdf', (call) =>
		recordPdf(purchaseOrderOne(call), 'PurchaseOrders', () => 'PURCHASE ORDER', 'Purchase Order Number'),
	'application/pdf'),
	route('GET', '/PurchaseOrders/{id}', 'getPurchaseOrder', 'PurchaseOrders', '/PurchaseOrders/{id}', (call) => purchaseOrderOne(call)),
	route('POST', '/PurchaseOrders/{id}', 'updatePurchaseOrder', 'PurchaseOrders', '/PurchaseOrders/{id}', (call) =>
		call.tenant.records.purchaseOrders.has(call.params.id) ? batchWrite(call, purchaseOrdersHandler, 'upsert', call.params.id) : notFound(),
	),
	route('GET', '/Items', 'getItems', 'Items', '/Items', (call, ims) => listRead(call, itemsRead(unitdp(call)), ims)),
	route('PUT', '/Items', 'createItems', 'Items', '/Items', (call) => batchWrite(call, itemsHandler, 'create')),
	route('POST', '/Items', 'updateOrCreateItems', 'Items', '/Items', (call) => batchWrite(call, itemsHandler, 'upsert')),
	route('GET', '/Items/{id}', 'getItem', 'Items', '/Items/{id}', (call) => {
		if (UUID.test(call.params.id)) return one(call, itemsRead(unitdp(call)), call.params.id);
		const id = call.tenant.idOf(call.params.id.toLowerCase(), 'itemCode');
		return id ? one(call, itemsRead(unitdp(call)), id) : notFound();
	}),
	route('POST', '/Items/{id}', 'updateItem', 'Items', '/Items/{id}', (call) =>
		call.tenant.records.items.has(call.params.id) ? batchWrite(call, itemsHandler, 'upsert', call.params.id) : notFound(),
	),
	route('DELETE', '/Items/{id}', 'deleteItem', 'Items', '/Items/{id}', (call) => {
		const item = call.tenant.records.items.get(call.params.id);
		if (!item) return notFound();
		const used = [...call.tenant.records.invoices.values()].some((invoice) =>
			(invoice.LineItems as Json[]).some((line) => line.ItemCode === item.Code),
		);
		if (used) return invalid([withValidationErrors({ ItemID: item.ItemID, Code: item.Code }, ['This item cannot be deleted because it is used on transactions.'])]);
		call.tenant.remove('items', call.params.id);
		return { status: 204 };
	}),
	route('GET', '/Accounts', 'getAccounts', 'Accounts', '/Accounts', (call, ims) => listRead(call, accountsRead, ims)),
	route('PUT', '/Accounts', 'createAccount', 'Accounts', '/Accounts', (call) => accountWrite(call)),
	route('GET', '/Accounts/{id}', 'getAccount', 'Accounts', '/Accounts/{id}', (call) => one(call, accountsRead, call.params.id)),
	route('POST', '/Accounts/{id}', 'updateAccount', 'Accounts', '/Accounts/{id}', (call) => accountWrite(call, call.params.id)),
	route('DELETE', '/Accounts/{id}', 'deleteAccount', 'Accounts', '/Accounts/{id}', (call) => {
		if (!call.tenant.records.accounts.has(call.params.id)) return notFound();
		const tx = new Transaction(call.tenant, call.now);
		const result = deleteAccount(tx, call.now, call.params.id);
		if (result.errors.length > 0) return invalid([withValidationErrors({ AccountID: call.params.id }, result.errors)]);
		const changes = tx.commit();
		return { ...ok(call.providerName, call.now, 'Accounts', [call.tenant.records.accounts.get(call.params.id) as Json]), changes };
	}),
	route('GET', '/Currencies', 'getCurrencies', 'Currencies', '/Currencies', (call) => filtered(call, 'Currencies', currencyList(call.tenant))),
	route('PUT', '/Currencies', 'createCurrency', 'Currencies', '/Currencies', (call, _ims, codes) => addCurrency(call, codes)),
	route('GET', '/TaxRates', 'getTaxRates', 'TaxRates', '/TaxRates', (call) => filtered(call, 'TaxRates', call.tenant.taxRates)),
	route('GET', '/Payments', 'getPayments', 'Payments', '/Payments', (call, ims) => listRead(call, paymentsRead(call.tenant), ims)),
	route('PUT', '/Payments', 'createPayments', 'Payments', '/Payments', (call) => batchWrite(call, paymentsHandler, 'create')),
	route('GET', '/Payments/{id}', 'getPayment', 'Payments', '/Payments/{id}', (call) => one(call, paymentsRead(call.tenant), call.params.id)),
	route('POST', '/Payments/{id}', 'deletePayment', 'Payments', '/Payments/{id}', (call) => {
		if (!call.tenant.records.payments.has(call.params.id)) return notFound();
		const tx = new Transaction(call.tenant, call.now);
		// the SDKs send PaymentDelete itself; a Payments envelope is read the same way
		const body = elementsOf(call.body, 'Payments')?.[0] ?? obj(call.body) ?? {};
		const result = deletePayment(tx, call.now, call.params.id, body);
		if (result.errors.length > 0) return invalid([withValidationErrors({ PaymentID: call.params.id }, result.errors)]);
		const changes = tx.commit();
		const stored = call.tenant.records.payments.get(call.params.id) as Json;
		return { ...ok(call.providerName, call.now, 'Payments', [paymentsHandler.render(call.tenant, stored, { withLineItems: true, unitdp: 2 })]), changes };
	}),
];

export function matchAccountingRoute(
	method: string,
	path: string,
	accept = '',
): { route: AccountingRoute; params: Record<string, string> } | 'method' | undefined {
	let pathMatched = false;
	for (const candidate of ACCOUNTING_ROUTES) {
		const match = candidate.pattern.exec(path);
		if (!match) continue;
		pathMatched = true;
		if (candidate.method !== method) continue;
		if (candidate.accept && !accept.toLowerCase().includes(candidate.accept)) continue;
		const params: Record<string, string> = {};
		for (const [key, value] of Object.entries(match.groups ?? {})) {
			const decoded = decodeURIComponent(value);
			// IDs are stored lower case; Xero matches them in any case
			params[key] = UUID.test(decoded) ? decoded.toLowerCase() : decoded;
		}
		// The yaml has separate operations for /Contacts/{ContactID} and /Contacts/{ContactNumber}.
		if (candidate.operationId === 'getContact' && !UUID.test(params.id)) {
			return { route: { ...candidate, operationId: 'getContactByContactNumber' }, params };
		}
		// … and for /PurchaseOrders/{PurchaseOrderID} and /PurchaseOrders/{PurchaseOrderNumber}.
		if (candidate.operationId === 'getPurchaseOrder' && !UUID.test(params.id)) {
			return { route: { ...candidate, operationId: 'getPurchaseOrderByNumber' }, params };
		}
		return { route: candidate, params };
	}
	return pathMatched ? 'method' : undefined;
}
