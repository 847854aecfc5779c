import type { IDataObject } from 'n8n-workflow';
import type { AccountSummary, CurrencySettings } from '../../helpers/preflight';
import type { XeroCaller } from './connection';

/**
 * Organisation settings the pre-flight checks need, read at most once per run and only when a record needs them:
 * a run without foreign currencies or item account codes spends no calls on them.
 */
export class RunLookups {
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
