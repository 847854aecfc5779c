import type { FieldSpec } from './fieldSpecs';

// PHP round() rounds half away from zero; Math.round does not for negatives.
export function phpRound(value: number, places: number): number {
	const factor = 10 ** places;
	const scaled = Math.abs(value) * factor;
	const rounded = Math.round(scaled + 1e-9 * Math.max(1, scaled)) / factor;
	return Math.sign(value) * rounded;
}

export function toNumber(raw: unknown): number {
	const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
	return Number.isFinite(n) ? n : 0;
}

export function fixed(value: number, places: number): string {
	const s = value.toFixed(places);
	return s === (-0).toFixed(places) ? (0).toFixed(places) : s.replace(/^-(0\.?0*)$/, '$1');
}

function phpString(raw: unknown): string {
	if (raw === true) return '1';
	if (raw === false) return '';
	return String(raw);
}

// How vtiger turns a webservice input value into the stored (and echoed) string for one field.
export function coerceValue(spec: FieldSpec, raw: unknown, currencyDecimals: number): string {
	if (raw === null || raw === undefined || raw === '') {
		return spec.kind === 'text' || spec.kind === 'date' || spec.kind === 'reference' ? '' : spec.default;
	}
	switch (spec.kind) {
		case 'boolean': {
			const s = String(raw).toLowerCase();
			return raw === true || s === '1' || s === 'on' || s === 'yes' || s === 'true' ? '1' : '0';
		}
		case 'integer': {
			const n = parseInt(phpString(raw), 10);
			return Number.isFinite(n) ? String(n) : '0';
		}
		case 'currency':
			// The user's "number of currency decimals" preference is applied when the value is saved.
			return fixed(phpRound(toNumber(raw), currencyDecimals), 8);
		case 'decimal':
			return spec.places === undefined ? phpString(raw) : fixed(toNumber(raw), spec.places);
		case 'date': {
			const s = phpString(raw).trim();
			const dmy = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
			if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
			return s;
		}
		default:
			return phpString(raw);
	}
}
