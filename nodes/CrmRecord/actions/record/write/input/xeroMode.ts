import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { crmModulesOf, xeroResourceOf, type XeroResource } from '../../../../../shared/mapping';

/** The ID field that tells what kind of Xero record an item is (Xero Sync's and the triggers' output shape). */
const ID_FIELDS: ReadonlyArray<[string, XeroResource]> = [
	['InvoiceID', 'invoice'],
	['QuoteID', 'quote'],
	// Before ContactID: a purchase order carries its supplier's.
	['PurchaseOrderID', 'purchaseOrder'],
	['ItemID', 'item'],
	['AccountID', 'account'],
	['ContactID', 'organisation'],
];

function xeroResourceOfRecord(json: IDataObject): XeroResource | undefined {
	return ID_FIELDS.find(([field]) => typeof json[field] === 'string' && json[field] !== '')?.[1];
}

/**
 * "Xero Record Type": the chosen one, or (default "From the Module") the one the CRM module maps to (Invoice →
 * invoice, Accounts → organisation, Products/Services → item, XeroAccounts → account), else what the record is.
 */
export function xeroResourceFor(ctx: IExecuteFunctions, itemIndex: number, module: string, json: IDataObject): XeroResource {
	const chosen = String(ctx.getNodeParameter('xeroResource', itemIndex, 'auto') ?? 'auto');
	if (chosen !== 'auto' && chosen !== '') return chosen as XeroResource;
	// A module several resources map to (Quotes: a draft invoice or a Xero quote) takes the record's own kind.
	const ofRecord = xeroResourceOfRecord(json);
	if (ofRecord !== undefined && crmModulesOf(ofRecord).includes(module)) return ofRecord;
	return xeroResourceOf(module) ?? ofRecord ?? 'organisation';
}

function nothingMapped(ctx: IExecuteFunctions): boolean {
	const fields = ctx.getNodeParameter('fields', 0, {}) as { mappingMode?: string; value?: IDataObject | null };
	const lines = ctx.getNodeParameter('lineItems', 0, {}) as { item?: unknown[] };
	const mapped = Object.values(fields.value ?? {}).some((value) => value !== undefined && value !== null && value !== '');
	return fields.mappingMode !== 'autoMapInputData' && !mapped && (lines.item ?? []).length === 0;
}

/**
 * Whether the items are read as Xero records: Input "Xero Record, Auto-Mapped", or Input "Fields Below" with no field
 * mapped while the items are Xero records (what a node added after a Xero node gets before anyone maps a field), which
 * could not have written anything useful.
 */
export function readsXeroInput(ctx: IExecuteFunctions, items: INodeExecutionData[]): boolean {
	const mode = ctx.getNodeParameter('inputMode', 0, 'fields');
	if (mode !== 'fields') return mode === 'xero';
	return items.length > 0 && items.every((item) => xeroResourceOfRecord(item.json) !== undefined) && nothingMapped(ctx);
}
