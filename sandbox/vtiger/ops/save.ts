import { collationKey } from '../../../nodes/shared/collation';
import type { CreateStep, Engine } from '../engine';
import { Errors } from '../errors';
import { applyStock, buildLineItems, inventoryTotals } from '../inventory/lineItems';
import { RECORD_NUMBERS } from '../schema/wsIds';
import { inventoryRequest, type InventoryRequest } from '../inventory/saveRequest';
import { coerceValue, fixed, toNumber } from '../schema/values';
import { phpDateTime } from '../php';
import { fromHtml } from '../schema/html';
import type { LineItemRow, StoredRecord } from '../store/records';
import type { UploadedFile } from '../http/form';
import { saveDocumentFile } from './documents';
import { checkMandatory, checkReferences, type Element } from './element';

const SYSTEM_FIELDS = new Set(['id', 'createdtime', 'modifiedtime', 'modifiedby', 'source', 'starred', 'tags']);

function assignValues(engine: Engine, record: StoredRecord, element: Element): void {
	const spec = engine.spec(record.module);
	for (const field of spec.stored) {
		if (!(field.name in element) || !field.editable || SYSTEM_FIELDS.has(field.name)) continue;
		let value = coerceValue(field, element[field.name], engine.settings.currencyDecimals);
		// A reference to a record that does not exist is dropped without an error.
		if (field.kind === 'reference' && value !== '' && !engine.referenceExists(value)) value = '';
		// from_html skips multi-select picklists (uitype 33) only.
		record.values[field.name] = field.kind === 'text' && field.typeName !== 'multipicklist' ? fromHtml(value) : value;
	}
}

// Accounts.accountname is unique in a fresh install (isunique=1, allowduplicates=0); CheckDuplicateHandler's
// "accountname = ?" compares under the column's collation (case, accents and trailing spaces do not count).
function checkDuplicates(engine: Engine, record: StoredRecord): void {
	if (record.module !== 'Accounts') return;
	const name = collationKey(record.values.accountname);
	const clash = engine.store.live('Accounts').some((r) => r.crmid !== record.crmid && collationKey(r.values.accountname) === name);
	if (clash) throw Errors.duplicate();
}

// The header totals, read back from the line items after every save that touches an inventory record.
function refreshTotals(record: StoredRecord): void {
	const totals = inventoryTotals(record);
	record.values.hdnSubTotal = fixed(totals.subTotal, 8);
	record.values.hdnGrandTotal = fixed(totals.grand, 8);
	record.values.pre_tax_total = fixed(totals.preTax, 8);
}

// balance = grand total - received (paid on a PurchaseOrder) is set by InvoiceHandler/PurchaseOrderHandler on
// aftersave, and only when the request set $currentModule: create and an update that re-sends LineItems do; a
// revise, and an update without LineItems (which VtigerInventoryOperation turns into a revise), do not. So a revise
// leaves balance as it was and a balance written by the client is kept (33, 33b, 32). The handler also computes
// "Paid" for invoicestatus, but only in its local copy: it UPDATEs balance and received alone (33b).
function recomputeBalance(record: StoredRecord): void {
	const paid = 'received' in record.values ? 'received' : 'paid' in record.values ? 'paid' : undefined;
	if (paid) record.values.balance = fixed(toNumber(record.values.hdnGrandTotal) - toNumber(record.values[paid] || 0), 8);
}

// saveInventoryProductDetails writes the header from the request when line items are saved: the tax type, the
// header discount only through discount_type_final (the hdnDiscount* values sent are not stored as such: "0"
// leaves "" in place), region_id as an int ("" -> "0"), and the Shipping & Handling charge (33b).
function applyInventoryHeader(record: StoredRecord, request: InventoryRequest, before: Record<string, string>): void {
	const v = record.values;
	v.hdnTaxType = request.taxType;
	v.hdnDiscountPercent = before.hdnDiscountPercent ?? '';
	v.hdnDiscountAmount = before.hdnDiscountAmount ?? '';
	if (request.discount?.kind === 'percentage') [v.hdnDiscountPercent, v.hdnDiscountAmount] = [fixed(toNumber(request.discount.value), 3), ''];
	if (request.discount?.kind === 'amount') [v.hdnDiscountAmount, v.hdnDiscountPercent] = [fixed(toNumber(request.discount.value), 8), ''];
	if (request.regionId !== undefined) v.region_id = request.regionId;
	if (request.shAmount) v.hdnS_H_Amount = fixed(request.shAmount, 8);
	record.shippingCharge = request.charge;
}

// Re-saving line items puts the old lines' quantities back in stock and does not take the new ones out (33: a
// revise with LineItems brought 98 back to 100; 33b: each update added 2 and 3 again), and the rows keep their
// line item ids (33x40/41 before and after in 33, 33x42/43 in 33b).
function replaceLineItems(engine: Engine, record: StoredRecord, input: unknown): void {
	const rows = buildLineItems(engine, record.module, input as unknown[]);
	const old = record.lineItems ?? [];
	applyStock(engine, record, old, 1);
	rows.forEach((row, i) => (row.lineId = old[i]?.lineId ?? engine.store.allocateLineId()));
	record.lineItems = rows;
}

export interface PendingCreate {
	record: StoredRecord;
	lineInput?: LineItemRow[];
	request?: InventoryRequest;
}

/**
 * What vtws_create does before the duplicate check: the checks and the values. CheckDuplicateHandler's SELECT,
 * the crmid, the record number and CRMEntity's INSERT are separate statements with nothing locked between them,
 * so requests that run in parallel (one session each) can all pass the check before any of them inserts, and can
 * read the same record number (transcript 37).
 */
