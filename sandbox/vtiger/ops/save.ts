import { collationKey } from '../../../nodes/shared/collation';
import type { Engine } from '../engine';
import { Errors, FatalError } from '../errors';
import { applyStock, buildLineItems, inventoryTotals } from '../inventory/lineItems';
import { RECORD_NUMBERS } from '../schema/wsIds';
import { coerceValue, fixed } from '../schema/values';
import { phpDateTime } from '../php';
import { fromHtml } from '../schema/html';
import type { LineItemRow, StoredRecord } from '../store/records';
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

// balance = grand total - received (paid on a PurchaseOrder) is set by an aftersave handler that only runs when
// the request set $currentModule: create and update do, revise does not, so a revise leaves balance as it was and
// a balance written by the client is kept (33, 33b, 32).
function refreshTotals(record: StoredRecord, recomputeBalance: boolean): void {
	const totals = inventoryTotals(record);
	record.values.hdnSubTotal = fixed(totals.subTotal, 8);
	record.values.hdnGrandTotal = fixed(totals.grand, 8);
	record.values.pre_tax_total = fixed(totals.preTax, 8);
	const paid = 'received' in record.values ? 'received' : 'paid' in record.values ? 'paid' : undefined;
	if (paid && recomputeBalance) record.values.balance = fixed(totals.grand - Number(record.values[paid] || 0), 8);
}

// Re-saving line items puts the old lines' quantities back in stock and does not take the new ones out (33: a
// revise with LineItems brought 98 back to 100; 33b: each update added 2 and 3 again), and the rows keep their
// line item ids (33x40/41 before and after in 33, 33x42/43 in 33b).
function replaceLineItems(engine: Engine, record: StoredRecord, input: unknown): void {
	if (!Array.isArray(input) || input.length === 0) throw Errors.lineItemsMissing();
	const rows = buildLineItems(engine, record.module, input);
	const old = record.lineItems ?? [];
	applyStock(engine, record, old, 1);
	rows.forEach((row, i) => (row.lineId = old[i]?.lineId ?? engine.store.allocateLineId()));
	record.lineItems = rows;
}

// PHP 8 TypeErrors in VtigerInventoryOperation on update with values exactly as retrieve returns them (33b):
// "" in hdnDiscountAmount (float - string) and a null/"" shipping_&_handling (int + string).
function checkUpdateTypes(element: Element): void {
	if (element.hdnDiscountAmount === '' || (typeof element.hdnDiscountAmount === 'string' && element.hdnDiscountAmount.trim() === ''))
		throw new FatalError('Unsupported operand types: float - string');
	if ('shipping_&_handling' in element && (element['shipping_&_handling'] === null || element['shipping_&_handling'] === ''))
		throw new FatalError('Unsupported operand types: int + string');
}

export interface PendingCreate {
	record: StoredRecord;
	lineInput?: LineItemRow[];
}

/**
 * What vtws_create does before the INSERT: the checks, the values and the duplicate check. CheckDuplicateHandler's
 * SELECT and CRMEntity's INSERT are separate statements with nothing locked between them, so requests that run in
 * parallel (one session each) can all pass the check before any of them inserts (transcript 37).
 */
export function checkCreate(engine: Engine, module: string, element: Element): PendingCreate {
	const spec = engine.spec(module);
	checkReferences(engine, spec, element);
	checkMandatory(spec, element);
	if (spec.inventory && (!Array.isArray(element.LineItems) || element.LineItems.length === 0)) throw Errors.lineItemsMissing();
	const now = engine.clock.now();
	const record: StoredRecord = { module, crmid: 0, values: {}, deleted: false, createdAt: now, modifiedAt: now };
	for (const field of spec.stored) record.values[field.name] = field.default;
	assignValues(engine, record, element);
	checkDuplicates(engine, record);
	const lineInput = spec.inventory ? buildLineItems(engine, module, element.LineItems as unknown[]) : undefined;
	return { record, lineInput };
}

/** The INSERT, whatever was inserted since the check. */
export function insertCreated(engine: Engine, { record, lineInput }: PendingCreate, userId: string): StoredRecord {
	record.crmid = engine.store.allocateCrmid();
	const numbering = RECORD_NUMBERS[record.module];
	if (numbering) record.values[numbering.field] = numbering.prefix + engine.store.nextRecordNumber(record.module);
	stamp(engine, record, userId);
	record.values.createdtime = record.values.modifiedtime;
	record.label = engine.rawLabel(record);
	if (lineInput) {
		for (const row of lineInput) row.lineId = engine.store.allocateLineId();
		record.lineItems = lineInput;
		applyStock(engine, record, lineInput, -1);
		refreshTotals(record, true);
	}
	engine.store.records.set(record.crmid, record);
	return record;
}

/** Check and insert at once: for planting records in tests and demo data. */
export function createRecord(engine: Engine, module: string, element: Element, userId: string): StoredRecord {
	return insertCreated(engine, checkCreate(engine, module, element), userId);
}

function stamp(engine: Engine, record: StoredRecord, userId: string): void {
	const now = engine.clock.now();
	record.modifiedAt = now;
	record.values.modifiedtime = phpDateTime(now);
	record.values.modifiedby = userId;
}

// revise: only the given fields change; a given mandatory field must not be blank.
// update: every mandatory field must be in the element, but omitted optional fields are kept (not cleared).
export function modifyRecord(engine: Engine, record: StoredRecord, element: Element, userId: string, mode: 'revise' | 'update'): void {
	const spec = engine.spec(record.module);
	checkReferences(engine, spec, element);
	const hasLines = spec.inventory && (Array.isArray(element.LineItems) || (record.lineItems?.length ?? 0) > 0);
	if (mode === 'update' && spec.inventory) checkUpdateTypes(element);
	if (mode === 'update') checkMandatory(spec, element, (name) => !(hasLines && name === 'productid'));
	else checkMandatory(spec, element, (name) => name in element);
	const before = { ...record.values };
	assignValues(engine, record, element);
	try {
		checkDuplicates(engine, record);
		if (spec.inventory && 'LineItems' in element) replaceLineItems(engine, record, element.LineItems);
	} catch (error) {
		record.values = before;
		throw error;
	}
	if (spec.inventory) refreshTotals(record, mode === 'update');
	stamp(engine, record, userId);
	record.label = engine.rawLabel(record);
}

