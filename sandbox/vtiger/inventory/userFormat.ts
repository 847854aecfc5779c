import { fixed, phpRound } from '../schema/values';

// CurrencyField::convertToUserFormat with the admin's preferences: "123,456,789" grouping, "." separator.
export function userCurrency(value: number, decimals: number): string {
	const [whole, fraction] = fixed(phpRound(value, decimals), decimals).split('.');
	const negative = whole.startsWith('-');
	const digits = negative ? whole.slice(1) : whole;
	const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return (negative ? '-' : '') + grouped + (fraction === undefined ? '' : '.' + fraction);
}

// Quantities and percentages are shown with trailing zeros truncated (truncate_trailing_zeros = 1).
export function trimmedNumber(value: string | number): string {
	const n = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(n)) return String(value);
	return String(Number(n.toFixed(8)));
}
