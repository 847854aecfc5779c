// Every example workflow from examples/, executed inside a real n8n (REST, as the editor's "Execute workflow"
// does), asserted on the sandboxes' state: records created and linked both ways, planted bad records on the
// error branch with their messages and in the CRM's Xero Logs, no duplicates after a second run, no secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crm, duplicates, importedWorkflows, n8n, outputItems, sandbox, secrets, xero } from './lib.mjs';

const FILES = {
	orgsXeroToCrm: 'organisations-xero-to-crm.json',
	orgsCrmToXero: 'organisations-crm-to-xero.json',
	products: 'products-items-accounts.json',
	invoices: 'invoices-crm-to-xero.json',
	quotes: 'quotes-to-xero-draft-invoices.json',
	pdfs: 'invoice-pdfs-to-crm.json',
	suppliers: 'suppliers-xero-to-crm-vendors.json',
	payments: 'xero-payments-to-crm-invoices.json',
	quotesToXero: 'crm-quotes-to-xero-quotes.json',
	quotesToCrm: 'xero-quotes-to-crm-quotes.json',
	purchaseOrders: 'purchase-orders-crm-to-xero.json',
	bills: 'purchase-orders-to-bills.json',
};
const ORDER = [FILES.orgsXeroToCrm, FILES.orgsCrmToXero, FILES.products, FILES.invoices, FILES.quotes, FILES.pdfs, FILES.suppliers, FILES.quotesToXero, FILES.quotesToCrm, FILES.payments, FILES.purchaseOrders, FILES.bills];
const SYNC_TYPES = ['n8n-nodes-xero-crm.xeroSync', 'n8n-nodes-xero-crm.crmRecord'];

const tenantId = () => sandbox().xero.tenants[0].tenantId;
const planted = (module) => sandbox().planted.filter((p) => p.module === module);

/** A failed item's sync-log entry: json is `{ error: <entry>, message }` (nodes/shared/syncLog.ts failedItem). */
function logEntry(json) {
	return json.error !== null && typeof json.error === 'object' ? { ...json.error, message: json.error.message ?? json.message } : json;
}

/** Runs an example and returns its execution with a per-node view of outputs. */
async function runExample(file) {
	const entry = importedWorkflows().find((w) => w.file === file);
	assert.ok(entry, `examples/${file} was imported`);
	const rest = await n8n();
	const workflow = await rest.workflow(entry.id);
	const run = await rest.runWorkflow(entry.id);
	const failure = run.data?.resultData?.error;
	assert.equal(run.status, 'success', `${entry.name}: ${failure?.message ?? ''} ${failure?.description ?? ''}`);
	const text = JSON.stringify(run.data);
	for (const secret of secrets()) assert.ok(!text.includes(secret), `no secret in the execution data of ${entry.name}`);
	const nodes = workflow.nodes.filter((n) => SYNC_TYPES.includes(n.type));
	const errorsOf = (name) => outputItems(run.runData, name, 1);
	const allErrors = nodes
		.filter((n) => n.onError === 'continueErrorOutput')
		.flatMap((n) => errorsOf(n.name).map((e) => ({ node: n.name, ...logEntry(e) })));
	return { entry, workflow, run, out: (name, i = 0) => outputItems(run.runData, name, i), errorsOf, allErrors };
}

function assertOnlyPlantedErrors(result, plantedRecords) {
	const ids = plantedRecords.map((p) => p.id);
	const unexpected = result.allErrors.filter((e) => !ids.includes(e.crmId));
	assert.deepEqual(unexpected.map((e) => `${e.node}: ${e.crmId ?? e.xeroId ?? '?'} ${e.message}`), [], 'only planted records fail');
	for (const p of plantedRecords) {
		const errors = result.allErrors.filter((e) => e.crmId === p.id);
		assert.equal(errors.length, 1, `planted ${p.module} ${p.id} "${p.label}" is on the error output once`);
		const [error] = errors;
		assert.match(error.message, new RegExp(p.expect, 'i'), `the message says what is wrong: ${error.message}`);
		assert.ok(error.app && error.action && error.flow, `sync-log fields: ${JSON.stringify(error)}`);
	}
}

async function assertLoggedInCrm(plantedRecords, minimumPerRecord = 1) {
	const logs = await crm.records('XeroLogs');
	for (const p of plantedRecords) {
		const entries = logs.filter((l) => l.crm_id === p.id);
		assert.ok(entries.length >= minimumPerRecord, `Xero Logs in the CRM has ${minimumPerRecord}+ entries for ${p.id} (has ${entries.length})`);
		for (const l of entries) assert.match(l.error_message, new RegExp(p.expect, 'i'));
	}
	return logs;
}

