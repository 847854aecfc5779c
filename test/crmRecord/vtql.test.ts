import { buildSelect, parseRawQuery, vtqlCondition, vtqlName, vtqlString, vtqlValue, withLimit } from '../../nodes/CrmRecord/helpers/vtql';

describe('VTQL literals', () => {
	test('single quotes are doubled, the way vtiger 7.5 lexes them', () => {
		expect(vtqlString("O'Brien's")).toBe("'O''Brien''s'");
	});

	test('backslashes are doubled for MySQL; double quotes are plain characters inside the literal', () => {
		expect(vtqlString('a\\b "c"')).toBe("'a\\\\b \"c\"'");
	});

	test('an empty literal is refused instead of sending a query vtiger cannot parse', () => {
		expect(() => vtqlString('')).toThrow(/empty text/);
	});

	test('numbers are quoted (the lexer reads a bare 1e-7 as a column), booleans become the stored 1/0', () => {
		expect(vtqlValue(42.5)).toBe("'42.5'");
		expect(vtqlValue(1e-7)).toBe("'1e-7'");
		expect(vtqlValue(true)).toBe("'1'");
		expect(vtqlValue(false)).toBe("'0'");
		expect(vtqlValue('42')).toBe("'42'");
	});

	test('names that could inject VTQL are refused', () => {
		expect(vtqlName(' accountname ')).toBe('accountname');
		expect(vtqlName('shipping_&_handling')).toBe('shipping_&_handling');
		expect(() => vtqlName("accountname = 'x' OR 1")).toThrow(/not a valid/);
		expect(() => vtqlName('')).toThrow();
	});
});

describe('conditions and SELECT', () => {
	test('IN lists accept arrays and comma-separated text', () => {
		expect(vtqlCondition({ field: 'id', operator: 'IN', value: ['11x7', '11x8'] })).toBe("id IN ('11x7', '11x8')");
		expect(vtqlCondition({ field: 'bill_city', operator: 'IN', value: 'Paris, Rome' })).toBe("bill_city IN ('Paris', 'Rome')");
		expect(() => vtqlCondition({ field: 'id', operator: 'IN', value: '' })).toThrow(/no values/);
	});

	test('contains becomes a LIKE with wildcards around the escaped text', () => {
		expect(vtqlCondition({ field: 'accountname', operator: 'contains', value: "Joe's" })).toBe(
			"accountname LIKE '%Joe''s%'",
		);
	});

	test('contains matches % , _ and \\ literally; LIKE keeps them as the pattern the user wrote', () => {
		expect(vtqlCondition({ field: 'accountname', operator: 'contains', value: '50%_off\\' })).toBe(
			"accountname LIKE '%50\\\\%\\\\_off\\\\\\\\%'",
		);
		expect(vtqlCondition({ field: 'accountname', operator: 'LIKE', value: 'A_me%' })).toBe("accountname LIKE 'A_me%'");
	});

	test('a full SELECT with conditions joined by OR and one ORDER BY column', () => {
		expect(
			buildSelect({
				module: 'Accounts',
				fields: ['accountname', 'bill_city'],
				conditions: [
					{ field: 'bill_city', operator: '=', value: 'Paris' },
					{ field: 'employees', operator: '>', value: 10 },
				],
				combine: 'OR',
				orderBy: { field: 'accountname', direction: 'DESC' },
			}),
		).toBe("SELECT accountname, bill_city FROM Accounts WHERE bill_city = 'Paris' OR employees > '10' ORDER BY accountname DESC");
	});

	test('no fields means SELECT *, no conditions means no WHERE', () => {
		expect(buildSelect({ module: 'Products' })).toBe('SELECT * FROM Products');
	});

	test('withLimit appends the page window and the semicolon vtiger requires', () => {
		expect(withLimit('SELECT * FROM Accounts', 200, 100)).toBe('SELECT * FROM Accounts LIMIT 200, 100;');
	});
});

describe('raw VTQL', () => {
	test('a trailing LIMIT n is taken apart so it can be paged', () => {
		expect(parseRawQuery('SELECT * FROM Accounts LIMIT 150;')).toEqual({
			base: 'SELECT * FROM Accounts',
			offset: 0,
			limit: 150,
		});
	});

	test('LIMIT offset, n keeps both numbers', () => {
		expect(parseRawQuery("select id from Contacts where lastname = 'x' limit 20 , 300 ; ")).toEqual({
			base: "select id from Contacts where lastname = 'x'",
			offset: 20,
			limit: 300,
		});
	});

	test('without LIMIT the whole result is wanted', () => {
		expect(parseRawQuery('SELECT * FROM Invoice')).toEqual({ base: 'SELECT * FROM Invoice', offset: 0 });
	});

	test('anything but a SELECT is refused', () => {
		expect(() => parseRawQuery('DELETE FROM Accounts;')).toThrow(/SELECT/);
	});
});
