import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	hasNeeds,
	mapBatch,
	mappingOptions,
	unresolvedMessage,
	xeroToCrm,
	type MappingOptionsInput,
	type Resolved,
	type XeroToCrmResult,
} from '../../../../../shared/mapping';
import { isSalesInvoice } from '../../../../../shared/mapping/invoice';
import { linkFieldOf } from '../../../../../shared/mapping/options';
import { RecordProblem } from '../../../../helpers/recordProblem';
import type { VtigerClient } from '../../../../transport';
import { moduleOf } from '../../../context';
import { crmFetcher } from '../../../crmFetcher';
import { createMissingAccounts, createsMissingAccounts, organisationKey } from './missingAccounts';
import { xeroResourceFor } from './xeroMode';
import { attempt } from '../../../../../shared/attempt';
import { chosenFallback, FALLBACK_PENDING, FALLBACK_SERVICE_NAME, settleFallbackProducts } from './fallbackProduct';
import { PreviewWriteBlocked } from '../preview';
import { matchOnFields } from './fields';
import type { InputRead, WriteInput, WriteOperation, XeroSource } from '../types';

type Mapped = XeroToCrmResult | { failed: Error };

/** Xero records that point at a contact the CRM keeps as an organisation. */
const SALES_DOCUMENTS: readonly string[] = ['invoice', 'quote'];

function overridesOf(ctx: IExecuteFunctions, i: number): Record<string, unknown> {
	const collection = ctx.getNodeParameter('overrides', i, {}) as {
		override?: Array<{ field?: string; value?: unknown }>;
	};
	const out: Record<string, unknown> = {};
	for (const { field, value } of collection.override ?? []) {
		if (!field) continue;
		out[field] = value === '' || value === undefined ? undefined : value;
	}
	return out;
}

function optionsFor(ctx: IExecuteFunctions, i: number, module: string, resolved: Resolved): MappingOptionsInput {
	const xeroIdField = String(ctx.getNodeParameter('xeroIdField', i, '') ?? '').trim();
	const input: MappingOptionsInput = { overrides: overridesOf(ctx, i), resolved, fallbackProductId: FALLBACK_PENDING };
	if (module) {
		if (xeroIdField) {
			input.linkFields = { [module]: xeroIdField };
			// Quotes keep a Xero quote's ID apart from their draft invoice's link; the field chosen is for either.
			input.quoteFields = { xeroId: xeroIdField };
		}
		if (ctx.getNodeParameter('xeroResource', i, 'auto') === 'account') input.accountModule = module;
	}
	return input;
}

function toInput(
	ctx: IExecuteFunctions,
	i: number,
	module: string,
	result: XeroToCrmResult,
	operation: WriteOperation,
): WriteInput {
	// The mapping sends "" for fields Xero has empty: the CRM mirrors Xero. Only undefined means "leave alone".
	const values: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(result.fields)) if (value !== undefined && value !== null) values[field] = value;
	const recordId =
		operation === 'update' ? String(ctx.getNodeParameter('recordId', i, '') || result.crmId || '').trim() : undefined;
	const matchOn = operation === 'upsert' ? matchOnFields(ctx, i) : [];
	const alternatives =
		matchOn.length > 0
			? [matchOn.map((field) => ({ field, value: values[field] }))]
			: result.match.map((pair) => [pair]);
	return {
		itemIndex: i,
		module: module || result.module,
		values,
		lineItems: result.lineItems,
		recordId,
		xeroId: result.xeroId,
		alternatives,
	};
}

/** The Xero record and the mapping back to Xero's shape (links, account module; no overrides, they run the other way). */
function xeroSource(ctx: IExecuteFunctions, i: number, module: string, record: IDataObject): XeroSource {
	const { linkFields, accountModule } = optionsFor(ctx, i, module, {});
	return { record, resource: xeroResourceFor(ctx, i, module, record), mapping: { linkFields, accountModule } };
}

/**
 * Maps the batch with the package mapping, fetching what it needs (referenced records, lookups by Xero ID or code)
 * with one query per module and field for the whole batch.
 */
export async function readXeroInputs(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
	operation: WriteOperation,
): Promise<InputRead[]> {
	const map = (i: number, resolved: Resolved): Mapped & { needs: XeroToCrmResult['needs'] } => {
		const module = moduleOf(ctx, i);
		const resource = xeroResourceFor(ctx, i, module, items[i].json);
		try {
			return xeroToCrm(resource, items[i].json as IDataObject, optionsFor(ctx, i, module, resolved), module || undefined);
		} catch (error) {
			return { failed: error as Error, needs: { crmIds: [], lookups: [] } };
		}
	};
	// Sales documents (invoices, quotes: a Xero record with a Contact) need their organisation. A bill (ACCPAY) has no
	// CRM invoice to become, so its supplier is not made a CRM organisation either.
	const isInvoice = items.map(
		(item, i) =>
			SALES_DOCUMENTS.includes(xeroResourceFor(ctx, i, moduleOf(ctx, i), item.json)) && isSalesInvoice(item.json as IDataObject),
	);
	const invoices = items.filter((_item, i) => isInvoice[i]);
	const accountFailures =
		invoices.length > 0 && createsMissingAccounts(ctx)
			? await createMissingAccounts(client, invoices.map((item) => item.json))
			: new Map<string, RecordProblem>();
	const mapped = await mapBatch(items.length, map, crmFetcher(client));
	const lines = mapped.flatMap((entry, index) => {
		if ('failed' in entry || entry.notForModule) return [];
		const module = moduleOf(ctx, index) || entry.module;
		// The link the mapping matched on first (a Xero quote's is not its module's draft-invoice link).
		const linkField =
			entry.match.find((pair) => pair.value === entry.xeroId)?.field ??
			linkFieldOf(mappingOptions(optionsFor(ctx, index, module, {})), module);
		return [{ index, module, linkField, result: entry, chosen: chosenFallback(ctx, index) }];
	});
	const settled = await attempt(async () => await settleFallbackProducts(client, lines));
	// A preview cannot create the fallback service: the invoices whose lines still wait for it say so below.
	if (!settled.ok && !(settled.error instanceof PreviewWriteBlocked)) throw settled.error;
	return mapped.map((entry, i): InputRead => {
		const module = moduleOf(ctx, i);
		if ('failed' in entry) {
			return { input: { itemIndex: i, module, values: {}, alternatives: [] }, error: entry.failed };
		}
		const input = toInput(ctx, i, module, entry, operation);
		input.xero = xeroSource(ctx, i, input.module, items[i].json as IDataObject);
		if (entry.notForModule) return { input, skipped: entry.notForModule };
		const accountFailure = isInvoice[i] ? accountFailures.get(organisationKey(items[i].json)) : undefined;
		if (accountFailure) return { input, error: accountFailure };
		if (entry.lineItems?.some((line) => line.productid === FALLBACK_PENDING)) {
			const message = `Preview (No Writes): a real run first creates the CRM service "${FALLBACK_SERVICE_NAME}" for this invoice's free-text lines, which a preview cannot show; choose "Product for Free-Text Lines" to preview it.`;
			return { input, error: new RecordProblem(message, 'PREVIEW_NEEDS_WRITE') };
		}
		const problems = [...entry.errors];
		if (hasNeeds(entry.needs)) problems.push(unresolvedMessage(entry.needs));
		if (problems.length > 0) return { input, error: new RecordProblem(problems.join(' '), 'MAPPING') };
		return { input, contact: entry.contact };
	});
}
