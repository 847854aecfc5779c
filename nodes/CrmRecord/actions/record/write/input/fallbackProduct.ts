import type { IExecuteFunctions } from 'n8n-workflow';

import { text, type CrmRecord, type XeroToCrmResult } from '../../../../../shared/mapping';
import { vtqlString } from '../../../../helpers/vtql';
import type { VtigerClient } from '../../../../transport';
import { crmFetcher } from '../../../crmFetcher';

/**
 * Xero invoice lines without an item code (free-text lines), or with a code the CRM has no product for, still need a
 * product or service in vtiger. In order: the product of the same line of the CRM invoice the Xero invoice is already
 * linked to (so a round trip keeps the CRM's products), the product or service chosen in the option "Product for
 * Free-Text Lines", else a CRM service named FALLBACK_SERVICE_NAME, created the first time it is needed.
 */
export const FALLBACK_SERVICE_NAME = 'Xero line without item code';

/** What the mapping puts into a line until this file settles which product it gets; never sent to vtiger. */
export const FALLBACK_PENDING = 'fallback-product-pending';

export function chosenFallback(ctx: IExecuteFunctions, itemIndex: number): string {
	const options = ctx.getNodeParameter('writeOptions', itemIndex, {}) as { fallbackProduct?: unknown };
	return String(options.fallbackProduct ?? '').trim();
}

function pendingLines(result: XeroToCrmResult): number[] {
	return (result.lineItems ?? []).flatMap((line, index) => (line.productid === FALLBACK_PENDING ? [index] : []));
}

/** Lines of the linked CRM invoices, by Xero ID: one query for the batch, one retrieve per invoice with such lines. */
async function linkedLines(client: VtigerClient, module: string, linkField: string, xeroIds: string[]) {
	const lines = new Map<string, CrmRecord[]>();
	if (!linkField || xeroIds.length === 0) return lines;
	const rows = await crmFetcher(client).findWhereIn(module, linkField, xeroIds);
	for (const row of rows) {
		const record = await client.retrieve(String(row.id));
		const live = Array.isArray(record.LineItems) ? (record.LineItems as CrmRecord[]) : [];
		lines.set(text(row[linkField]), live.filter((line) => text(line.deleted) !== '1'));
	}
	return lines;
}

async function fallbackService(client: VtigerClient): Promise<string> {
	const name = vtqlString(FALLBACK_SERVICE_NAME);
	const found = await client.query(`SELECT id FROM Services WHERE servicename = ${name} ORDER BY id LIMIT 1;`);
	if (found.length > 0) return String(found[0].id);
	const { userId } = await client.session();
	const created = await client.create('Services', {
		servicename: FALLBACK_SERVICE_NAME,
		discontinued: '1',
		unit_price: '0',
		assigned_user_id: userId,
		description:
			'Stands in for Xero invoice lines that have no item code (or one the CRM has no product for); the line comment keeps their description. Created by n8n-nodes-xero-crm.',
	});
	return String(created.id);
}

/**
 * Replaces FALLBACK_PENDING in the mapped lines (and the header's productid, which vtiger takes from line 1). The
 * service is looked up (and created) only when a line still needs it.
 */
export async function settleFallbackProducts(
	client: VtigerClient,
	results: Array<{ index: number; module: string; linkField: string; result: XeroToCrmResult; chosen: string }>,
): Promise<void> {
	const waiting = results.filter((entry) => pendingLines(entry.result).length > 0);
	if (waiting.length === 0) return;
	const byModule = new Map<string, Map<string, CrmRecord[]>>();
	for (const module of new Set(waiting.map((entry) => entry.module))) {
		const mine = waiting.filter((entry) => entry.module === module && entry.result.xeroId);
		const linkField = mine[0]?.linkField ?? '';
		byModule.set(module, await linkedLines(client, module, linkField, mine.map((entry) => String(entry.result.xeroId))));
	}
	let service: string | undefined;
	for (const { module, result, chosen } of waiting) {
		const existing = byModule.get(module)?.get(String(result.xeroId ?? '')) ?? [];
		const lines = result.lineItems ?? [];
		for (const index of pendingLines(result)) {
			const kept = text(existing[index]?.productid);
			if (kept) lines[index].productid = kept;
			else if (chosen) lines[index].productid = chosen;
			else lines[index].productid = service ??= await fallbackService(client);
		}
		if (lines.length > 0) result.fields.productid = lines[0].productid;
	}
}