async function snapshot() {
	const state = await xero.state(tenantId());
	const [accounts, products, services, invoices, quotes, xeroAccounts, documents, vendors, logs] = await Promise.all(
		['Accounts', 'Products', 'Services', 'Invoice', 'Quotes', 'XeroAccounts', 'Documents', 'Vendors', 'XeroLogs'].map((m) => crm.records(m)),
	);
	return {
		xero: { contacts: state.contacts.length, items: state.items.length, invoices: state.invoices.length, accounts: state.accounts.length, quotes: (state.quotes ?? []).length },
		crm: { accounts: accounts.length, products: products.length, services: services.length, invoices: invoices.length, quotes: quotes.length, xeroAccounts: xeroAccounts.length, documents: documents.length, vendors: vendors.length },
		logs: logs.length,
		state,
		records: { accounts, products, services, invoices, quotes, xeroAccounts, documents, vendors },
	};
}

test('examples/ ships the sync flows', () => {
	const files = importedWorkflows().map((w) => w.file);
	for (const f of ORDER) assert.ok(files.includes(f), `examples/${f}`);
});

test('organisations Xero → CRM: every Xero contact read lands in CRM Accounts, linked by cf_xero_contact_id', async () => {
	const result = await runExample(FILES.orgsXeroToCrm);
	const read = result.out('Get organisations from Xero');
	assert.ok(read.length > 0, 'Xero contacts were read');
	assert.deepEqual(result.allErrors, []);
	const accounts = await crm.records('Accounts');
	const state = await xero.state(tenantId());
	for (const contact of read) {
		const id = contact.ContactID;
		assert.ok(state.contacts.some((c) => c.ContactID === id), `${id} is a Xero contact`);
		const linked = accounts.filter((a) => a.cf_xero_contact_id === id);
		assert.equal(linked.length, 1, `Xero contact ${contact.Name} (${id}) has exactly one CRM account`);
	}
	assert.deepEqual(duplicates(accounts.map((a) => a.cf_xero_contact_id)), []);
});

test('organisations CRM → Xero: accounts become Xero contacts linked both ways; the bad e-mail goes to the error branch and the CRM log', async () => {
	const result = await runExample(FILES.orgsCrmToXero);
	assertOnlyPlantedErrors(result, planted('Accounts'));
	const accounts = await crm.records('Accounts');
	const state = await xero.state(tenantId());
	const bad = new Set(planted('Accounts').map((p) => p.id));
	for (const account of accounts.filter((a) => !bad.has(a.id))) {
		const contact = state.contacts.find((c) => c.ContactID === account.cf_xero_contact_id);
		assert.ok(contact, `CRM account ${account.accountname} (${account.id}) points at a Xero contact`);
		assert.equal(contact.Name, account.accountname);
		// Contacts this flow created carry the CRM id, so Xero leads back to the CRM too.
		if (contact.ContactNumber) assert.ok([account.id, account.account_no].includes(contact.ContactNumber) || !/^\d+x\d+$/.test(contact.ContactNumber));
	}
	const created = state.contacts.filter((c) => /^\d+x\d+$/.test(c.ContactNumber ?? ''));
	assert.ok(created.length > 0, 'some Xero contacts were created from CRM accounts and carry their CRM id');
	for (const c of created) assert.equal(accounts.find((a) => a.id === c.ContactNumber)?.cf_xero_contact_id, c.ContactID, `${c.Name}: linked both ways`);
	for (const p of planted('Accounts')) {
		assert.ok(!state.contacts.some((c) => c.Name === p.label), `${p.label} was not created in Xero`);
		assert.equal(accounts.find((a) => a.id === p.id)?.cf_xero_contact_id ?? '', '', `${p.label} stays unlinked`);
	}
	assert.deepEqual(duplicates(state.contacts.map((c) => c.Name.toLowerCase())), [], 'no duplicate Xero contacts');
	await assertLoggedInCrm(planted('Accounts'));
});

