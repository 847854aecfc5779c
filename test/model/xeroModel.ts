import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { CrmInvoice, DuplicateHandling, SendOutcome, Stored, XeroWorld } from './xeroWorld';
import { CHANGE_QUERIES, INVOICES, ORGANISATIONS } from './xeroWorld';

/**
 * What Xero should hold after a history, kept as simply as the promise reads: every record once, to its own
 * counterpart. The model does not predict Xero's records one by one (faults make "was it written?" unknowable);
 * it keeps what was asked for and what was reported, and checks Xero against both after every step.
 */
export interface Model {
	mode: DuplicateHandling;
	/** the Get's "Overlap (Seconds)" */
	overlapSeconds: number;
	/** each CRM organisation's current name (CRM-side renames change it) */
	orgName: Map<string, string>;
	/** every name (lower case) a CRM organisation was sent under */
	namesSent: Map<string, Set<string>>;
	sentInvoices: Set<string>;
	/** the Xero record each CRM record was last reported as sent to */
	contactOf: Map<string, string>;
	invoiceOf: Map<string, string>;
	/** workflow static data as n8n persists it between runs (the change cursor) */
	staticData: IDataObject;
	/** per change query: every "ContactID@UpdatedDateUTC" delivered so far */
	delivered: Array<Set<string>>;
	lastSend?: { resource: 'organisation' | 'invoice'; picks: number[] };
}

export function initialModel(mode: DuplicateHandling, queries: number, overlapSeconds: number): Model {
	return {
		mode,
		overlapSeconds,
		orgName: new Map(ORGANISATIONS.map((o) => [o.crmId, o.name])),
		namesSent: new Map(),
		sentInvoices: new Set(),
		contactOf: new Map(),
		invoiceOf: new Map(),
		staticData: {},
		delivered: CHANGE_QUERIES.slice(0, queries).map(() => new Set<string>()),
	};
}

/** A broken invariant: the message names the rule, the record and what Xero holds. */
export class Violation extends Error {}

function violation(rule: string, detail: string): never {
	throw new Violation(`${rule}: ${detail}`);
}

const lower = (value: unknown) => String(value ?? '').trim().toLowerCase();

/** Under "Add Suffix" a value is made unique with the CRM id; the rest is the value asked for. */
function sameOrSuffixed(actual: unknown, wanted: string, crmId: string): boolean {
	const a = lower(actual);
	const w = lower(wanted);
	return a === w || (a.startsWith(w) && a.slice(w.length).includes(lower(crmId)));
}

/** A contact carries its CRM id in ContactNumber (suffixed under "Add Suffix"). */
function contactNumberOf(contactNumber: unknown, crmId: string): boolean {
	const number = lower(contactNumber);
	return number === lower(crmId) || number.startsWith(`${lower(crmId)}-`);
}

export function organisationInput(model: Model, pick: number): IDataObject {
	const org = ORGANISATIONS[pick % ORGANISATIONS.length];
	return { crmId: org.crmId, Name: model.orgName.get(org.crmId), ContactNumber: org.crmId };
}

export function invoiceInput(pick: number): IDataObject {
	const invoice = INVOICES[pick % INVOICES.length];
	return {
		crmId: invoice.crmId,
		Type: invoice.type,
		Contact: { Name: invoice.contact },
		InvoiceNumber: invoice.number,
		Reference: invoice.crmId,
		Date: '2026-11-01',
		DueDate: '2026-11-30',
		Status: 'DRAFT',
		LineItems: [
			{ Description: `Line of ${invoice.crmId}`, Quantity: 1, UnitAmount: 10, AccountCode: invoice.type === 'ACCPAY' ? '310' : '200' },
		],
	};
}

function pairedIndex(item: INodeExecutionData): number | undefined {
	const paired = item.pairedItem as { item: number } | Array<{ item: number }> | undefined;
	return Array.isArray(paired) ? paired[0]?.item : paired?.item;
}

/** Every input item is in exactly one output, success or error. */
function oneOutputPerInput(outcome: SendOutcome, label: string): void {
	const seen = [...outcome.main, ...outcome.errors].map(pairedIndex);
	const expected = outcome.inputs.map((_, i) => i);
	const sorted = [...seen].sort((a, b) => Number(a) - Number(b));
	if (JSON.stringify(sorted) !== JSON.stringify(expected)) {
		violation('every input item in exactly one output', `${label}: ${outcome.inputs.length} inputs, outputs paired to ${JSON.stringify(seen)} (run status ${outcome.status})`);
	}
}