export function prepareCreate(engine: Engine, module: string, element: Element): PendingCreate {
	const spec = engine.spec(module);
	checkReferences(engine, spec, element);
	checkMandatory(spec, element);
	const request = spec.inventory ? inventoryRequest(element) : undefined;
	if (spec.inventory && (!Array.isArray(element.LineItems) || element.LineItems.length === 0)) throw Errors.lineItemsMissing();
	const now = engine.clock.now();
	const record: StoredRecord = { module, crmid: 0, values: {}, deleted: false, createdAt: now, modifiedAt: now };
	for (const field of spec.stored) record.values[field.name] = field.default;
	const defaults = { ...record.values };
	assignValues(engine, record, element);
	if (request) applyInventoryHeader(record, request, defaults);
	const lineInput = spec.inventory ? buildLineItems(engine, module, element.LineItems as unknown[]) : undefined;
	return { record, lineInput, request };
}

export function checkCreate(engine: Engine, module: string, element: Element): PendingCreate {
	const pending = prepareCreate(engine, module, element);
	checkDuplicates(engine, pending.record);
	return pending;
}

export function checkDuplicatesOf(engine: Engine, pending: PendingCreate): void {
	checkDuplicates(engine, pending.record);
}

function readNumber(engine: Engine, record: StoredRecord): number | undefined {
	return RECORD_NUMBERS[record.module] ? engine.store.peekRecordNumber(record.module) : undefined;
}

function writeNumber(engine: Engine, record: StoredRecord, used: number | undefined): void {
	const numbering = RECORD_NUMBERS[record.module];
	if (!numbering || used === undefined) return;
	engine.store.commitRecordNumber(record.module, used);
	record.values[numbering.field] = numbering.prefix + used;
}

function finishInsert(engine: Engine, { record, lineInput }: PendingCreate, userId: string, files: UploadedFile[]): StoredRecord {
	stamp(engine, record, userId);
	record.values.createdtime = record.values.modifiedtime;
	saveDocumentFile(engine, record, files);
	record.label = engine.rawLabel(record);
	if (lineInput) {
		for (const row of lineInput) row.lineId = engine.store.allocateLineId();
		record.lineItems = lineInput;
		applyStock(engine, record, lineInput, -1);
		refreshTotals(record);
		recomputeBalance(record);
	}
	engine.store.records.set(record.crmid, record);
	return record;
}

/** The INSERT at once, whatever was inserted since the check. */
export function insertCreated(engine: Engine, pending: PendingCreate, userId: string, files: UploadedFile[] = []): StoredRecord {
	pending.record.crmid = engine.store.allocateCrmid();
	writeNumber(engine, pending.record, readNumber(engine, pending.record));
	return finishInsert(engine, pending, userId, files);
}

/** The INSERT as vtiger runs it, one statement at a time, each after engine.createStep lets it go. */
export async function insertCreatedInSteps(
	engine: Engine,
	pending: PendingCreate,
	userId: string,
	files: UploadedFile[],
	step: (name: CreateStep) => Promise<void>,
): Promise<StoredRecord> {
	await step('crmid');
	pending.record.crmid = engine.store.allocateCrmid();
	await step('numberRead');
	const used = readNumber(engine, pending.record);
	await step('numberWrite');
	writeNumber(engine, pending.record, used);
	await step('insert');
	return finishInsert(engine, pending, userId, files);
}

/** Check and insert at once: for planting records in tests and demo data. */
export function createRecord(engine: Engine, module: string, element: Element, userId: string, files: UploadedFile[] = []): StoredRecord {
	return insertCreated(engine, checkCreate(engine, module, element), userId, files);
}

function stamp(engine: Engine, record: StoredRecord, userId: string): void {
	const now = engine.clock.now();
	record.modifiedAt = now;
	record.values.modifiedtime = phpDateTime(now);
	record.values.modifiedby = userId;
}

export interface Modified {
	// Whether line items were re-saved (update or revise with a non-empty LineItems).
	linesSaved: boolean;
	request?: InventoryRequest;
	// The balance the answer shows: the response is assembled before the aftersave handler recomputes it.
	shownBalance?: string;
}

// revise: only the given fields change; a given mandatory field must not be blank.
// update: every mandatory field must be in the element, but omitted optional fields are kept (not cleared).
export function modifyRecord(
	engine: Engine,
	record: StoredRecord,
	element: Element,
	userId: string,
	mode: 'revise' | 'update',
	files: UploadedFile[] = [],
): Modified {
	const spec = engine.spec(record.module);
	checkReferences(engine, spec, element);
	const hasLines = spec.inventory && (Array.isArray(element.LineItems) || (record.lineItems?.length ?? 0) > 0);
	if (mode === 'update') checkMandatory(spec, element, (name) => !(hasLines && name === 'productid'));
	else checkMandatory(spec, element, (name) => name in element);
	// Both sanitizers run first on every inventory save, so their TypeErrors come before anything is written.
	const request = spec.inventory ? inventoryRequest(element) : undefined;
	const linesSaved = !!request && Array.isArray(element.LineItems) && element.LineItems.length > 0;
	const before = { ...record.values };
	assignValues(engine, record, element);
	if (request && linesSaved) applyInventoryHeader(record, request, before);
	try {
		checkDuplicates(engine, record);
		if (linesSaved) replaceLineItems(engine, record, element.LineItems);
	} catch (error) {
		record.values = before;
		throw error;
	}
	if (spec.inventory) refreshTotals(record);
	saveDocumentFile(engine, record, files, before);
	stamp(engine, record, userId);
	record.label = engine.rawLabel(record);
	const shownBalance = record.values.balance;
	if (mode === 'update' && linesSaved) recomputeBalance(record);
	return { linesSaved, request, shownBalance };
}
