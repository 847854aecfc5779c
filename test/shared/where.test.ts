import { listQuery } from '../../nodes/XeroSync/get/listQuery';
import { XERO_RESOURCES } from '../../nodes/shared/xero/resources';
import { encoderSafeWhere, equalsString, literalEnd, quoteWhere, rawWhereProblem } from '../../nodes/shared/xero/where';

/** Xero reads `where` as .NET Dynamic LINQ: "" inside a literal is one quote, a backslash is just a backslash. */
describe('where literals as Xero reads them (issue 11, defect 11)', () => {
	it('doubles a double quote and leaves a backslash alone', () => {
		expect(quoteWhere('Bat "QUOTE" Man')).toBe('"Bat ""QUOTE"" Man"');
		expect(quoteWhere('BILL\\7')).toBe('"BILL\\7"');
		expect(quoteWhere('end\\')).toBe('"end\\"');
		expect(equalsString('Name', 'a"b\\')).toBe('Name=="a""b\\"');
	});

	it('reads a literal to its end the way Dynamic LINQ does', () => {
		const where = 'Name=="a""b\\" OR Name=="c"';
		expect(literalEnd(where, 6)).toBe('Name=="a""b\\"'.length);
		expect(literalEnd('"never', 0)).toBe(-1);
		expect(encoderSafeWhere(where)).toBe(where);
	});
});

describe('a raw where cannot escape its parentheses (issue 11, defect 10)', () => {
	it.each([
		['Name=="x") OR (Name!="x"', /"\)" at character 10 has no matching "\("/],
		['(Name=="x"', /1 "\(" is never closed/],
		['Name=="x', /literal starting at character 7 is never closed/],
		['Name=="a\\"b"', /never closed/],
	])('refuses %s', (where, message) => {
		expect(rawWhereProblem(where)).toMatch(message);
		expect(() => listQuery(XERO_RESOURCES.organisation, { where, status: ['ACTIVE'] })).toThrow(/"Where" filter cannot be used/);
	});

	it('accepts parentheses and quotes inside literals, and balanced expressions', () => {
		for (const where of ['Name==")("', 'Name=="a""(b"', '(Name=="x" OR Name=="y") AND IsCustomer==true', "Name.Contains(\"'\")"]) {
			expect(rawWhereProblem(where)).toBeUndefined();
		}
		expect(listQuery(XERO_RESOURCES.organisation, { where: 'Name==")("', status: ['ACTIVE'] }).where).toBe(
			'(ContactStatus=="ACTIVE") AND (Name==")(")',
		);
	});
});