function invoiceKeyHolds(world: XeroWorld, row: Stored, invoice: CrmInvoice, crmId: string): boolean {
	if (row.Type !== invoice.type || !sameOrSuffixed(row.InvoiceNumber, invoice.number, crmId)) return false;
	if (invoice.type === 'ACCREC') return true; // sales numbers are unique per organisation, whoever's customer
	const contact = world.contacts().find((c) => c.ContactID === row.ContactID);
	return lower(contact?.Name) === lower(invoice.contact);
}

function describeRow(world: XeroWorld, row: Stored | undefined): string {
	if (!row) return 'no such record';
	if (row.InvoiceID) {
		const contact = world.contacts().find((c) => c.ContactID === row.ContactID);
		return `${String(row.Type)} ${String(row.InvoiceNumber)} of "${String(contact?.Name)}" (Reference ${String(row.Reference)})`;
	}
	return `contact "${String(row.Name)}" ContactNumber ${String(row.ContactNumber)} ${String(row.ContactStatus)}`;
}

/** CRM organisations that shared a name (case-insensitively) with `crmId`: Update Existing may overwrite each other. */
function nameSharers(model: Model, crmId: string): string[] {
	const own = model.namesSent.get(crmId) ?? new Set<string>();
	return [...model.namesSent.entries()].filter(([, names]) => [...names].some((n) => own.has(n))).map(([id]) => id);
}

function contactIsCounterpart(model: Model, row: Stored, crmId: string): boolean {
	const sharers = nameSharers(model, crmId);
	if (sharers.some((id) => contactNumberOf(row.ContactNumber, id))) return true;
	const names = [...(model.namesSent.get(crmId) ?? [])];
	return names.some((name) => sameOrSuffixed(row.Name, name, crmId));
}

/** After a Send: outputs, and every success item's Xero record is the counterpart of its own input. */
export function checkSend(model: Model, world: XeroWorld, resource: 'organisation' | 'invoice', outcome: SendOutcome, label: string): void {
	oneOutputPerInput(outcome, label);
	const idField = resource === 'organisation' ? 'ContactID' : 'InvoiceID';
	const rows = resource === 'organisation' ? world.contacts() : world.invoices();
	for (const item of outcome.main) {
		const input = outcome.inputs[pairedIndex(item) as number];
		const crmId = String(input.crmId);
		const id = item.json[idField];
		const row = rows.find((r) => r[idField] === id);
		const counterpart =
			row !== undefined &&
			(resource === 'organisation'
				? contactIsCounterpart(model, row, crmId)
				: invoiceKeyHolds(world, row, INVOICES.find((i) => i.crmId === crmId) as CrmInvoice, crmId));
		if (!counterpart) {
			violation(
				'every success item is sent to its own counterpart',
				`${label}: CRM ${crmId} (${JSON.stringify(resource === 'organisation' ? input.Name : [input.Type, (input.Contact as IDataObject).Name, input.InvoiceNumber])}) reported "${String(item.json.syncResult)}" as ${idField} ${String(id)}, which is ${describeRow(world, row)}`,
			);
		}
		(resource === 'organisation' ? model.contactOf : model.invoiceOf).set(crmId, String(id));
	}
}

