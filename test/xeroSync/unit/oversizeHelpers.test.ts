import { XERO_RESOURCES } from '../../../nodes/shared/xero/resources';
import { encoderSafeWhere, quoteWhere } from '../../../nodes/shared/xero/where';
import { displayValue } from '../../../nodes/XeroSync/helpers/display';
import type { MatchKeys } from '../../../nodes/XeroSync/send/match';
import { encodedLength, lookupPlan, lookupWhere, MAX_LOOKUP_QUERY, numberReads } from '../../../nodes/XeroSync/send/match';
import { invoiceDateProblems } from '../../../nodes/XeroSync/actions/invoice/sendRules';

// n8n's own query-string encoder (n8n-core sets it as axios' paramsSerializer); the package ships no types.
const { stringify } = require('qs') as { stringify: (params: object) => string };

const contacts = XERO_RESOURCES.organisation;

describe('lookupPlan', () => {
	it('keeps a batch that fits in one where, identical to lookupWhere', () => {
		const keys = [
			{ numbers: ['A1'], names: ['Acme'] },
			{ numbers: [], names: ['Beta'] },
		];
		expect(lookupPlan(contacts, keys)).toEqual({ wheres: [lookupWhere(contacts, keys)], tooLong: [] });
	});

	// Issue 11: sized for Xero's 2,048-character query string, not for the sandbox's former 8 KB.
	it('splits by encoded query length and reports keys that cannot fit alone', () => {
		const keys: MatchKeys[] = Array.from({ length: 30 }, (_v, n) => ({ numbers: [], names: [`${'😀'.repeat(60)}${n}`] }));
		keys.push({ numbers: ['x'.repeat(9000)], names: [] });
		const plan = lookupPlan(contacts, keys);
		expect(plan.tooLong.map((t) => t.index)).toEqual([30]);
		expect(plan.tooLong[0].length).toBeGreaterThan(MAX_LOOKUP_QUERY);
		expect(plan.wheres.length).toBeGreaterThan(1);
		for (const where of plan.wheres) {
			// What n8n's query-string encoder really sends, with the other parameters of a lookup.
			expect(stringify({ where, includeArchived: true, page: 1, pageSize: 1000 }).length).toBeLessThanOrEqual(MAX_LOOKUP_QUERY);
		}
		const covered = plan.wheres.join(' ');
		for (let n = 0; n < 30; n++) expect(covered).toContain(`${'😀'.repeat(60)}${n}"`);
	});

	it('holds at most maxClauses comparisons per lookup', () => {
		const keys: MatchKeys[] = Array.from({ length: 12 }, (_v, n) => ({ numbers: [`N${n}`], names: [] }));
		const plan = lookupPlan(contacts, keys, MAX_LOOKUP_QUERY, 5);
		expect(plan.wheres.map((where) => where.split(' OR ').length)).toEqual([5, 5, 2]);
	});

	it('measures percent-encoding the way URLs do', () => {
		expect(encodedLength('abc-_.~')).toBe(7);
		expect(encodedLength('a b')).toBe(5);
		expect(encodedLength('😀')).toBe(12);
		expect(encodedLength('\uD800')).toBe(9);
	});
});

describe('quoteWhere', () => {
	// Issue 11: Xero's Dynamic LINQ doubles quotes and has no backslash escape (the old \" broke the lookup).
	it('doubles quotes and keeps backslashes', () => {
		expect(quoteWhere('a"b\\')).toBe('"a""b\\"');
	});

	it('keeps the closing quote when the value ends in a lone surrogate', () => {
		const encoded = stringify({ where: `Name==${quoteWhere('abc\uD800')}` });
		expect(decodeURIComponent(encoded.slice('where='.length))).toBe('Name=="abc\uFFFD"');
		expect(quoteWhere('\uDC00x\uD83D\uDE00')).toBe('"\uFFFDx\uD83D\uDE00"');
	});
});

describe('invoiceDateProblems', () => {
	it('accepts Xero dates and refuses years outside 1900–9999, naming the field and the input value', () => {
		expect(invoiceDateProblems({ Date: '2026-11-01', DueDate: '9999-12-31' })).toEqual([]);
		const problems = invoiceDateProblems({ Date: '275760-09-12', DueDate: '1899-12-31' }, { Date: '+275760-09-12T23:59:59.949Z' });
		expect(problems[0]).toMatch(/^Date "\+275760-09-12T23:59:59\.949Z" is not a date Xero accepts/);
		expect(problems[1]).toMatch(/^DueDate "1899-12-31"/);
	});
});

describe('displayValue', () => {
	it('shows text as is and anything else as short JSON with its type', () => {
		expect(displayValue('Acme')).toBe('Acme');
		expect(displayValue(12)).toBe('12');
		expect(displayValue({ a: 1 })).toBe('{"a":1} (an object, not text)');
		expect(displayValue([1])).toBe('[1] (a list, not text)');
		expect(displayValue({ long: 'x'.repeat(200) }).length).toBeLessThan(90);
	});
});

describe('encoderSafeWhere', () => {
	it('shifts literals so n8n\'s query-string encoder never cuts a surrogate pair', () => {
		// 1023 characters before the emoji: its high surrogate would end the encoder's first 1024-character segment.
		const where = `Name=="${'a'.repeat(1023 - 'Name=="'.length)}😀 end"`;
		const broken = new URL(`http://x/?${stringify({ where })}`).searchParams.get('where');
		expect(broken).not.toBe(where);
		const safe = encoderSafeWhere(where) as string;
		expect(safe.replace('== "', '=="')).toBe(where);
		expect(new URL(`http://x/?${stringify({ where: safe })}`).searchParams.get('where')).toBe(safe);
	});

	it('keeps doubled quotes inside a literal and leaves a where without pairs unchanged', () => {
		const where = 'Name=="a""b\\" OR Name=="c"';
		expect(encoderSafeWhere(where)).toBe(where);
	});
});

describe('numberReads', () => {
	const invoices = XERO_RESOURCES.invoice;
	const keys = (numbers: string[]) => numbers.map((n) => ({ numbers: [n], names: [] }));

	it('looks a batch of 50 invoice numbers up in one InvoiceNumbers= call, where the where OR-chain takes two', () => {
		const batch = keys(Array.from({ length: 50 }, (_, n) => `PB-${String(n).padStart(6, '0')}`));
		expect(numberReads(invoices, batch)).toEqual([{ InvoiceNumbers: batch.map((k) => k.numbers[0]).join(',') }]);
		expect(lookupPlan(invoices, batch).wheres.length).toBeGreaterThan(1);
	});

	it('splits only past the URL limit, and leaves numbers with a comma (or resources without the parameter) to where', () => {
		const long = keys(Array.from({ length: 300 }, (_, n) => `LONG-NUMBER-${String(n).padStart(8, '0')}`));
		const reads = numberReads(invoices, long) ?? [];
		expect(reads.length).toBeGreaterThan(1);
		for (const read of reads) expect(encodedLength(`InvoiceNumbers=${String(read.InvoiceNumbers)}`)).toBeLessThanOrEqual(MAX_LOOKUP_QUERY);
		expect(reads.flatMap((read) => String(read.InvoiceNumbers).split(','))).toHaveLength(300);
		expect(numberReads(invoices, keys(['INV-1', 'INV,2']))).toBeUndefined();
		expect(numberReads(XERO_RESOURCES.organisation, [{ numbers: [], names: ['Acme'] }])).toBeUndefined();
	});
});
