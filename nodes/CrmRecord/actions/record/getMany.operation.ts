import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { collectPages } from '../../helpers/paging';
import { buildSelect, parseRawQuery, withLimit, type VtqlCondition } from '../../helpers/vtql';
import { actionName, lineItemTypes, moduleOf, outputRecord, recordFailure } from '../context';
import type { VtigerClient } from '../../transport';
import { rawOutputOption } from '../common.descriptions';
import { attachXeroReferences, xeroReferencesOption } from '../xeroReferences';

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

export const description: INodeProperties[] = [
	{
		displayName: 'Query With',
		name: 'queryMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Filters', value: 'filters', description: 'Conditions built into a VTQL query for you' },
			{ name: 'VTQL', value: 'vtql', description: 'Write the query yourself' },
		],
		default: 'filters',
		displayOptions: { show: { operation: ['getMany'] } },
	},
	{
		displayName: 'VTQL Query',
		name: 'vtql',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: "SELECT * FROM Accounts WHERE bill_city = 'Paris';",
		hint: 'vtiger returns at most 100 rows per query: the node pages with LIMIT offset, 100. A LIMIT you write is respected.',
		displayOptions: { show: { operation: ['getMany'], queryMode: ['vtql'] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		placeholder: 'Add Condition',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { operation: ['getMany'], queryMode: ['filters'] } },
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getQueryFields', loadOptionsDependsOn: ['module.value'] },
						default: '',
						description:
							'The CRM field to compare (its API name, e.g. accountname). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Contains', value: 'contains', description: 'The text as written: % and _ are not wildcards' },
							{ name: 'Equals', value: 'equals' },
							{ name: 'Greater Than', value: 'gt' },
							{ name: 'Greater Than or Equal', value: 'gte' },
							{ name: 'In List (Comma-Separated)', value: 'in' },
							{ name: 'Less Than', value: 'lt' },
							{ name: 'Less Than or Equal', value: 'lte' },
							{
								name: 'Matches Pattern (% and _ Wildcards)',
								value: 'like',
								description: 'SQL LIKE: % is any text, _ one character, \\ before either matches it literally',
							},
							{ name: 'Not Equals', value: 'notEquals' },
						],
						// Values are names, not symbols: a parameter value starting with "=" is read as an expression.
						default: 'equals',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value to compare the field with; for In List, values separated by commas',
					},
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'combine',
		type: 'options',
		options: [
			{ name: 'All Must Match (AND)', value: 'AND' },
			{ name: 'Any May Match (OR)', value: 'OR' },
		],
		default: 'AND',
		description: 'Whether a record must meet every condition or at least one',
		displayOptions: { show: { operation: ['getMany'], queryMode: ['filters'] } },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: { operation: ['getMany'] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { operation: ['getMany'], returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'getManyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['getMany'] } },
		options: [
			{
				displayName: 'Fields to Return',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'accountname, bill_city',
				description: 'Comma-separated field names; empty returns all fields (filters mode only)',
			},
			{
				displayName: 'Sort Field',
				name: 'orderBy',
				type: 'string',
				default: '',
				placeholder: 'modifiedtime',
				description: 'One field to sort by (vtiger accepts a single ORDER BY column; filters mode only)',
			},
			{
				displayName: 'Sort Direction',
				name: 'orderDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
			xeroReferencesOption,
			rawOutputOption,
		],
	},
];

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
