import { syncStateOf } from './conflicts';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { MappingOptionsInput } from '../../shared/mapping';
import { xeroIdProblem } from '../../shared/xero/recordPath';
import type { XeroTransport } from '../../shared/xero/transport';
import type { MappedRecord } from '../helpers/crmMapping';
import { overridesFrom, payloadFromCrmRecord } from '../helpers/crmMapping';
import { readCrmId } from '../helpers/crmId';
import { errorFacts } from '../helpers/errorFacts';
import { parseJsonParameter } from '../helpers/fieldPayloads';
import { missingMandatoryFields } from '../helpers/mandatory';
import { toXeroPayload } from '../helpers/xeroShape';
import type { SendRules } from './rules';
import type { Entry, Failure, SendRun } from './run';

export interface CurrencySettings {
	base: string;
	enabled: string[];
}

export interface AccountSummary {
	Code?: string;
	Status?: string;
	Name?: string;
}

/**
 * Organisation settings the pre-flight checks need, read at most once per run and only when a record needs them:
 * a run without foreign currencies or item account codes spends no calls on them.
 */
export class OrganisationSettings {
	private currencyRead?: Promise<CurrencySettings>;
	private accountsRead?: Promise<AccountSummary[]>;

	constructor(private readonly caller: XeroTransport) {}

	currencies(): Promise<CurrencySettings> {
		this.currencyRead ??= (async () => {
			const organisation = await this.caller.request({ method: 'GET', path: '/Organisation' });
			const org = (organisation.body?.Organisations as IDataObject[] | undefined)?.[0];
			const currencies = await this.caller.request({ method: 'GET', path: '/Currencies' });
			const list = (currencies.body?.Currencies as IDataObject[] | undefined) ?? [];
			return {
				base: String(org?.BaseCurrency ?? ''),
				enabled: list.map((c) => String(c.Code ?? '')).filter((c) => c !== ''),
			};
		})();
		return this.currencyRead;
	}

	accounts(): Promise<AccountSummary[]> {
		this.accountsRead ??= (async () => {
			const response = await this.caller.request({ method: 'GET', path: '/Accounts' });
			return ((response.body?.Accounts as IDataObject[] | undefined) ?? []).map((a) => ({
				Code: a.Code as string | undefined,
				Status: a.Status as string | undefined,
				Name: a.Name as string | undefined,
			}));
		})();
		return this.accountsRead;
	}
}

function jsonParameter(value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	const parsed = typeof value === 'string' ? parseJsonParameter('Mapping Options (JSON)', 'an object such as {"overrides": {…}}', value) : value;
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new Error('Mapping Options (JSON) must be an object');
	}
	return parsed as IDataObject;
}

/**
 * The write payload for one input item, in whichever input mode the node is set to; a CRM invoice Xero has already
 * settled comes back as `settled` instead. Throws with a user-facing message when the input is unusable.
 */
export function payloadForInputMode(ctx: IExecuteFunctions, rules: SendRules, itemIndex: number, item: INodeExecutionData): MappedRecord {
	const { resource } = rules.spec;
	const inputMode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (inputMode === 'json') return { payload: toXeroPayload(rules, item.json) };
	const extra = rules.extraInputModes?.find((mode) => mode.value === inputMode);
	if (extra) return { payload: toXeroPayload(rules, extra.toRecord(item.json)) };
	if (inputMode === 'crmRecord') {
		const options = jsonParameter(ctx.getNodeParameter('mappingOptions', itemIndex, '{}')) as MappingOptionsInput;
		const pairs = (ctx.getNodeParameter('overridesUi', itemIndex, {}) as IDataObject).override as IDataObject[];
		const overrides = { ...(options.overrides ?? {}), ...overridesFrom(pairs) };
		const module = ctx.getNodeParameter('crmModule', itemIndex) as string;
		const target = { resource, modules: rules.crmModules, moduleFromOptions: rules.crmModuleFromOptions?.(options), map: rules.crmMap };
		const mapped = payloadFromCrmRecord(target, module, item.json, { ...options, overrides });
		// The mapping emits Xero's request shape; the same whitelist as JSON input keeps unknown fields out.
		return 'payload' in mapped ? { payload: toXeroPayload(rules, mapped.payload) } : mapped;
	}
	return { payload: rules.fromFields(ctx, itemIndex) };
}

/**
 * Why one record cannot be sent, found before any call: its mandatory fields, its Xero ID, then the resource's own
 * checks (SendRules.checks). `payload` is what the failure shows (a malformed ID is not echoed as the record's ID).
 */
export function recordProblem(
	rules: SendRules,
	payload: IDataObject,
	input: IDataObject,
): { failure: Failure; payload: IDataObject } | undefined {
	const { spec } = rules;
	const problems = missingMandatoryFields(rules, payload);
	if (problems.length > 0) {
		return { failure: { message: `not sent because ${problems.join('; ')}.`, code: 'MANDATORY_FIELDS' }, payload };
	}
	const badId = xeroIdProblem(spec.idField, payload[spec.idField]);
	if (badId) return { failure: { message: `not sent: ${badId}.`, code: 'BAD_ID' }, payload: { ...payload, [spec.idField]: undefined } };
	for (const check of rules.checks) {
		const message = check.problem(payload, input);
		if (message) return { failure: { message, code: check.code }, payload };
	}
	return undefined;
}

/** Each item's payload, checked on its own; items that cannot be sent are failed (or skipped as settled) here. */
export function checkedEntries(ctx: IExecuteFunctions, run: SendRun, rules: SendRules, items: INodeExecutionData[]): Entry[] {
	const entries: Entry[] = [];
	for (let i = 0; i < items.length; i++) {
		const crmId = readCrmId(items[i].json);
		let payload: IDataObject;
		try {
			const mapped = payloadForInputMode(ctx, rules, i, items[i]);
			if ('settled' in mapped) {
				run.succeed({ index: i, crmId, payload: {} }, mapped.settled, 'Skipped');
				continue;
			}
			payload = mapped.payload;
		} catch (error) {
			run.fail(i, { message: `not sent: ${(error as Error).message}`, code: 'BAD_INPUT' });
			continue;
		}
		const problem = recordProblem(rules, payload, items[i].json);
		if (problem) run.fail(i, problem.failure, problem.payload);
		else entries.push({ index: i, crmId, payload, syncState: run.policy === 'sourceAlways' ? undefined : syncStateOf(items[i].json, run.syncHashField) });
	}
	return entries;
}

/** The resource's checks against the organisation's settings; those are read once per run, and only if a record needs them. */
export async function checkSettings(run: SendRun, rules: SendRules, entries: Entry[], settings: OrganisationSettings): Promise<Entry[]> {
	for (const check of rules.settingsChecks) {
		for (const entry of entries.filter((e) => check.needed([e.payload]))) {
			if (run.settled(entry)) continue;
			try {
				const problem = await check.problem(entry.payload, settings);
				if (problem) run.fail(entry.index, { message: problem, code: check.code }, entry.payload);
			} catch (error) {
				const facts = errorFacts(error);
				run.fail(entry.index, { message: `Could not read the organisation's settings: ${facts.message}`, code: facts.code }, entry.payload);
				if (facts.haltsRun) run.halt(facts);
			}
		}
	}
	return entries.filter((e) => !run.settled(e));
}
