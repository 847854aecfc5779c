import type { XeroResourceSpec } from '../../../shared/xero/resources';
import { errorFacts } from '../../helpers/errorFacts';
import { currencyProblem, itemAccountProblems } from '../../helpers/preflight';
import type { RunLookups } from './runLookups';
import type { Entry, SendRun } from './sendRun';

/** Checks that need the organisation's settings; those are read once per run, and only if a record needs them. */
export async function preflight(run: SendRun, spec: XeroResourceSpec, entries: Entry[], lookups: RunLookups): Promise<Entry[]> {
	const withCurrency = spec.resource === 'invoice' ? entries.filter((e) => e.payload.CurrencyCode) : [];
	const withAccounts = spec.resource === 'item' ? entries.filter((e) => itemAccountProblems(e.payload, []).length > 0) : [];
	const settle = async (subset: Entry[], check: (entry: Entry) => Promise<string | undefined>, code: string) => {
		for (const entry of subset) {
			if (run.settled(entry)) continue;
			try {
				const problem = await check(entry);
				if (problem) run.fail(entry.index, { message: problem, code }, entry.payload);
			} catch (error) {
				const facts = errorFacts(error);
				run.fail(entry.index, { message: `Could not read the organisation's settings: ${facts.message}`, code: facts.code }, entry.payload);
				if (facts.haltsRun) run.halt(facts);
			}
		}
	};
	await settle(
		withCurrency,
		async (entry) => currencyProblem(entry.payload.CurrencyCode, await lookups.currencies()),
		'CURRENCY',
	);
	await settle(
		withAccounts,
		async (entry) => {
			const problems = itemAccountProblems(entry.payload, await lookups.accounts());
			return problems.length > 0
				? `${problems.join('; ')}. Run "Get accounts from Xero" and pick an active account code.`
				: undefined;
		},
		'ITEM_ACCOUNT',
	);
	return entries.filter((e) => !run.settled(e));
}