test('products ↔ items with accounts: accounts copied to the CRM, products sent as items and items back, linked; the bad code goes to the error branch', async () => {
	const result = await runExample(FILES.products);
	assertOnlyPlantedErrors(result, planted('Products'));
	const snap = await snapshot();
	for (const a of snap.state.accounts.filter((x) => x.Status !== 'ARCHIVED')) {
		assert.equal(snap.records.xeroAccounts.filter((r) => r.xero_account_id === a.AccountID).length, 1, `Xero account ${a.Code ?? a.Name} is in the CRM once`);
	}
	const bad = new Set(planted('Products').map((p) => p.id));
	for (const product of snap.records.products.filter((p) => !bad.has(p.id))) {
		const item = snap.state.items.find((i) => i.ItemID === product.cf_xero_item_id);
		assert.ok(item, `CRM product ${product.productname} (${product.id}) points at a Xero item`);
		if (product.productcode) assert.equal(item.Code, product.productcode, 'item code is the product code');
	}
	for (const item of snap.state.items) {
		const linked = [...snap.records.products, ...snap.records.services].filter((p) => p.cf_xero_item_id === item.ItemID);
		assert.equal(linked.length, 1, `Xero item ${item.Code} has exactly one CRM product or service`);
	}
	assert.deepEqual(duplicates(snap.state.items.map((i) => i.Code)), []);
	await assertLoggedInCrm(planted('Products'));
});

test('invoices CRM → Xero: each CRM invoice is in Xero under its CRM number, and the CRM keeps the Xero ID and status', async () => {
	const result = await runExample(FILES.invoices);
	assertOnlyPlantedErrors(result, planted('Invoice'));
	const snap = await snapshot();
	assert.ok(snap.records.invoices.length > 0);
	for (const invoice of snap.records.invoices) {
		const x = snap.state.invoices.find((i) => i.InvoiceID === invoice.cf_xero_invoice_id);
		assert.ok(x, `CRM invoice ${invoice.invoice_no} points at a Xero invoice`);
		assert.equal(x.InvoiceNumber, invoice.invoice_no, 'Xero keeps the CRM number');
		assert.ok(invoice.cf_xero_status, `CRM invoice ${invoice.invoice_no} has the Xero status`);
		assert.equal(invoice.cf_xero_status.toUpperCase(), String(x.Status).toUpperCase());
	}
	assert.deepEqual(duplicates(snap.state.invoices.map((i) => i.InvoiceNumber)), []);
});

test('quotes → Xero draft invoices: the quote keeps the draft ID, the draft keeps the quote number', async () => {
	const result = await runExample(FILES.quotes);
	assertOnlyPlantedErrors(result, planted('Quotes'));
	const snap = await snapshot();
	assert.ok(snap.records.quotes.length > 0);
	for (const quote of snap.records.quotes) {
		const x = snap.state.invoices.find((i) => i.InvoiceID === quote.cf_xero_invoice_id);
		assert.ok(x, `quote ${quote.quote_no} points at a Xero invoice`);
		assert.equal(x.Status, 'DRAFT');
		assert.ok([x.Reference, x.InvoiceNumber].some((v) => String(v ?? '').includes(quote.quote_no)), `draft ${x.InvoiceID} names quote ${quote.quote_no}`);
	}
});

