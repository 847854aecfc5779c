import type { IDataObject } from 'n8n-workflow';
import { xeroIdProblem } from '../../shared/xero/recordPath';
import type { XeroCaller } from '../actions/common/readRecords';
import { errorFacts } from '../helpers/errorFacts';
import { missingMandatoryFields } from '../helpers/mandatory';
import type { Entry, Failure, SendRun } from './results';
import type { SendRules } from './rules';

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

	constructor(private readonly caller: XeroCaller) {}

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
	const problems = missingMandatoryFields(spec.resource, payload);
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
