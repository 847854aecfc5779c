import { fieldTypes } from '../../nodes/CrmRecord/helpers/normalise';
import { isUnchanged, sameLines } from '../../nodes/CrmRecord/helpers/unchanged';
import { decideMatch, matchWhere, oldestRecord, sameValue, usableAlternatives } from '../../nodes/CrmRecord/helpers/upsertMatch';
import type { DescribeResult } from '../../nodes/CrmRecord/transport/types';

describe('upsert lookup query', () => {
	test('one match field over a batch is one IN list, duplicates folded case-insensitively', () => {
		expect(
			matchWhere([
				[[{ field: 'accountname', value: 'Acme' }]],
				[[{ field: 'accountname', value: "O'Brien Ltd" }]],
				[[{ field: 'accountname', value: 'ACME' }]],
			]),
		).toBe("accountname IN ('Acme', 'O''Brien Ltd')");
	});

	test('values MySQL tells apart stay apart in the lookup: leading spaces, number-looking codes', () => {
		expect(
			matchWhere([[[{ field: 'productcode', value: '7' }]], [[{ field: 'productcode', value: '007' }]], [[{ field: 'productcode', value: ' 7' }]]]),
		).toBe("productcode IN ('7', '007', ' 7')");
	});

	test('a composite key shared by all items is an AND of IN lists', () => {
		expect(
			matchWhere([
				[[{ field: 'firstname', value: 'Jane' }, { field: 'lastname', value: 'Doe' }]],
				[[{ field: 'firstname', value: 'John' }, { field: 'lastname', value: 'Roe' }]],
			]),
		).toBe("firstname IN ('Jane', 'John') AND lastname IN ('Doe', 'Roe')");
	});

	test('fallback keys (Xero ID, then name) are an OR so one query still covers both', () => {
		expect(
			matchWhere([
				[[{ field: 'cf_xero_contact_id', value: 'abc' }], [{ field: 'accountname', value: 'Acme' }]],
			]),
		).toBe("cf_xero_contact_id IN ('abc') OR accountname IN ('Acme')");
	});

	test('no usable keys, no query', () => {
		expect(matchWhere([[], []])).toBeUndefined();
	});

	test('alternatives with a blank value are dropped', () => {
		expect(
			usableAlternatives([[{ field: 'cf_xero_contact_id', value: '' }], [{ field: 'accountname', value: 'Acme' }]]),
		).toEqual([[{ field: 'accountname', value: 'Acme' }]]);
	});
});

describe('deciding per item', () => {
	const rows = [
		{ id: '11x2', accountname: 'Acme Ltd', cf_xero_contact_id: 'X1' },
		{ id: '11x3', accountname: 'Twin', cf_xero_contact_id: '' },
		{ id: '11x4', accountname: 'twin ', cf_xero_contact_id: '' },
	];

	test('the strongest key that matches decides', () => {
		const decision = decideMatch(rows, [[{ field: 'cf_xero_contact_id', value: 'X1' }], [{ field: 'accountname', value: 'Other' }]]);
		expect(decision).toMatchObject({ kind: 'update', row: { id: '11x2' } });
	});

	test('text matches like MySQL: case and trailing spaces do not matter', () => {
		expect(decideMatch(rows, [[{ field: 'accountname', value: 'ACME LTD' }]])).toMatchObject({ kind: 'update' });
		expect(sameValue('1250000.50000000', 1250000.5, 'currency')).toBe(true);
	});

	test('number-looking text is text: "7" does not match "007" unless describe types the field as a number', () => {
		const products = [{ id: '14x7', productcode: '007', qtyinstock: '7.000' }];
		const types = new Map([['productcode', 'string'], ['qtyinstock', 'double']]);
		expect(decideMatch(products, [[{ field: 'productcode', value: '7' }]], types)).toEqual({ kind: 'create' });
		expect(decideMatch(products, [[{ field: 'productcode', value: 7 }]], types)).toEqual({ kind: 'create' });
		expect(decideMatch(products, [[{ field: 'productcode', value: '007 ' }]], types)).toMatchObject({ kind: 'update' });
		expect(decideMatch(products, [[{ field: 'qtyinstock', value: 7 }]], types)).toMatchObject({ kind: 'update' });
		expect(sameValue('1250000.50000000', 1250000.5)).toBe(false);
	});

	test('utf8_general_ci: accents and case do not count, leading spaces do, nothing expands', () => {
		expect(sameValue('Café Zürich', 'CAFE ZURICH')).toBe(true);
		expect(sameValue('Straße', 'STRASE')).toBe(true);
		expect(sameValue('Straße', 'Strasse')).toBe(false);
		expect(sameValue('Æon', 'Aeon')).toBe(false);
		expect(sameValue('Øresund', 'Oresund')).toBe(false);
		expect(sameValue('Йорк', 'Иорк')).toBe(false);
		expect(sameValue('йорк', 'ЙОРК')).toBe(true);
		expect(sameValue('Ёлка', 'елка')).toBe(true);
		expect(sameValue(' Acme', 'Acme')).toBe(false);
		expect(sameValue('Acme  ', 'acme')).toBe(true);
		expect(sameValue('Acme\t', 'Acme')).toBe(false);
	});

	test('two matches are ambiguous rather than a guess', () => {
		const decision = decideMatch(rows, [[{ field: 'accountname', value: 'Twin' }]]);
		expect(decision.kind).toBe('ambiguous');
	});

	test('no match creates', () => {
		expect(decideMatch(rows, [[{ field: 'accountname', value: 'New Co' }]])).toEqual({ kind: 'create' });
	});
});

