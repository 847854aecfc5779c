import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { collectPages } from '../../helpers/paging';
import { buildSelect, parseRawQuery, withLimit, type VtqlCondition } from '../../helpers/vtql';
import { attachXeroReferences } from '../xeroReferences';
import { actionName, lineItemTypes, moduleOf, outputRecord, recordFailure } from '../context';
import type { VtigerClient } from '../../transport';

interface ConditionInput {
	field?: string;
	operator?: string;
	value?: unknown;
}

const OPERATORS: Record<string, VtqlCondition['operator']> = {
	equals: '=',
	notEquals: '!=',
	lt: '<',
	gt: '>',
	lte: '<=',
	gte: '>=',
	like: 'LIKE',
	in: 'IN',
	contains: 'contains',
};

function operatorOf(name: string | undefined): VtqlCondition['operator'] {
	const operator = OPERATORS[name ?? 'equals'];
	if (!operator) throw new Error(`Unknown filter operator "${name}"`);
	return operator;
}

function splitNames(text: unknown): string[] {
	return String(text ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/** The statement without LIMIT, plus the window the user asked for (their LIMIT, or our limit). */
function plan(ctx: IExecuteFunctions, i: number, module: string) {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number);
	const options = ctx.getNodeParameter('getManyOptions', i, {}) as IDataObject;
	if (ctx.getNodeParameter('queryMode', i, 'filters') === 'vtql') {
		const parsed = parseRawQuery(String(ctx.getNodeParameter('vtql', i, '')));
		const wanted = [parsed.limit, limit].filter((n): n is number => n !== undefined);
		return { base: parsed.base, start: parsed.offset, wanted: wanted.length ? Math.min(...wanted) : undefined, options };
	}
	const filters = ctx.getNodeParameter('filters', i, {}) as { condition?: ConditionInput[] };
	const conditions = (filters.condition ?? [])
		.filter((condition) => (condition.field ?? '') !== '')
		.map((condition) => ({
			field: String(condition.field),
			operator: operatorOf(condition.operator),
			value: condition.value,
		}));
	const orderBy = String(options.orderBy ?? '').trim();
	const base = buildSelect({
		module,
		fields: splitNames(options.fields),
		conditions,
		combine: ctx.getNodeParameter('combine', i, 'AND') as 'AND' | 'OR',
		orderBy: orderBy ? { field: orderBy, direction: options.orderDirection === 'DESC' ? 'DESC' : 'ASC' } : undefined,
	});
	return { base, start: 0, wanted: limit, options };
}

function moduleInQuery(base: string): string | undefined {
	return /\bFROM\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(base)?.[1];
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const lineTypes = await lineItemTypes(client);
	for (let i = 0; i < items.length; i++) {
		let module = moduleOf(this, i);
		try {
			const { base, start, wanted, options } = plan(this, i, module);
			module = moduleInQuery(base) ?? module;
			const rows = await collectPages((page) => client.query(withLimit(base, page.offset, page.count)), {
				start,
				wanted,
			});
			const describe = module ? await client.describe(module).catch(() => undefined) : undefined;
			const kept = rows.slice(0, wanted);
			const outputs = kept.map((row) =>
				outputRecord(row, { raw: options.rawOutput === true, describe, lineItemTypes: lineTypes }),
			);
			if (options.xeroReferences !== false && module) await attachXeroReferences(client, module, kept, outputs);
			for (const json of outputs) out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			out.push(
				recordFailure(this, error, i, {
					action: actionName('getMany', module),
					flow: 'CRM → Xero',
					module,
					label: 'query',
					subject: `Query on ${module || 'the CRM'}`,
				}),
			);
		}
	}
	return out;
}
