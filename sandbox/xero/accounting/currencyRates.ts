/**
 * Units of each currency per US dollar; the sandbox's stand-in for XE.com rates, fixed so tests are repeatable.
 * An invoice's CurrencyRate is units of its currency per unit of the organisation's base currency.
 */
const PER_USD: Record<string, number> = {
	USD: 1,
	NZD: 1.65,
	AUD: 1.5,
	GBP: 0.79,
	EUR: 0.92,
	CAD: 1.36,
	JPY: 150,
	SGD: 1.34,
};

export function currencyRate(base: string, currency: string): number {
	if (base === currency) return 1;
	const from = PER_USD[base] ?? 1;
	const to = PER_USD[currency] ?? 1;
	return Math.round((to / from) * 1e6) / 1e6;
}

export const CURRENCY_NAMES: Record<string, string> = {
	USD: 'United States Dollar',
	NZD: 'New Zealand Dollar',
	AUD: 'Australian Dollar',
	GBP: 'British Pound',
	EUR: 'Euro',
	CAD: 'Canadian Dollar',
	JPY: 'Japanese Yen',
	SGD: 'Singapore Dollar',
};
