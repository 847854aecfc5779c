import { bool, day, isBlank, isCrmId, num, text } from '../../nodes/shared/mapping/vtigerValues';

describe('vtiger values', () => {
	it.each([
		['1250000.50000000', 1250000.5],
		['2.000', 2],
		['0.00000000', 0],
		[' 10 ', 10],
		['-3.5', -3.5],
		['.5', 0.5],
		['1e3', 1000],
		[340.473, 340.473],
	])('reads the number in %p', (raw, expected) => {
		expect(num(raw)).toBe(expected);
	});

	it.each(['', '   ', 'abc', '1,250.00', '12abc', 'NaN', 'Infinity', null, undefined, {}, Number.NaN])(
		'has no number for %p',
		(raw) => {
			expect(num(raw)).toBeUndefined();
		},
	);

	it('treats "", whitespace and null as blank but not "0"', () => {
		expect([isBlank(''), isBlank('  '), isBlank(null), isBlank(undefined), isBlank('0'), isBlank(0)]).toEqual([
			true,
			true,
			true,
			true,
			false,
			false,
		]);
	});

	it('turns numbers and booleans into text, objects into nothing', () => {
		expect([text(12), text(true), text({ a: 1 }), text(null), text('Ünïcødé ✓')]).toEqual([
			'12',
			'true',
			'',
			'',
			'Ünïcødé ✓',
		]);
	});

	it('reads vtiger booleans', () => {
		expect([bool('1'), bool('0'), bool(true), bool(0), bool(''), bool('yes')]).toEqual([true, false, true, false, undefined, undefined]);
	});

	it.each([
		['2024-01-15', '2024-01-15'],
		['15-01-2024', '2024-01-15'],
		['2024-01-15 23:59:59', '2024-01-15'],
		['2024-01-15T00:00:00', '2024-01-15'],
		['2024-01-15T00:00:00.000Z', '2024-01-15'],
		['2024-01-15T00:00:00+13:00', '2024-01-15'],
		['/Date(1705276800000+0000)/', '2024-01-15'],
	])('reads the day of %p', (raw, expected) => {
		expect(day(raw)).toBe(expected);
	});

	it.each(['', '2024-13-45', 'tomorrow', null, 20240115])('has no day for %p', (raw) => {
		expect(day(raw)).toBeUndefined();
	});

	it('recognises vtiger ids', () => {
		expect([isCrmId('11x4'), isCrmId('7xArray'), isCrmId('x4'), isCrmId(114), isCrmId('11x4 ')]).toEqual([true, false, false, false, false]);
	});
});