/** Xero holds no record the inputs did not ask for, no duplicate of one they did, and no reported record overwritten. */
export function checkStore(model: Model, world: XeroWorld, label: string): void {
	const contacts = world.contacts();
	const invoices = world.invoices();
	const billContacts = new Set(INVOICES.filter((i) => model.sentInvoices.has(i.crmId)).map((i) => lower(i.contact)));
	for (const contact of contacts) {
		const asked =
			typeof contact.ContactNumber === 'string'
				? [...model.namesSent.keys()].some((id) => contactNumberOf(contact.ContactNumber, id))
				: billContacts.has(lower(contact.Name));
		if (!asked) violation('Xero holds no record the inputs did not ask for', `${label}: ${describeRow(world, contact)}`);
	}
	for (const crmId of model.namesSent.keys()) {
		const own = contacts.filter((c) => contactNumberOf(c.ContactNumber, crmId));
		if (own.length > 1) {
			violation('no duplicate of a record asked for', `${label}: CRM ${crmId} has ${own.length} contacts: ${own.map((c) => describeRow(world, c)).join('; ')}`);
		}
	}
	for (const row of invoices) {
		const invoice = INVOICES.find((i) => i.crmId === row.Reference);
		if (!invoice || !model.sentInvoices.has(invoice.crmId) || !invoiceKeyHolds(world, row, invoice, invoice.crmId)) {
			violation('Xero holds no record the inputs did not ask for', `${label}: ${describeRow(world, row)}`);
		}
	}
	const byKey = new Map<string, Stored[]>();
	for (const row of invoices) {
		const contact = row.Type === 'ACCPAY' ? lower(contacts.find((c) => c.ContactID === row.ContactID)?.Name) : '';
		const key = `${String(row.Type)}|${contact}|${lower(row.InvoiceNumber)}`;
		byKey.set(key, [...(byKey.get(key) ?? []), row]);
	}
	for (const crmId of model.sentInvoices) byKey.set(`ref:${crmId}`, invoices.filter((r) => r.Reference === crmId));
	for (const [key, rows] of byKey) {
		if (rows.length > 1) {
			violation('no duplicate of a record asked for', `${label}: ${rows.length} invoices for ${key}: ${rows.map((r) => describeRow(world, r)).join('; ')}`);
		}
	}
	// A record once reported as sent stays its CRM record's counterpart: nobody else's send may overwrite it.
	for (const [crmId, id] of model.invoiceOf) {
		const row = invoices.find((r) => r.InvoiceID === id);
		if (!row || !invoiceKeyHolds(world, row, INVOICES.find((i) => i.crmId === crmId) as CrmInvoice, crmId)) {
			violation('no overwrite of another record', `${label}: CRM ${crmId}'s invoice ${id} is now ${describeRow(world, row)}`);
		}
	}
	for (const [crmId, id] of model.contactOf) {
		const row = contacts.find((r) => r.ContactID === id);
		if (!row) violation('no overwrite of another record', `${label}: CRM ${crmId}'s contact ${id} is gone`);
		if (!contactIsCounterpart(model, row, crmId) && !wasRenamedInXero(row, crmId)) {
			violation('no overwrite of another record', `${label}: CRM ${crmId}'s contact ${id} is now ${describeRow(world, row)}`);
		}
	}
}

/** Another Xero user renamed it ("… vN"): still the same record, still carrying the CRM id. */
function wasRenamedInXero(row: Stored, crmId: string): boolean {
	return contactNumberOf(row.ContactNumber, crmId) && / v\d+$/.test(String(row.Name));
}

/**
 * "Changed since the last run", after one Get: nothing delivered twice (across runs), and the cursor is kept
 * (n8n persists static data only after a successful run).
 */
export function checkChanges(model: Model, run: { main: INodeExecutionData[]; errors: INodeExecutionData[]; status: string; staticData: IDataObject }, label: string): void {
	if (run.errors.length > 0 || run.status !== 'success') {
		violation('a healthy Get succeeds', `${label}: ${JSON.stringify(run.errors.map((e) => e.json.message)).slice(0, 400)}`);
	}
	for (const item of run.main) {
		const query = pairedIndex(item) as number;
		const key = `${String(item.json.ContactID)}@${String(item.json.UpdatedDateUTC)}`;
		if (model.delivered[query].has(key)) {
			violation('changed since the last run never delivers the same change twice', `${label}: query ${JSON.stringify(CHANGE_QUERIES[query])} delivered ${String(item.json.Name)} ${key} again`);
		}
		model.delivered[query].add(key);
	}
	model.staticData = run.staticData;
}

/** At the end of a history, once two quiet runs are done: every record in each query's scope was delivered as it is now. */
export async function checkEveryChangeDelivered(model: Model, world: XeroWorld, label: string): Promise<void> {
	for (const [query, where] of CHANGE_QUERIES.slice(0, model.delivered.length).entries()) {
		for (const row of await world.inScope(where)) {
			const key = `${String(row.ContactID)}@${String(row.UpdatedDateUTC)}`;
			if (!model.delivered[query].has(key)) {
				violation('changed since the last run delivers every change', `${label}: query ${JSON.stringify(where)} never delivered ${describeRow(world, row)} as of ${String(row.UpdatedDateUTC)}`);
			}
		}
	}
}
