import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { WriteInput, WriteOperation } from '../types';

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** The fixed-collection line items, without zero discounts and empty comments vtiger would store as noise. */
function lineItemsFromParameter(ctx: IExecuteFunctions, i: number): Array<Record<string, unknown>> | undefined {
	const collection = ctx.getNodeParameter('lineItems', i, {}) as { item?: IDataObject[] };
	const lines = collection.item ?? [];
	if (lines.length === 0) return undefined;
	return lines.map((line) => {
		const out: Record<string, unknown> = {
			productid: String(line.productid ?? '').trim(),
			quantity: line.quantity ?? 1,
			listprice: line.listprice ?? 0,
		};
		if (Number(line.discount_percent ?? 0) !== 0) out.discount_percent = line.discount_percent;
		else if (Number(line.discount_amount ?? 0) !== 0) out.discount_amount = line.discount_amount;
		if (!isEmpty(line.comment)) out.comment = line.comment;
		return out;
	});
}

export function matchOnFields(ctx: IExecuteFunctions, i: number): string[] {
	const value = ctx.getNodeParameter('matchOn', i, []) as string[] | string;
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list.map((field) => String(field).trim()).filter((field) => field !== '');
}

export function readFieldsInput(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	i: number,
	module: string,
	operation: WriteOperation,
): WriteInput {
	const sendEmpty = (ctx.getNodeParameter('writeOptions', i, {}) as IDataObject).sendEmpty === true;
	const mappingMode = ctx.getNodeParameter('fields.mappingMode', i, 'defineBelow') as string;
	const source: IDataObject =
		mappingMode === 'autoMapInputData'
			? item.json
			: ((ctx.getNodeParameter('fields.value', i, {}) as IDataObject | null) ?? {});

	const values: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(source)) {
		if (field === 'LineItems' || field === 'id') continue;
		if (value === undefined || value === null) continue;
		if (value === '' && !sendEmpty) continue;
		values[field] = value;
	}

	let lineItems = lineItemsFromParameter(ctx, i);
	if (!lineItems && mappingMode === 'autoMapInputData' && Array.isArray(item.json.LineItems)) {
		lineItems = item.json.LineItems as Array<Record<string, unknown>>;
	}

	const recordId = operation === 'update' ? String(ctx.getNodeParameter('recordId', i, '')).trim() : undefined;
	const matchOn = operation === 'upsert' ? matchOnFields(ctx, i) : [];
	const blank = matchOn.filter((field) => isEmpty(values[field]) || String(values[field]).trim() === '');
	if (blank.length > 0) {
		throw new Error(
			`the match field ${blank.join(', ')} has no value, so an existing record cannot be looked up. Map a value to it or change "Match On".`,
		);
	}
	return {
		itemIndex: i,
		module,
		values,
		lineItems,
		recordId,
		alternatives: matchOn.length > 0 ? [matchOn.map((field) => ({ field, value: values[field] }))] : [],
	};
}