test('invoice PDFs → CRM: each CRM invoice in Xero gets its PDF, approved ones their online link; unsent invoices are passed over, nothing fails', async () => {
	const result = await runExample(FILES.pdfs);
	assert.deepEqual(result.allErrors.map((e) => `${e.node}: ${e.message}`), [], 'no failures');
	const snap = await snapshot();
	const linked = snap.records.invoices.filter((i) => i.cf_xero_invoice_id);
	assert.ok(linked.length > 0, 'the invoices flow linked CRM invoices to Xero');
	assert.equal(result.out('Get invoice PDF').length, linked.length, 'one PDF per linked invoice, none for unsent ones');
	const pdfs = snap.records.documents.filter((d) => d.filelocationtype === 'I');
	const links = snap.records.documents.filter((d) => d.filelocationtype === 'E');
	for (const invoice of linked) {
		const x = snap.state.invoices.find((i) => i.InvoiceID === invoice.cf_xero_invoice_id);
		assert.equal(pdfs.filter((d) => d.filename === `${x.InvoiceNumber}.pdf`).length, 1, `invoice ${x.InvoiceNumber} has its PDF once`);
	}
	const approved = linked.filter((i) => !['DRAFT', 'DELETED', 'VOIDED'].includes(String(i.cf_xero_status).toUpperCase()));
	assert.equal(links.length, approved.length, 'one online link per approved invoice');
	for (const link of links) assert.match(link.filename, /^https:\/\/in\.xero\.com\//);
});

test('suppliers Xero → CRM Vendors: every Xero supplier is one CRM vendor, linked by cf_xero_contact_id; nothing fails', async () => {
	const result = await runExample(FILES.suppliers);
	assert.deepEqual(result.allErrors.map((e) => `${e.node}: ${e.message}`), [], 'no failures');
	const snap = await snapshot();
	const suppliers = snap.state.contacts.filter((c) => c.IsSupplier === true && c.ContactStatus !== 'ARCHIVED');
	assert.ok(suppliers.length > 0, 'the demo organisation has a supplier (a contact with a bill)');
	for (const supplier of suppliers) {
		const linked = snap.records.vendors.filter((v) => v.cf_xero_contact_id === supplier.ContactID);
		assert.equal(linked.length, 1, `supplier ${supplier.Name} is one CRM vendor`);
		assert.equal(linked[0].vendorname, supplier.Name);
	}
	assert.equal(snap.records.vendors.filter((v) => v.cf_xero_contact_id).length, suppliers.length, 'only suppliers become vendors');
});

test('Xero payments → CRM invoices: a part payment and every paid sales invoice reach their one CRM invoice (received, balance, Paid); nothing fails', async () => {
	const before = await snapshot();
	// A CRM invoice the invoices flow put in Xero, approved and unpaid: part-pay it, as a bookkeeper would in Xero.
	const open = before.records.invoices
		.map((crmInvoice) => ({ crmInvoice, x: before.state.invoices.find((i) => i.InvoiceID === crmInvoice.cf_xero_invoice_id) }))
		.find(({ x }) => x && x.Status === 'AUTHORISED' && Number(x.AmountPaid) === 0 && Number(x.AmountDue) > 1);
	assert.ok(open, 'a CRM invoice linked to an approved, unpaid Xero invoice (the invoices flow ran)');
	const bank = before.state.accounts.find((a) => a.Type === 'BANK');
	const part = Math.floor(Number(open.x.AmountDue) / 2);
	await xero.pay(open.x.InvoiceID, bank.Code, part);

	const result = await runExample(FILES.payments);
	assert.deepEqual(result.allErrors.map((e) => `${e.node}: ${e.message}`), [], 'no failures');
	const snap = await snapshot();
	const settled = snap.state.invoices.filter((i) => i.Type === 'ACCREC' && (i.Status === 'PAID' || (i.Status === 'AUTHORISED' && Number(i.AmountPaid) > 0)));
	assert.ok(settled.some((i) => i.InvoiceID === open.x.InvoiceID), 'the part-paid invoice is among them');
	for (const x of settled) {
		const linked = snap.records.invoices.filter((i) => i.cf_xero_invoice_id === x.InvoiceID);
		assert.equal(linked.length, 1, `Xero invoice ${x.InvoiceNumber} is one CRM invoice`);
		const [crmInvoice] = linked;
		assert.equal(Number(crmInvoice.received), Number(x.AmountPaid) + Number(x.AmountCredited ?? 0), `${x.InvoiceNumber}: received`);
		assert.equal(Number(crmInvoice.balance), Number(x.AmountDue), `${x.InvoiceNumber}: balance is Xero's amount due`);
		if (x.Status === 'PAID') assert.equal(crmInvoice.invoicestatus, 'Paid', `${x.InvoiceNumber}: status Paid`);
	}
	const partPaid = snap.records.invoices.find((i) => i.id === open.crmInvoice.id);
	// A part payment keeps a CRM status that already says "open" (Approved, Sent); any other becomes Approved.
	const wasOpen = ['Approved', 'Sent'].includes(open.crmInvoice.invoicestatus);
	assert.equal(partPaid.invoicestatus, wasOpen ? open.crmInvoice.invoicestatus : 'Approved', 'the part-paid invoice status');
	// An invoice this flow created in the CRM is new to the PDF flow: it gets its documents now, so the second-run
	// check below starts from settled flows.
	await runExample(FILES.pdfs);
});

test('quotes CRM → Xero quotes: each CRM quote is a Xero quote under its CRM number, linked by cf_xero_quote_id, its draft-invoice link untouched', async () => {
	const result = await runExample(FILES.quotesToXero);
	assertOnlyPlantedErrors(result, planted('Quotes'));
	const snap = await snapshot();
	assert.ok(snap.records.quotes.length > 0);
	for (const quote of snap.records.quotes) {
		const x = snap.state.quotes.find((q) => q.QuoteID === quote.cf_xero_quote_id);
		assert.ok(x, `CRM quote ${quote.quote_no} points at a Xero quote`);
		assert.equal(x.QuoteNumber, quote.quote_no, 'Xero keeps the CRM number');
		assert.equal(String(quote.cf_xero_quote_status).toUpperCase(), String(x.Status).toUpperCase());
		assert.ok(!snap.state.quotes.some((q) => q.QuoteID === quote.cf_xero_invoice_id), 'the draft-invoice link is not a quote link');
	}
	assert.deepEqual(duplicates(snap.state.quotes.map((q) => q.QuoteNumber)), []);
});

test('quotes Xero → CRM: every Xero quote is one CRM quote, linked by cf_xero_quote_id; nothing fails', async () => {
	const result = await runExample(FILES.quotesToCrm);
	assert.deepEqual(result.allErrors.map((e) => `${e.node}: ${e.message}`), [], 'no failures');
	const snap = await snapshot();
	assert.ok(snap.state.quotes.length > 0, 'the quotes flow sent CRM quotes to Xero');
	for (const quote of snap.state.quotes.filter((q) => q.Status !== 'DELETED')) {
		const linked = snap.records.quotes.filter((q) => q.cf_xero_quote_id === quote.QuoteID);
		assert.equal(linked.length, 1, `Xero quote ${quote.QuoteNumber} is one CRM quote`);
	}
	assert.deepEqual(duplicates(snap.records.quotes.map((q) => q.cf_xero_quote_id).filter(Boolean)), []);
});

test('purchase orders CRM → Xero: vendors stay one Xero supplier each, every CRM purchase order is one Xero order under its number; nothing fails', async () => {
	const vendorsBefore = (await snapshot()).state.contacts.length;
	const result = await runExample(FILES.purchaseOrders);
	assert.deepEqual(result.allErrors.map((e) => `${e.node}: ${e.message}`), [], 'no failures');
	const snap = await snapshot();
	// The suppliers example linked every vendor already: sending them back finds those contacts, it adds none.
	assert.equal(snap.state.contacts.length, vendorsBefore, 'no new Xero contacts for linked vendors');
	for (const vendor of snap.records.vendors.filter((v) => v.cf_xero_contact_id)) {
		assert.ok(snap.state.contacts.some((c) => c.ContactID === vendor.cf_xero_contact_id), `vendor ${vendor.vendorname} points at a Xero contact`);
	}
	const orders = await crm.records('PurchaseOrder');
	const xeroOrders = snap.state.purchaseOrders ?? [];
	for (const order of orders.filter((o) => o.postatus !== 'Cancelled')) {
		const x = xeroOrders.find((o) => o.PurchaseOrderID === order.cf_xero_purchaseorder_id);
		assert.ok(x, `CRM purchase order ${order.purchaseorder_no} points at a Xero purchase order`);
		assert.equal(x.PurchaseOrderNumber, order.purchaseorder_no, 'Xero keeps the CRM number');
		assert.equal(String(order.cf_xero_status).toUpperCase(), String(x.Status).toUpperCase());
	}
	assert.deepEqual(duplicates(xeroOrders.map((o) => o.PurchaseOrderNumber)), []);
});

test('approved purchase orders → bills: every order the run billed is BILLED with one DRAFT bill under its number; nothing fails', async () => {
	const result = await runExample(FILES.bills);
	assert.deepEqual(result.allErrors.map((e) => `${e.node}: ${e.message}`), [], 'no failures');
	const snap = await snapshot();
	const orders = snap.state.purchaseOrders ?? [];
	assert.equal(orders.filter((o) => o.Status === 'AUTHORISED').length, 0, 'no approved order is left unbilled');
	for (const item of result.out('Mark purchase orders billed')) {
		const order = orders.find((o) => o.PurchaseOrderNumber === item.json.PurchaseOrderNumber);
		assert.equal(order?.Status, 'BILLED');
		const bills = snap.state.invoices.filter((i) => i.Type === 'ACCPAY' && i.Reference === order.PurchaseOrderNumber);
		assert.equal(bills.length, 1, `purchase order ${order.PurchaseOrderNumber} has one bill`);
	}
});

test('a second run of every example creates no duplicates and fails the same planted records again', async () => {
	const before = await snapshot();
	for (const file of ORDER) await runExample(file);
	const after = await snapshot();
	assert.deepEqual(after.xero, before.xero, 'Xero record counts unchanged');
	assert.deepEqual(after.crm, before.crm, 'CRM record counts unchanged');
	assert.deepEqual(duplicates(after.records.accounts.map((a) => a.cf_xero_contact_id)), []);
	assert.deepEqual(duplicates(after.records.products.map((p) => p.cf_xero_item_id)), []);
	assert.deepEqual(duplicates(after.records.invoices.map((i) => i.cf_xero_invoice_id)), []);
	assert.deepEqual(duplicates(after.records.quotes.map((q) => q.cf_xero_quote_id).filter(Boolean)), []);
	await assertLoggedInCrm(sandbox().planted, 2);
});
