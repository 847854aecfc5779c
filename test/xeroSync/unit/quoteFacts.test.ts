import { XERO_RESOURCES } from '../../../nodes/shared/xero/resources';
import { BadFilterError, listQuery } from '../../../nodes/XeroSync/get/listQuery';
import { pageQuery, pageSizeOf } from '../../../nodes/XeroSync/get/paging';
import { getDescription } from '../../../nodes/XeroSync/get/description';
import { numberReads } from '../../../nodes/XeroSync/send/match';

const quote = XERO_RESOURCES.quote;

describe('quotes read through getQuotes\' own parameters (declared facts, no resource branches)', () => {
	it('turns filters into Status, ContactID, DateFrom/DateTo and order, never a where', () => {
		const qs = listQuery(quote, { status: 'SENT', contactId: ' abc ', dateFrom: '2026-11-01', dateTo: '2026-11-30', order: 'Date DESC' });
		expect(qs).toEqual({ Status: 'SENT', ContactID: 'abc', DateFrom: '2026-11-01', DateTo: '2026-11-30', order: 'Date DESC' });
		expect(listQuery(quote, { status: ['ACCEPTED'] })).toEqual({ Status: 'ACCEPTED' });
		expect(() => listQuery(quote, { where: 'Total>100' })).toThrow(BadFilterError);
		expect(() => listQuery(quote, { status: ['SENT', 'DRAFT'] })).toThrow(/one status at a time/);
		// Invoices keep their where-based date range and Statuses list.
		expect(listQuery(XERO_RESOURCES.invoice, { status: ['DRAFT', 'PAID'], dateFrom: '2026-11-01' })).toEqual({
			Statuses: 'DRAFT,PAID',
			where: 'Date>=DateTime(2026, 11, 1)',
		});
	});

	it('pages at the fixed 100 without pageSize, and looks numbers up one QuoteNumber at a time', () => {
		expect(pageSizeOf(quote, 1000)).toBe(100);
		expect(pageQuery(quote, 2, 100)).toEqual({ page: 2 });
		expect(pageQuery(XERO_RESOURCES.invoice, 2, 100)).toEqual({ page: 2, pageSize: 100 });
		expect(numberReads(quote, [{ numbers: ['QUO1'], names: [] }, { numbers: ['QUO2', 'QUO1'], names: [] }])).toEqual([
			{ QuoteNumber: 'QUO1' },
			{ QuoteNumber: 'QUO2' },
		]);
	});

	it('offers one Status choice, no Where (Raw) and no Page Size', () => {
		const fields = getDescription('quote');
		const filters = fields.find((field) => field.name === 'filters')?.options as Array<{ name: string; type: string }>;
		expect(filters.map((option) => option.name)).toEqual(['contactId', 'dateFrom', 'dateTo', 'order', 'status']);
		expect(filters.find((option) => option.name === 'status')?.type).toBe('options');
		const options = fields.find((field) => field.name === 'options')?.options as Array<{ name: string }>;
		expect(options.map((option) => option.name)).not.toContain('pageSize');
	});
});