describe('isUnchanged', () => {
	const describe = {
		name: 'Accounts',
		fields: [
			{ name: 'accountname', type: { name: 'string' } },
			{ name: 'annual_revenue', type: { name: 'currency' } },
			{ name: 'emailoptout', type: { name: 'boolean' } },
		],
	} as unknown as DescribeResult;
	const types = fieldTypes(describe);
	const stored = { id: '11x2', accountname: 'Acme', annual_revenue: '1250000.50000000', emailoptout: '0' };

	test('the same values in other spellings are unchanged', () => {
		expect(isUnchanged(stored, { accountname: 'Acme', annual_revenue: 1250000.5, emailoptout: '0' }, types)).toBe(true);
		expect(isUnchanged(stored, { emailoptout: false }, types)).toBe(true);
	});

	test('a different number, flag or capital is a change', () => {
		expect(isUnchanged(stored, { annual_revenue: 1250000.51 }, types)).toBe(false);
		expect(isUnchanged(stored, { emailoptout: true }, types)).toBe(false);
		expect(isUnchanged(stored, { accountname: 'ACME' }, types)).toBe(false);
	});

	test('an empty number over a stored 0 is no change (vtiger stores empty numbers as 0), over 5 it is', () => {
		const product = { id: '14x1', annual_revenue: '0.00000000' };
		expect(isUnchanged(product, { annual_revenue: '' }, types)).toBe(true);
		expect(isUnchanged({ id: '14x1', annual_revenue: '5.00000000' }, { annual_revenue: '' }, types)).toBe(false);
		expect(isUnchanged(product, { annual_revenue: 'abc' }, types)).toBe(false);
	});

	test('line items or a field the row lacks always count as a change', () => {
		expect(isUnchanged(stored, { LineItems: [] }, types)).toBe(false);
		expect(isUnchanged(stored, { bill_city: 'Paris' }, types)).toBe(false);
	});
});

describe('sameLines', () => {
	const stored = [
		{ productid: '14x10', quantity: '40.000', listprice: '5.00000000', discount_percent: '0.000', discount_amount: '0.00000000', comment: 'Range balls' },
		{ productid: '26x13', quantity: '1.000', listprice: '800.00000000', discount_percent: '10.000', discount_amount: '', comment: '' },
	];

	test('the same lines in vtiger\'s spelling are the same', () => {
		expect(
			sameLines(stored, [
				{ productid: '14x10', quantity: 40, listprice: 5, comment: 'Range balls' },
				{ productid: '26x13', quantity: 1, listprice: 800, discount_percent: 10 },
			]),
		).toBe(true);
	});

	test('another quantity, product, order or count is a change', () => {
		expect(sameLines(stored, [{ productid: '14x10', quantity: 41, listprice: 5, comment: 'Range balls' }, stored[1]])).toBe(false);
		expect(sameLines(stored, [stored[1], stored[0]])).toBe(false);
		expect(sameLines(stored, [stored[0]])).toBe(false);
		expect(sameLines(undefined, [stored[0]])).toBe(false);
	});
});

describe('oldestRecord', () => {
	test('compares the crmid digits as numbers, whatever the module prefix', () => {
		const rows = [{ id: '42x100' }, { id: '42x99' }, { id: '42x101' }];
		expect(oldestRecord(rows)).toEqual({ id: '42x99' });
	});

	test('ignores rows without a webservice id and has no answer for none', () => {
		expect(oldestRecord([{ id: '' }, { id: '12x7' }])).toEqual({ id: '12x7' });
		expect(oldestRecord([])).toBeUndefined();
	});
});
